import { afterAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../test/helpers/stores.js';
import { listModels } from '../registry/index.js';
import { storeFingerprint } from './data/store-fingerprint.js';
import { smallBusiness, tempProject } from './testing/business.js';
import { trainModels } from './train-snapshots.js';

afterAll(closeAllStores);

describe.each(engines)('training against the $name store', (engine) => {
  it('builds, saves and reuses the training set by fingerprint, registers, and honours --no-promote', async () => {
    const store = await smallBusiness(await engine.open(), 600, 8, 11);
    const config = tempProject();
    const before = await storeFingerprint(store);
    const options = { models: 'lr', budgetSeconds: 0, codeVersion: 'test' } as const;
    const first = await trainModels(store, config, options);
    expect(first.trainingSetReused).toBe(false);
    expect(await storeFingerprint(store)).toBe(before);
    const second = await trainModels(store, config, { ...options, seed: 43, promote: false });
    expect(second.trainingSetReused).toBe(true);
    expect(second.artifact.modelId).not.toBe(first.artifact.modelId);
    const versions = await listModels(store, config);
    expect(versions.map((v) => [v.modelId, v.status])).toEqual([
      [first.artifact.modelId, 'champion'],
      [second.artifact.modelId, 'registered'],
    ]);
    await store.run('UPDATE payments SET amount = amount + 1 WHERE payment_id = (SELECT MIN(payment_id) FROM payments)');
    expect(await storeFingerprint(store)).not.toBe(before);
    const third = await trainModels(store, config, { ...options, register: false });
    expect(third.trainingSetReused).toBe(false);
  }, 120_000);

  it('refuses an option mix that trains on a cutoff later than the validation cutoff (CHURN_ERR_LEAKAGE)', async () => {
    const store = await smallBusiness(await engine.open(), 300, 8, 12);
    await expect(
      trainModels(store, tempProject(), {
        models: 'lr',
        cutoffs: ['2025-04-30', '2025-05-31', '2025-06-30'],
        validationCutoffs: ['2025-05-31'],
        register: false,
      }),
    ).rejects.toMatchObject({ code: 'CHURN_ERR_LEAKAGE', context: { cutoff: '2025-06-30', validationCutoff: '2025-05-31' } });
  }, 60_000);
});
