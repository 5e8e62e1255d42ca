import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../test/helpers/stores.js';
import { generateBusiness, storeSink } from '../data/generate/index.js';
import { bullJobQueue, startBullWorker } from './jobs/bullmq-queue.js';
import { jobContextOf } from './jobs/open-queue.js';
import { createApiKey, hashKey, listApiKeys, revokeApiKey } from './keys/api-keys.js';
import { storeKeyVerifier } from './keys/key-verifier.js';
import { bufferedPredictionLog } from './log/prediction-log.js';
import { type RunningServer, startServer } from './server.js';
import { legacyCsv, uploadCsv } from './testing/jobs.test-support.js';
import { modelProject } from './testing/model-fixture.test-support.js';
import { legacyRecord } from './testing/records.test-support.js';
import { call, quietLogger, testConfig } from './testing/server.test-support.js';

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

// Redis-backed job queues must run in CI like PostgreSQL does (test/helpers/stores.ts refuses a CI run without it).
const redisUrl = process.env.REDIS_URL ?? '';
if (process.env.CI === 'true' && !redisUrl) throw new Error('CI=true but REDIS_URL is not set: BullMQ tests must run in CI');

/** Probability of the same stored customer on each engine: both engines hold the same generated business. */
const byCustomer = new Map<string, number>();

describe.each(engines)('the whole server on $name (real listening server, API keys on)', ({ name, open }) => {
  let server: RunningServer;
  let key = '';
  let customerId = '';
  beforeAll(async () => {
    const store = await open();
    await store.migrate();
    // The fixture model's business (same seed as the model fixture), written into this engine.
    await generateBusiness({ customers: 1000, months: 8, seed: 11 }, storeSink(store));
    const config = testConfig(await modelProject(), { serving: { keyCacheSeconds: 0 } });
    server = await startServer({ config, store, port: 0, host: '127.0.0.1', logger: quietLogger() });
    key = (await createApiKey(store, 'crm', ['predict'])).secret;
    const active = await store.all<{ customer_id: string }>(
      'SELECT customer_id FROM subscriptions WHERE end_date IS NULL ORDER BY customer_id LIMIT 1',
    );
    customerId = active[0].customer_id;
  }, 180_000);
  afterAll(() => server?.close());

  const logged = async (source: string, requestId?: string) => {
    await server.deps.predictionLog.flush();
    const rows = await server.deps.store.all<{ n: number }>(
      `SELECT COUNT(*) AS n FROM predictions WHERE source = ?${requestId ? ' AND request_id = ?' : ''}`,
      requestId ? [source, requestId] : [source],
    );
    return Number(rows[0].n);
  };

  it('scores a raw record on /predict and logs it in this engine', async () => {
    const before = await logged('api');
    const r = await call(server, 'POST', '/predict?explain=false', { json: legacyRecord, key });
    expect(r.status, r.text).toBe(200);
    const { gender: _g, ...rest } = legacyRecord;
    expect(r.body.probability).toBe(server.deps.models.current().scorer.scoreRecords([rest]).probability[0]);
    expect(await logged('api')).toBe(before + 1);
    const row = await server.deps.store.all<{ customer_ref: string; probability: number }>(
      "SELECT customer_ref, probability FROM predictions WHERE source = 'api' ORDER BY prediction_id DESC LIMIT 1",
    );
    expect(row[0]).toEqual({ customer_ref: server.deps.pseudonymise('crm-42'), probability: r.body.probability });
  });

  it('scores a stored customer by customer_id from this engine’s raw tables', async () => {
    const r = await call(server, 'POST', '/predict', { json: { customer_id: customerId }, key });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ customer_id: customerId, model_id: server.deps.models.current().id });
    byCustomer.set(name, r.body.probability as number);
  });

  it('scores /batch_predict in order and logs every row', async () => {
    const before = await logged('batch');
    const records = [0, 1, 2].map((i) => ({ ...legacyRecord, customer_id: `b${i}`, age: 30 + i }));
    const r = await call(server, 'POST', '/batch_predict?explain=false', { json: records, key });
    expect(r.status, r.text).toBe(200);
    expect((r.body.predictions as { customer_id: string }[]).map((p) => p.customer_id)).toEqual(['b0', 'b1', 'b2']);
    expect(await logged('batch')).toBe(before + 3);
  });

  it('runs a CSV job end to end on the in-process queue; every scored row lands in this engine', async () => {
    const res = await uploadCsv(server, legacyCsv(5000, 500), key);
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const done = await waitForJobWithKey(server, id, key);
    expect(done).toMatchObject({ state: 'done', rowsRead: 5000, rowsScored: 4990, rowsRejected: 10 });
    expect(await logged('job', id)).toBe(4990);
  });

  it.skipIf(!redisUrl)('runs a CSV job through BullMQ (real Redis) and a worker writing to this engine', async () => {
    const ctx = jobContextOf(server.deps);
    const prefix = `t${randomBytes(6).toString('hex')}`; // this test's own queue: no other test's worker takes its jobs
    const queue = bullJobQueue(ctx.root, redisUrl, prefix);
    const inProcess = server.deps.core.jobs;
    server.deps.core.jobs = queue;
    const worker = startBullWorker(ctx, redisUrl, quietLogger(), prefix);
    try {
      const res = await uploadCsv(server, legacyCsv(3000), key);
      expect(res.status).toBe(202);
      const { id } = (await res.json()) as { id: string };
      expect(await waitForJobWithKey(server, id, key)).toMatchObject({ state: 'done', rowsScored: 3000 });
      expect(await logged('job', id)).toBe(3000);
    } finally {
      server.deps.core.jobs = inProcess;
      await worker.close();
      await queue.close();
    }
  });

  it('refuses a missing, an unknown and a revoked key (401); a predict key cannot create keys (403)', async () => {
    expect((await call(server, 'POST', '/predict', { json: legacyRecord })).status).toBe(401);
    expect((await call(server, 'POST', '/predict', { json: legacyRecord, key: 'chk_nope' })).status).toBe(401);
    const temp = await createApiKey(server.deps.store, 'temp', ['predict']);
    expect((await call(server, 'POST', '/predict', { json: legacyRecord, key: temp.secret })).status).toBe(200);
    await revokeApiKey(server.deps.store, temp.key.keyId);
    expect((await call(server, 'POST', '/predict', { json: legacyRecord, key: temp.secret })).status).toBe(401);
  });
});

describe.runIf(engines.length > 1)('both engines', () => {
  it('give the same probability for the same stored customer', () => {
    expect(byCustomer.size).toBe(2);
    expect(byCustomer.get('postgres')).toBeCloseTo(byCustomer.get('sqlite')!, 12);
  });
});

/** waitForJob with an API key (the server runs with keys on). */
async function waitForJobWithKey(server: RunningServer, id: string, key: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 600; i++) {
    const s = (await call(server, 'GET', `/jobs/${id}`, { key })).body;
    if (s.state === 'done' || s.state === 'failed') return s;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not finish`);
}
