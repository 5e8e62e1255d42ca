import { afterAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../../test/helpers/stores.js';
import type { LoggedPrediction } from '../deps.js';
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

describe.each(engines)('the prediction log on $name', ({ open }) => {
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
});
