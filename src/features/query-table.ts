/**
 * Query results as arrays with one column list, for result sets too wide for row objects: building a 70-key object per
 * row costs more than the snapshot query's own aggregation on SQLite (measured in bench/features.ts). On SQLite this
 * reads arrays straight from better-sqlite3 (`raw` mode); other engines go through `Store.all`.
 */
import { SqliteStore, type Store } from '../store/index.js';

/** Column names and rows as arrays in that column order. */
export interface QueryTable {
  columns: string[];
  rows: unknown[][];
}

/** Runs `sql` and returns its rows as arrays. */
export async function queryTable(store: Store, sql: string, params: readonly unknown[]): Promise<QueryTable> {
  if (store instanceof SqliteStore) {
    const statement = store.db.prepare(sql).raw(true);
    return { columns: statement.columns().map((c) => c.name), rows: statement.all(...params) as unknown[][] };
  }
  const objects = await store.all(sql, params);
  const columns = objects.length ? Object.keys(objects[0]) : [];
  return { columns, rows: objects.map((o) => columns.map((c) => o[c])) };
}
