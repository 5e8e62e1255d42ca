/** The engines every store-backed test runs against: SQLite always, PostgreSQL when DATABASE_URL is set (always in CI). */
import { randomBytes } from 'node:crypto';
import { openStore, PostgresStore, type Store } from '../../src/store/index.js';

export interface EngineCase {
  name: 'sqlite' | 'postgres';
  /** Opens a fresh, migrated, empty store (a new in-memory SQLite db, or a new PostgreSQL schema). */
  open(): Promise<Store>;
}

const pgUrl = process.env.DATABASE_URL;
if (process.env.CI === 'true' && !pgUrl) throw new Error('CI=true but DATABASE_URL is not set: PostgreSQL tests must run in CI');

const opened: Store[] = [];

/** SQLite, plus PostgreSQL when DATABASE_URL is set. */
export const engines: EngineCase[] = [
  { name: 'sqlite', open: async () => track(await openStore(':memory:')) },
  ...(pgUrl
    ? [
        {
          name: 'postgres' as const,
          open: async () => track(await openStore(pgUrl, { schema: `t_${randomBytes(6).toString('hex')}` })),
        },
      ]
    : []),
];

function track(s: Store): Store {
  opened.push(s);
  return s;
}

/** Closes (and for PostgreSQL drops the schema of) every store opened by this file; call in afterAll. */
export async function closeAllStores(): Promise<void> {
  for (const s of opened.splice(0)) {
    if (s instanceof PostgresStore) await s.dropSchema();
    await s.close();
  }
}
