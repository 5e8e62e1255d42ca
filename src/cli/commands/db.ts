/** `churn db migrate`: applies pending schema migrations to the configured store. */
import type { Command } from 'commander';
import { openStore } from '../../store/index.js';
import { action, cliConfig } from '../context.js';

export function registerDb(program: Command): void {
  const db = program.command('db').description('Database administration');
  db.command('migrate')
    .description('Apply pending schema migrations to the configured store (SQLite file or DATABASE_URL)')
    .action(
      action(async () => {
        const config = cliConfig();
        const store = await openStore(config.databaseUrl, { baseDir: config.projectDir, migrate: false });
        try {
          const applied = await store.migrate();
          console.log(
            applied.length
              ? `applied migrations ${applied.join(', ')} on ${store.engine}`
              : `${store.engine} store is up to date`,
          );
        } finally {
          await store.close();
        }
      }),
    );
}
