import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../../test/helpers/stores.js';
import { openStore, type Store } from '../../store/index.js';
import type { LoggedPrediction } from '../deps.js';
import { pseudonymiser } from '../server.js';
import { quietLogger } from '../testing/server.test-support.js';
import { bufferedPredictionLog } from './prediction-log.js';

afterAll(closeAllStores);

const row = (i: number, features: LoggedPrediction['features']): LoggedPrediction => ({
  source: 'batch',
  requestId: 'r-1',
  customerRef: null,
  snapshotDate: null,
  modelId: 'm-1',
  inputHash: `h${i}`,
  probability: i / 10_000,
  decision: 0,
  riskBucket: 'Low',
  features,
});

const fileDir = mkdtempSync(path.join(tmpdir(), 'churn-log-'));
const fileStores: Store[] = [];
afterAll(async () => {
  for (const s of fileStores) await s.close();
  rmSync(fileDir, { recursive: true, force: true });
});
// A SQLite file is written by the log's writer thread through its own connection; memory and PostgreSQL by the store.
const logEngines = [
  ...engines,
  {
    name: 'a SQLite file (writer thread)',
    open: async () => {
      const store = await openStore(path.join(fileDir, `log-${fileStores.length}.db`));
      fileStores.push(store);
      return store;
    },
  },
];

describe.each(logEngines)('the prediction log on $name', ({ open }) => {
  it('stores each row’s feature values as a JSON object (over several serialisation slices), and null without them', async () => {
    const store = await open();
    const log = bufferedPredictionLog(store, quietLogger(), { batchRows: 5000, flushMs: 60_000 });
    const n = 1234;
    for (let i = 0; i < n; i++)
      log.add(row(i, i % 100 === 0 ? null : { total_crashes_30d: i, plan_type: i % 2 ? 'premium' : 'basic', minutes: null }));
    await log.close();
    const rows = await store.all<{ input_hash: string; features_json: string | null }>(
      'SELECT input_hash, features_json FROM predictions ORDER BY prediction_id',
    );
    expect(rows.length).toBe(n);
    for (let i = 0; i < n; i++) {
      expect(rows[i].input_hash).toBe(`h${i}`);
      if (i % 100 === 0) expect(rows[i].features_json).toBeNull();
      else
        expect(JSON.parse(rows[i].features_json as string)).toEqual({
          total_crashes_30d: i,
          plan_type: i % 2 ? 'premium' : 'basic',
          minutes: null,
        });
    }
  });

  it('pseudonymises rows given a customer id with the server’s keyed HMAC when it writes them; refs given stay as they are', async () => {
    const store = await open();
    const key = 'a test key';
    const log = bufferedPredictionLog(store, quietLogger(), { batchRows: 5000, flushMs: 60_000, hmacKey: key });
    const ids = Array.from({ length: 600 }, (_, i) => (i % 3 === 0 ? `C${i}` : `客户-${i}`));
    ids.forEach((id, i) => {
      if (i % 5 === 0) log.add({ ...row(i, null), customerRef: `given-${i}` });
      else if (i % 7 === 0)
        log.add(row(i, null)); // anonymous: no id
      else log.add({ ...row(i, { i }), customerId: id });
    });
    await log.close();
    const stored = await store.all<{ customer_ref: string | null }>(
      'SELECT customer_ref FROM predictions ORDER BY prediction_id',
    );
    const ref = pseudonymiser(key);
    expect(stored.map((r) => r.customer_ref)).toEqual(
      ids.map((id, i) => (i % 5 === 0 ? `given-${i}` : i % 7 === 0 ? null : ref(id))),
    );
  });

  it('refuses a customer id when it has no HMAC key to pseudonymise it with', async () => {
    const log = bufferedPredictionLog(await open(), quietLogger(), { batchRows: 5000, flushMs: 60_000 });
    expect(() => log.add({ ...row(0, null), customerId: 'C1' })).toThrow(/no HMAC key/);
    await log.close();
  });

  it('makes flushed rows visible to the server’s own connection, in order, and keeps logging after a flush', async () => {
    const store = await open();
    const log = bufferedPredictionLog(store, quietLogger(), { batchRows: 100, flushMs: 60_000 });
    for (let i = 0; i < 250; i++) log.add(row(i, { i }));
    await log.flush();
    expect(log.pending()).toBe(0);
    const first = await store.all<{ n: number }>('SELECT COUNT(*) AS n FROM predictions');
    expect(Number(first[0].n)).toBe(250);
    for (let i = 250; i < 300; i++) log.add(row(i, null));
    await log.close();
    const hashes = await store.all<{ input_hash: string }>('SELECT input_hash FROM predictions ORDER BY prediction_id');
    expect(hashes.map((h) => h.input_hash)).toEqual(Array.from({ length: 300 }, (_, i) => `h${i}`));
  });
});
