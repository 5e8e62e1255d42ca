import { afterAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../../test/helpers/stores.js';
import { rawTableIndexes } from '../../store/index.js';
import { contracts, rawTableNames } from '../contract/index.js';
import { generateBusiness } from './generate.js';
import type { GenerateOptions } from './options.js';
import { memorySink } from './sinks/memory-sink.js';
import { storeSink } from './sinks/store-sink.js';

afterAll(closeAllStores);

const options: GenerateOptions = { customers: 150, months: 6, seed: 5, batchCustomers: 40 };

describe.each(engines)('generating into the $name store', ({ open }) => {
  it('writes every row, parents before children, exactly as generated', async () => {
    const store = await open();
    const summary = await generateBusiness(options, storeSink(store));
    const memory = memorySink();
    await generateBusiness(options, memory);
    for (const t of rawTableNames) {
      const [{ n }] = await store.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t}`);
      expect(Number(n), t).toBe(summary.rows[t]);
      const cols = contracts[t].columns;
      const rows = await store.all<Record<string, unknown>>(`SELECT ${cols.join(', ')} FROM ${t}`);
      const key = (r: unknown[]) => contracts[t].primaryKey.map((k) => String(r[cols.indexOf(k)])).join('\u0000');
      const byKey = (a: unknown[], b: unknown[]) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
      expect(rows.map((r) => cols.map((c) => r[c])).sort(byKey)).toEqual([...memory.tables[t]].sort(byKey));
    }
    // SQLite loads without the secondary indexes and builds them at the end: every one is back.
    if (store.engine === 'sqlite') {
      const names = await store.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL");
      expect(names.map((r) => r.name)).toEqual(expect.arrayContaining(rawTableIndexes.map((ix) => ix.name)));
    }
  });

  it('refuses to write into a store that already holds customers, unless asked to replace them', async () => {
    const store = await open();
    const first = await generateBusiness(options, storeSink(store));
    await expect(generateBusiness({ ...options, seed: 6 }, storeSink(store))).rejects.toMatchObject({ code: 'CHURN_ERR_STORE' });
    const [{ n }] = await store.all<{ n: number }>('SELECT COUNT(*) AS n FROM usage_daily');
    expect(Number(n)).toBe(first.rows.usage_daily);
    // Gathering several batches per transaction writes the same rows.
    const second = await generateBusiness({ ...options, seed: 6 }, storeSink(store, { replace: true, rowsPerTransaction: 2000 }));
    const [{ m }] = await store.all<{ m: number }>('SELECT COUNT(*) AS m FROM usage_daily');
    expect(Number(m)).toBe(second.rows.usage_daily);
  });

  it('a failure mid-way leaves only whole, committed batches of customers behind', async () => {
    const store = await open();
    const failAt = (id: string) => {
      if (id === 'C00000095') throw new Error('boom');
      return 1;
    };
    await expect(generateBusiness({ ...options, churnHazard: failAt }, storeSink(store))).rejects.toThrow('boom');
    const [{ n }] = await store.all<{ n: number }>('SELECT COUNT(*) AS n FROM customers');
    expect(Number(n)).toBe(80); // batches of 40: customers 1–80 committed, the batch holding 95 never written
    const [{ orphans }] = await store.all<{ orphans: number }>(
      "SELECT COUNT(*) AS orphans FROM usage_daily WHERE customer_id > 'C00000080'",
    );
    expect(Number(orphans)).toBe(0);
  });
});
