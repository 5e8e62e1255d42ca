import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../../test/helpers/stores.js';
import type { FeatureFrame } from '../../features/index.js';
import { activeCustomers, loadScorer } from '../../scoring/index.js';
import { type RunningServer, startServer } from '../../serving/index.js';
import { call, quietLogger } from '../../serving/testing/server.test-support.js';
import { batchWindow, latestRun, monitorBatch, recentAlerts } from '../index.js';
import { type MonitoredBusiness, monitoredAt, monitoredBusiness } from '../testing/drifted-business.test-support.js';
import type { DriftReport } from './drift-report.js';

afterAll(closeAllStores);

/** The API body of every customer in a snapshot frame: the model's input fields (missing = null) and the id. */
function recordsOf(frame: FeatureFrame, fields: readonly { name: string }[]): Record<string, unknown>[] {
  return frame.customerId.map((id, i) => {
    const r: Record<string, unknown> = { customer_id: id };
    for (const { name } of fields) {
      const v = frame.columns[name]?.[i];
      r[name] = typeof v === 'number' && Number.isNaN(v) ? null : v;
    }
    return r;
  });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const crashFeatures = ['crash_rate_30d', 'total_crashes_30d'];

describe.each(engines)('drift over logged API predictions on the $name store', (engine) => {
  let business: MonitoredBusiness;
  let server: RunningServer;
  let calmEnd: string;
  let waveStart: string;
  let customers: { calm: number; wave: number };

  // Predictions served before the crash wave (the last training cutoff) and during it, logged by a real server.
  beforeAll(async () => {
    business = await monitoredBusiness(true, await engine.open(), 800);
    server = await startServer({
      config: business.config,
      port: 0,
      host: '127.0.0.1',
      demo: true,
      store: business.store,
      logger: quietLogger(),
    });
    const scorer = loadScorer(business.artifact);
    const batch = async (at: string) => {
      const { frame } = await activeCustomers(business.store, scorer, at);
      const r = await call(server, 'POST', '/batch_predict?explain=false', { json: recordsOf(frame, scorer.input.fields) });
      expect(r.status, r.text).toBe(200);
      await server.deps.predictionLog.flush();
      return frame.nRows;
    };
    const calm = await batch('2025-09-30');
    calmEnd = new Date().toISOString();
    await pause(5);
    waveStart = new Date().toISOString();
    const wave = await batch(monitoredAt);
    customers = { calm, wave };
  }, 180_000);
  afterAll(() => server?.close());

  it('logs the model-input values of every /batch_predict row as JSON with feature-contract names', async () => {
    const rows = await business.store.all<{ features_json: string | null }>(
      "SELECT features_json FROM predictions WHERE source = 'batch' ORDER BY prediction_id LIMIT 1",
    );
    const values = JSON.parse(rows[0].features_json as string) as Record<string, unknown>;
    expect(Object.keys(values)).toContain('total_crashes_30d');
    expect(typeof values.total_crashes_30d).toBe('number');
  });

  it('finds a calm batch stable and the crash-wave batch drifted, stores both runs and alerts once on the drift', async () => {
    const cfg = { ...business.config, monitoring: { ...business.config.monitoring, webhookUrl: '' } };
    const log: string[] = [];
    const calm = await monitorBatch(business.store, loadScorer(business.artifact), cfg, batchWindow({ to: calmEnd }), {
      writeFile: false,
      log: (l) => log.push(l),
    });
    expect(calm.drift.rows).toBe(customers.calm);
    expect(calm.drift.featureRows).toBe(customers.calm);
    expect(calm.drift.verdict.drifted).toEqual([]);
    expect(calm.drift.verdict.score.class).toBe('stable');
    expect(calm.alerts).toEqual([]);

    const window = batchWindow({ from: waveStart, source: 'api' });
    const wave = await monitorBatch(business.store, loadScorer(business.artifact), cfg, window, {
      writeFile: false,
      log: (l) => log.push(l),
    });
    expect(wave.drift.rows).toBe(customers.wave);
    for (const f of crashFeatures) expect(wave.drift.verdict.drifted).toContain(f);
    expect(wave.drift.batch).toMatchObject({ from: waveStart, to: null, source: 'api', modelId: business.artifact.modelId });
    expect(wave.alerts.map((a) => a.deduplicated)).toEqual([false]);
    const again = await monitorBatch(business.store, loadScorer(business.artifact), cfg, window, { writeFile: false });
    expect(again.alerts.map((a) => a.deduplicated)).toEqual([true]);
    const alerts = await recentAlerts(business.store);
    expect(alerts.map((a) => [a.kind, a.incidentKey])).toEqual([
      ['feature_drift', `drift:${business.artifact.modelId}:batch:features`],
    ]);
    expect(log).toHaveLength(1);

    const stored = await latestRun<DriftReport>(business.store, 'drift');
    expect(stored?.runId).toBe(again.driftRun.runId);
    expect(stored?.result.batch?.source).toBe('api');
    const r = await call(server, 'GET', '/drift');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ run_id: again.driftRun.runId, batch: { source: 'api', from: waveStart } });
  });

  it('logs a {customer_id} prediction with the snapshot values it was scored on', async () => {
    const { frame } = await activeCustomers(business.store, loadScorer(business.artifact));
    const id = frame.customerId[0];
    const r = await call(server, 'POST', '/predict', { json: { customer_id: id } });
    expect(r.status, r.text).toBe(200);
    await server.deps.predictionLog.flush();
    const rows = await business.store.all<{ snapshot_date: string; probability: number; features_json: string }>(
      "SELECT snapshot_date, probability, features_json FROM predictions WHERE source = 'api' AND customer_ref = ?",
      [server.deps.pseudonymise(id)],
    );
    expect(rows).toHaveLength(1);
    expect(Number(rows[0].probability)).toBe(r.body.probability);
    const values = JSON.parse(rows[0].features_json) as Record<string, number | null>;
    const col = frame.columns.total_crashes_30d as Float64Array;
    expect(values.total_crashes_30d).toBe(Number.isNaN(col[0]) ? null : col[0]);
  });

  it('refuses an empty window and a bad bound, naming the option', async () => {
    const scorer = loadScorer(business.artifact);
    await expect(
      monitorBatch(business.store, scorer, business.config, batchWindow({ source: 'job' }), { writeFile: false }),
    ).rejects.toMatchObject({ code: 'CHURN_ERR_NO_DATA' });
    expect(() => batchWindow({ from: '2025-13-45' })).toThrow(/--from/);
    expect(() => batchWindow({ from: '2025-02-01', to: '2025-01-01' })).toThrow(/after --to/);
    expect(() => batchWindow({ source: 'web' })).toThrow(/--source takes api, job or score/);
    const now = new Date('2026-03-02T12:00:00.000Z');
    expect(batchWindow({ last: '36h', source: 'job' }, now)).toEqual({
      from: '2026-03-01T00:00:00.000Z',
      to: null,
      source: 'job',
    });
    expect(() => batchWindow({ last: '1d' })).toThrow(/--last takes hours like 24h/);
    expect(() => batchWindow({ last: '24h', from: '2025-01-01' })).toThrow(/--last and --from/);
    expect(batchWindow({ from: '2025-01-01', to: '2025-01-31' })).toEqual({
      from: '2025-01-01T00:00:00.000Z',
      to: '2025-01-31T23:59:59.999Z',
      source: null,
    });
  });
});
