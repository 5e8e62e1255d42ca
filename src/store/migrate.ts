/** The migration runner shared by both engines: applies pending versions in order, each in its own transaction. */
import { ChurnError } from '../errors/index.js';
import { migrations } from './migrations/index.js';
import type { Store } from './store.js';

export async function runMigrations(store: Store): Promise<number[]> {
  await store.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const done = new Set(
    (await store.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)),
  );
  const newest = Math.max(0, ...migrations.map((m) => m.version));
  const unknown = [...done].filter((v) => v > newest);
  if (unknown.length)
    throw new ChurnError(
      'CHURN_ERR_MIGRATION',
      `The database has schema version ${Math.max(...unknown)}, newer than this churnlab knows (${newest}); upgrade churnlab.`,
      { versions: unknown },
    );
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    await store.transaction(async (tx) => {
      await tx.exec(m.up(tx.dialect));
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
    });
    applied.push(m.version);
  }
  return applied;
}
