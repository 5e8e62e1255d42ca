import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitorCycle, raiseAlert, realisedPerformance, recentAlerts } from '../../../monitoring/index.js';
import {
  type MonitoredBusiness,
  monitoredAt,
  monitoredBusiness,
} from '../../../monitoring/testing/drifted-business.test-support.js';
import { loadScorer, savePredictions, scoreCustomers } from '../../../scoring/index.js';
import { createApiKey } from '../../index.js';
import { type RunningServer, startServer } from '../../server.js';
import { call, quietLogger } from '../../testing/server.test-support.js';

// A 700-customer business with a crash wave, scored at a matured date and at the monitored date, one monitor cycle run.
let b: MonitoredBusiness;
let server: RunningServer;
let key: string;
beforeAll(async () => {
  b = await monitoredBusiness(true, undefined, 700);
  const scorer = loadScorer(b.artifact);
  for (const at of ['2025-10-31', monitoredAt]) await savePredictions(b.store, await scoreCustomers(b.store, scorer, { at }));
  await monitorCycle(b.store, scorer, b.config, { at: monitoredAt, writeFile: false, log: () => {} });
  await raiseAlert(
    b.store,
    { kind: 'api_down', severity: 'critical', incidentKey: 'api:test', message: 'GET /health refused', payload: {} },
    { log: () => {}, now: () => new Date('2099-01-01T00:00:00Z') },
  );
  key = (await createApiKey(b.store, 'dashboard', ['predict'])).secret;
  server = await startServer({ config: b.config, store: b.store, port: 0, host: '127.0.0.1', logger: quietLogger() });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await b?.store.close();
});

describe('GET /alerts on the running server', () => {
  it('lists the stored alerts newest first, exactly as recentAlerts reads them', async () => {
    const r = await call(server, 'GET', '/alerts', { key });
    expect(r.status).toBe(200);
    const alerts = r.body.alerts as { kind: string; incidentKey: string; delivered: boolean; resolvedAt: null }[];
    expect(alerts.map((a) => [a.kind, a.incidentKey, a.delivered, a.resolvedAt])).toEqual([
      ['api_down', 'api:test', false, null],
      ['feature_drift', `drift:${b.artifact.modelId}:features`, false, null],
    ]);
    expect(alerts).toEqual(await recentAlerts(b.store));
  });

  it('honours ?limit (sent as text), rejects an out-of-range limit or an unknown parameter by name, and needs an API key', async () => {
    const one = await call(server, 'GET', '/alerts?limit=1', { key });
    expect((one.body.alerts as { kind: string }[]).map((a) => a.kind)).toEqual(['api_down']);
    expect((await call(server, 'GET', '/alerts?limit=500', { key })).status).toBe(200);
    for (const q of ['limit=0', 'limit=501', 'limit=x', 'limit=1.5', 'since=2025-01-01']) {
      const bad = await call(server, 'GET', `/alerts?${q}`, { key });
      expect(bad.status).toBe(422);
      expect(bad.body.code).toBe('CHURN_ERR_VALIDATION');
      expect(bad.type).toMatch(/^application\/problem\+json/);
      expect(bad.text).toContain(q.split('=')[0]);
    }
    const anonymous = await call(server, 'GET', '/alerts');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('CHURN_ERR_AUTH');
  });
});

describe('GET /performance on the running server', () => {
  it('measures the matured cohort and reports the other as pending with the date its labels mature', async () => {
    const r = await call(server, 'GET', '/performance', { key });
    expect(r.status).toBe(200);
    const cohorts = r.body.cohorts as Record<string, unknown>[];
    expect(cohorts.map((c) => [c.snapshotDate, c.modelId, c.status])).toEqual([
      ['2025-10-31', b.artifact.modelId, 'mature'],
      [monitoredAt, b.artifact.modelId, 'pending'],
    ]);
    expect(cohorts[1].labelsMatureOn).toBe('2026-01-04');
    expect(cohorts).toEqual(JSON.parse(JSON.stringify(await realisedPerformance(b.store, 30))));
    const mature = cohorts[0] as { customers: number; churned: number; rocAuc: number; accuracy: number };
    expect(mature.customers).toBeGreaterThan(300);
    expect(mature.churned).toBeGreaterThan(0);
    expect(mature.rocAuc).toBeGreaterThan(0.6);
  });
});
