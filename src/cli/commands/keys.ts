/** `churn keys create --name N --scopes predict,admin | list | revoke ID`: API keys (the secret is printed once). */
import type { Command } from 'commander';
import { createApiKey, listApiKeys, parseScopes, revokeApiKey } from '../../serving/index.js';
import { action, withStore } from '../context.js';

/** Registers `churn keys`. */
export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('API keys of `churn serve` (stored as sha256 hashes)');
  keys
    .command('create')
    .description('Create a key and print it once')
    .requiredOption('--name <name>', 'who uses the key (e.g. crm)')
    .option('--scopes <list>', 'comma-separated: predict, admin', 'predict')
    .action(
      action(async (o: { name: string; scopes: string }) => {
        const scopes = parseScopes(o.scopes);
        await withStore(async (store) => {
          await store.migrate();
          const { secret, key } = await createApiKey(store, o.name, scopes);
          console.log(secret);
          console.error(
            `key ${key.keyId} (${key.name}; scopes ${key.scopes.join(',')}) created. Store it now: it is not shown again.`,
          );
        });
      }),
    );
  keys
    .command('list')
    .description('List keys (never the secrets)')
    .action(
      action(async () => {
        await withStore(async (store) => {
          await store.migrate();
          for (const k of await listApiKeys(store))
            console.log(
              [k.keyId, k.name, k.scopes.join(','), k.createdAt, k.revokedAt ? `revoked ${k.revokedAt}` : 'active'].join('\t'),
            );
        });
      }),
    );
  keys
    .command('revoke <id>')
    .description('Revoke a key (servers stop accepting it within serving.keyCacheSeconds)')
    .action(
      action(async (id: string) => {
        await withStore(async (store) => {
          await revokeApiKey(store, id);
          console.error(`key ${id} revoked`);
        });
      }),
    );
}
