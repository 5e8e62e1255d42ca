import { afterAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../test/helpers/stores.js';
import { modelFeatures } from './catalogue.js';
import { deriveFeatures } from './derived.js';
import { rowOf } from './frame.js';
import { fitPreprocessor, transform, transformRecords } from './preprocess/index.js';
import { snapshotAt } from './snapshot.js';
import { randomBusiness } from './testing/random-business.js';
import { buildTrainingSet } from './training-set.js';

afterAll(closeAllStores);

describe('training/serving parity', () => {
  it('gives the same model input vector for a snapshot row sent as raw JSON values', async () => {
    const store = await engines[0].open();
    await randomBusiness(200, 3).insert(store);
    const set = await buildTrainingSet(store, { cutoffs: ['2025-02-28', '2025-03-31', '2025-05-31'] });
    const today = await snapshotAt(store, '2025-07-31');
    for (const mode of ['linear', 'tree'] as const) {
      const pre = fitPreprocessor(deriveFeatures(set.frame), modelFeatures(), { mode });
      const batch = transform(pre, deriveFeatures(today.frame));
      const records = Array.from({ length: today.frame.nRows }, (_, i) => JSON.parse(JSON.stringify(rowOf(today.frame, i))));
      const served = transformRecords(pre, records);
      expect(served.columns.length).toBe(pre.columns.length);
      for (let j = 0; j < pre.columns.length; j++)
        expect(Array.from(served.columns[j]), pre.columns[j].name).toEqual(Array.from(batch.columns[j]));
      if (mode === 'linear') expect(batch.columns.every((c) => c.every((v) => Number.isFinite(v)))).toBe(true);
    }
  });
});
