import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from './open.js';
import { dropRawTableIndexes, rawTableIndexes } from './raw-indexes.js';
import type { Store } from './store.js';

const dir = mkdtempSync(path.join(tmpdir(), 'churn-raw-indexes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rawTables = new Set<string>(['customers', ...rawTableIndexes.map((ix) => ix.table)]);
/** Every named index on a raw table, as SQLite stores its definition. */
const indexesOf = async (store: Store) =>
  (
    await store.all<{ name: string; tbl_name: string; sql: string }>(
      "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
    )
  )
    .filter((r) => rawTables.has(r.tbl_name))
    .map((r) => r.sql.replace(/\s+/g, ' '));
const expected = rawTableIndexes.map((ix) => `CREATE INDEX ${ix.name} ON ${ix.table} (${ix.columns.join(', ')})`).sort();

describe('raw-table indexes on SQLite (bulk loads build them once at the end)', () => {
  it('lists exactly the secondary indexes migration 1 creates on the raw tables', async () => {
    const store = await openStore(':memory:');
    expect(await indexesOf(store)).toEqual(expected);
    await store.close();
  });

  it('are rebuilt on open after a bulk load cut short', async () => {
    const file = path.join(dir, 'churn.db');
    const store = await openStore(file);
    const plan = await store.all<{ detail: string }>(
      "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM usage_daily WHERE activity_date >= '2025-03-01'",
    );
    expect(plan.map((p) => p.detail).join(' ')).toContain('usage_daily_date');
    await dropRawTableIndexes(store); // as a generation killed mid-way leaves the store
    expect(await indexesOf(store)).toEqual([]);
    await store.close();
    const reopened = await openStore(file);
    expect(await indexesOf(reopened)).toEqual(expected);
    await reopened.close();
  });
});
