import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listModels } from '../registry/index.js';
import { createApiKey } from './keys/api-keys.js';
import type { RunningServer } from './server.js';
import { modelProject } from './testing/model-fixture.test-support.js';
import { legacyRecord } from './testing/records.test-support.js';
import { call, serve, testConfig } from './testing/server.test-support.js';

describe('model routes, API keys and scopes', () => {
  let server: RunningServer;
  let predictKey = '';
  let adminKey = '';
  beforeAll(async () => {
    server = await serve(testConfig(await modelProject()));
    predictKey = (await createApiKey(server.deps.store, 'crm', ['predict'])).secret;
    adminKey = (await createApiKey(server.deps.store, 'ops', ['predict', 'admin'])).secret;
  }, 120_000);
  afterAll(() => server.close());

  it('refuses a request without a key (401) and with an unknown key (401)', async () => {
    const none = await call(server, 'POST', '/predict', { json: legacyRecord });
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('CHURN_ERR_AUTH');
    const bad = await call(server, 'POST', '/predict', { json: legacyRecord, key: 'chk_nope' });
    expect(bad.status).toBe(401);
  });

  it('lets probes through without a key', async () => {
    expect((await call(server, 'GET', '/health')).status).toBe(200);
    expect((await call(server, 'GET', '/ready')).status).toBe(200);
  });

  it('shows the model card with threshold, risk cuts and every candidate', async () => {
    const r = await call(server, 'GET', '/model', { key: predictKey });
    expect(r.status, r.text).toBe(200);
    const card = r.body as {
      model_id: string;
      threshold: { value: number };
      risk_buckets: { labels: string[] };
      candidates: unknown[];
    };
    expect(card.model_id).toBe(server.deps.models.current().id);
    expect(card.threshold.value).toBe(server.deps.models.current().artifact.threshold.value);
    expect(card.risk_buckets.labels).toEqual(['Low', 'Medium', 'High', 'Very High']);
    expect(card.candidates.length).toBe(2);
    const curves = await call(server, 'GET', '/model/curves', { key: predictKey });
    expect(curves.status, curves.text).toBe(200);
    expect((curves.body.roc as { x: number[] }).x.length).toBeGreaterThan(1);
  });

  it('lists both registered versions', async () => {
    const r = await call(server, 'GET', '/models', { key: predictKey });
    const models = r.body.models as { status: string }[];
    expect(models.map((m) => m.status).sort()).toEqual(['champion', 'registered']);
  });

  it('needs the admin scope to promote (403) and promotes + rolls back with it', async () => {
    const versions = await listModels(server.deps.store, server.deps.config);
    const challenger = versions.find((v) => v.status !== 'champion')!.modelId;
    const champion = versions.find((v) => v.status === 'champion')!.modelId;
    const denied = await call(server, 'POST', `/models/${challenger}/promote`, { key: predictKey });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('CHURN_ERR_FORBIDDEN');
    const ok = await call(server, 'POST', `/models/${challenger}/promote`, { key: adminKey });
    expect(ok.status, ok.text).toBe(200);
    expect(server.deps.models.current().id).toBe(challenger);
    const p = await call(server, 'POST', '/predict', { json: legacyRecord, key: predictKey });
    expect(p.body.model_id).toBe(challenger);
    const back = await call(server, 'POST', '/models/rollback', { key: adminKey });
    expect(back.status, back.text).toBe(200);
    expect(server.deps.models.current().id).toBe(champion);
  });

  it('answers 404 when promoting an unknown model', async () => {
    const r = await call(server, 'POST', '/models/m-000000000000/promote', { key: adminKey });
    expect(r.status).toBe(404);
  });
});

describe('rate limits per key', () => {
  let server: RunningServer;
  let key = '';
  beforeAll(async () => {
    server = await serve(testConfig(await modelProject(), { serving: { rateLimit: { max: 5, windowMs: 60_000 } } }));
    key = (await createApiKey(server.deps.store, 'crm', ['predict'])).secret;
  }, 120_000);
  afterAll(() => server.close());

  it('answers 429 problem+json after the limit, with retry headers', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await call(server, 'GET', '/model', { key })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const r = await call(server, 'GET', '/model', { key });
    expect(r.body.code).toBe('CHURN_ERR_RATE_LIMIT');
    expect(r.type).toContain('application/problem+json');
    expect(r.headers.get('retry-after')).not.toBeNull();
    expect((await call(server, 'GET', '/health')).status).toBe(200);
  });
});

describe.skipIf(!process.env.REDIS_URL)('rate limits shared through Redis', () => {
  it('counts one key across two server instances', async () => {
    const config = testConfig(await modelProject(), {
      redisUrl: process.env.REDIS_URL,
      serving: { rateLimit: { max: 4, windowMs: 60_000 } },
    });
    const a = await serve(config);
    const b = await serve(config);
    try {
      const key = (await createApiKey(a.deps.store, 'crm', ['predict'])).secret;
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await call(i % 2 === 0 ? a : b, 'GET', '/model', { key })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    } finally {
      await a.close();
      await b.close();
    }
  }, 60_000);
});
