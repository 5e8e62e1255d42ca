import { afterAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../test/helpers/stores.js';
import { createApiKey, hashKey, listApiKeys, revokeApiKey } from './keys/api-keys.js';
import { storeKeyVerifier } from './keys/key-verifier.js';
import { bufferedPredictionLog } from './log/prediction-log.js';
import { quietLogger } from './testing/server.test-support.js';

afterAll(closeAllStores);

describe.each(engines)('serving tables on $name', ({ open }) => {
  it('writes buffered predictions in batches and everything on close', async () => {
    const store = await open();
    await store.migrate();
    const log = bufferedPredictionLog(store, quietLogger(), { batchRows: 3, flushMs: 60_000 });
    for (let i = 0; i < 7; i++)
      log.add({
        source: 'api',
        requestId: `r${i}`,
        customerRef: null,
        snapshotDate: null,
        modelId: 'm-1',
        inputHash: 'h',
        probability: i / 10,
        decision: 0,
        riskBucket: 'Low',
      });
    await log.close();
    const rows = await store.all<{ n: number; s: number }>('SELECT COUNT(*) AS n, SUM(probability) AS s FROM predictions');
    expect(Number(rows[0].n)).toBe(7);
    expect(Number(rows[0].s)).toBeCloseTo(2.1, 10);
  });

  it('stores only the hash of a key, verifies it with its scopes, and forgets it once revoked', async () => {
    const store = await open();
    await store.migrate();
    const { secret, key } = await createApiKey(store, 'crm', ['predict']);
    const stored = await store.all<{ key_hash: string }>('SELECT key_hash FROM api_keys');
    expect(stored[0].key_hash).toBe(hashKey(secret));
    expect(JSON.stringify(stored)).not.toContain(secret);
    const verifier = storeKeyVerifier(store, 0);
    expect(await verifier.verify(secret)).toEqual({ keyId: key.keyId, name: 'crm', scopes: ['predict'] });
    await revokeApiKey(store, key.keyId);
    expect(await verifier.verify(secret)).toBeNull();
    expect((await listApiKeys(store))[0].revokedAt).not.toBeNull();
    await expect(revokeApiKey(store, key.keyId)).rejects.toMatchObject({ code: 'CHURN_ERR_NOT_FOUND' });
  });
});
