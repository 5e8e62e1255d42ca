/** Opening a store from a connection URL: `sqlite:<file>` / a `.db` path, or `postgres://…`. */
import path from 'node:path';
import { ChurnError } from '../errors/index.js';
import { PostgresStore } from './postgres.js';
import { restoreRawTableIndexes } from './raw-indexes.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export interface OpenOptions {
  /** Resolve relative SQLite paths against this folder (default: cwd). */
  baseDir?: string;
  /** PostgreSQL only: work inside this schema (tests use one per file). */
  schema?: string;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
}

/** Opens (and by default migrates) the store a URL names. */
export async function openStore(url: string, options: OpenOptions = {}): Promise<Store> {
  let store: Store;
  if (/^postgres(ql)?:\/\//.test(url)) {
    store = await PostgresStore.open(url, options.schema ?? null);
  } else if (url.startsWith('sqlite:') || /\.(db|sqlite3?)$/.test(url) || url === ':memory:') {
    const file = url.replace(/^sqlite:(\/\/)?/, '');
    store = new SqliteStore(file === ':memory:' ? file : path.resolve(options.baseDir ?? process.cwd(), file));
  } else {
    throw new ChurnError('CHURN_ERR_CONFIG', `databaseUrl must start with sqlite: or postgres:// (got ${JSON.stringify(url)})`, {
      key: 'databaseUrl',
    });
  }
  if (options.migrate !== false) {
    try {
      await store.migrate();
      await restoreRawTableIndexes(store); // after a bulk load that was cut short (see raw-indexes.ts)
    } catch (e) {
      await store.close();
      throw e;
    }
  }
  return store;
}
