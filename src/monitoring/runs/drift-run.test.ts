import { existsSync, readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../../test/helpers/stores.js';
import { loadScorer, savePredictions, scoreCustomers } from '../../scoring/index.js';
import type { ServingDeps } from '../../serving/deps.js';
import { monitoringRoutes } from '../../serving/routes/monitoring/index.js';
import { latestRun, monitorCycle, realisedPerformance, recentAlerts, retrainChallenger, runDrift, saveRun } from '../index.js';
import { type MonitoredBusiness, monitoredAt, monitoredBusiness } from '../testing/drifted-business.test-support.js';
import { webhookReceiver } from '../testing/webhook-receiver.test-support.js';

afterAll(closeAllStores);

const crashFeatures = ['crash_rate_30d', 'total_crashes_30d'];

describe('drift of the current model against its baseline on generated data', () => {
  let clean: MonitoredBusiness;
  let crash: MonitoredBusiness;
  beforeAll(async () => {
    clean = await monitoredBusiness(false);
    crash = await monitoredBusiness(true);
  }, 120_000);

  it('finds no feature above PSI 0.2 and a stable score when no drift was injected', async () => {
    const { report } = await runDrift(clean.store, loadScorer(clean.artifact), clean.config, { at: monitoredAt });
    expect(report.verdict.drifted).toEqual([]);
    expect(report.verdict.score.class).toBe('stable');
    expect(report.features.length).toBe(report.verdict.features.length);
    expect(report.rows).toBeGreaterThan(500);
  });

  it('detects a crash wave on the crash features (PSI > 0.2), stores the run and its JSON, and serves it at GET /drift', async () => {
    const { report, run } = await runDrift(crash.store, loadScorer(crash.artifact), crash.config, { at: monitoredAt });
    for (const f of crashFeatures) expect(report.verdict.drifted).toContain(f);
    const top = report.verdict.features[0];
    expect(top.psi).toBeGreaterThan(0.2);
    expect(top.feature).toMatch(/crash/);
    expect(run.file && existsSync(run.file)).toBe(true);
    expect(JSON.parse(readFileSync(run.file as string, 'utf8')).result.verdict.drifted).toEqual(report.verdict.drifted);
    const stored = await latestRun<typeof report>(crash.store, 'drift');
    expect(stored?.runId).toBe(run.runId);
    expect(stored?.verdict).toBe(report.verdict.dataset);

    const app = Fastify();
    await app.register(async (a) => monitoringRoutes(a, { store: crash.store } as unknown as ServingDeps));
    const res = await app.inject({ method: 'GET', url: '/drift' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { run_id: string; verdict: { drifted: string[] }; score: { bins: unknown[] } };
    expect(body.run_id).toBe(run.runId);
    expect(body.verdict.drifted).toEqual(report.verdict.drifted);
    expect(body.score.bins.length).toBeGreaterThan(1);
    await app.close();
  });

  it('measures realised performance of matured cohorts and says when pending labels mature', async () => {
    const scorer = loadScorer(clean.artifact);
    for (const at of ['2025-10-31', monitoredAt])
      await savePredictions(clean.store, await scoreCustomers(clean.store, scorer, { at }));
    const cohorts = await realisedPerformance(clean.store);
    expect(cohorts.map((c) => [c.snapshotDate, c.status])).toEqual([
      ['2025-10-31', 'mature'],
      [monitoredAt, 'pending'],
    ]);
    const [mature, pending] = cohorts;
    if (mature.status !== 'mature' || pending.status !== 'pending') throw new Error('unexpected statuses');
    expect(pending.labelsMatureOn).toBe('2026-01-04');
    expect(mature.churned).toBeGreaterThan(0);
    expect(mature.rocAuc).toBeGreaterThan(0.6);
    expect(mature.accuracy).toBeGreaterThan(0);
    expect(mature.accuracy).toBeLessThanOrEqual(1);
  });

  it('retrains on the crash wave and promotes the challenger only when it wins by the margin (both outcomes)', async () => {
    const champion = loadScorer(crash.artifact);
    const train = { models: 'lr', budgetSeconds: 0, codeVersion: 'test' } as const;
    const kept = await retrainChallenger(crash.store, crash.config, champion, { margin: 1, train, writeFile: false });
    expect(kept.decision.promoted).toBe(false);
    expect(kept.decision.window).toBe('2025-12-01');
    const won = await retrainChallenger(crash.store, crash.config, champion, { margin: -1, train, writeFile: false });
    expect(won.decision.promoted).toBe(true);
    expect(won.decision.champion.rocAuc).toBe(kept.decision.champion.rocAuc);
    expect(await latestRun(crash.store, 'retrain')).toMatchObject({ verdict: 'promoted' });
  }, 60_000);

  it('alerts once per incident: the crash wave posts one Slack message over two cycles, the calm business none', async () => {
    const hook = await webhookReceiver();
    const lines: string[] = [];
    try {
      for (const b of [clean, crash]) {
        const config = { ...b.config, monitoring: { ...b.config.monitoring, webhookUrl: hook.url, webhookBackoffMs: 1 } };
        for (let i = 0; i < 2; i++)
          await monitorCycle(b.store, loadScorer(b.artifact), config, {
            at: monitoredAt,
            writeFile: false,
            log: (l) => lines.push(l),
          });
      }
      expect(await recentAlerts(clean.store)).toEqual([]);
      const alerts = await recentAlerts(crash.store);
      expect(alerts.map((a) => [a.kind, a.incidentKey, a.delivered])).toEqual([
        ['feature_drift', `drift:${crash.artifact.modelId}:features`, true],
      ]);
      expect(hook.bodies.length).toBe(1);
      expect(hook.bodies[0].text).toContain('crash');
      expect(lines.length).toBe(1);
    } finally {
      await hook.stop();
    }
  });

  it('retrains from the monitor cycle on a drifted verdict and records the decision, but never on stable data', async () => {
    const train = { models: 'lr', budgetSeconds: 0, codeVersion: 'test' } as const;
    const models = async (b: MonitoredBusiness) =>
      Number((await b.store.all<{ n: number }>('SELECT COUNT(*) AS n FROM model_versions'))[0].n);
    const calmModels = await models(clean);
    const calm = await monitorCycle(clean.store, loadScorer(clean.artifact), clean.config, {
      at: monitoredAt,
      writeFile: false,
      log: () => {},
      retrainOnDrift: { train },
    });
    expect(calm.drift.verdict.dataset).toBe('stable');
    expect(calm.retrain).toBeNull();
    expect(await latestRun(clean.store, 'retrain')).toBeNull();
    expect(await models(clean)).toBe(calmModels);

    const wave = await monitorCycle(crash.store, loadScorer(crash.artifact), crash.config, {
      at: monitoredAt,
      writeFile: false,
      log: () => {},
      retrainOnDrift: { train, margin: -1 },
    });
    expect(wave.drift.verdict.dataset).not.toBe('stable');
    expect(wave.retrain).toMatchObject({ window: '2025-12-01', champion: { modelId: crash.artifact.modelId }, promoted: true });
    // The challenger is registered (an identical retrain earlier in this file may have registered the same id already).
    const registered = await crash.store.all<{ model_id: string }>('SELECT model_id FROM model_versions WHERE model_id = ?', [
      wave.retrain?.challenger.modelId,
    ]);
    expect(registered.length).toBe(1);
    expect(wave.retrain?.challenger.modelId).not.toBe(crash.artifact.modelId);
    const recorded = await latestRun(crash.store, 'retrain');
    expect(recorded).toMatchObject({ modelId: wave.retrain?.challenger.modelId, verdict: 'promoted', result: wave.retrain });
  }, 60_000);
});

describe.each(engines)('monitoring runs on the $name store', (engine) => {
  it('returns the newest run of a kind with its parsed result', async () => {
    const store = await engine.open();
    expect(await latestRun(store, 'drift')).toBeNull();
    await saveRun(
      store,
      { kind: 'drift', modelId: 'm1', at: '2025-01-31', verdict: 'stable', result: { a: 1 } },
      null,
      new Date('2025-02-01T00:00:00Z'),
    );
    await saveRun(
      store,
      { kind: 'drift', modelId: 'm1', at: '2025-02-28', verdict: 'drift', result: { a: 2 } },
      null,
      new Date('2025-03-01T00:00:00Z'),
    );
    await saveRun(
      store,
      { kind: 'retrain', modelId: 'm1', at: '2025-02-28', verdict: 'kept', result: { a: 3 } },
      null,
      new Date('2025-03-02T00:00:00Z'),
    );
    expect(await latestRun(store, 'drift')).toMatchObject({ at: '2025-02-28', verdict: 'drift', result: { a: 2 } });
  });
});
