/** One monitoring cycle: drift run → drift alerts, API health check, realised performance, and retraining on drift. */
import type { LoadedConfig } from '../../config/index.js';
import type { Scorer } from '../../scoring/index.js';
import type { Store } from '../../store/index.js';
import { type ApiCheck, alertOnDrift, checkApi, type RaisedAlert, raiseAlert, resolveIncident } from '../alerts/index.js';
import { alertOptionsOf } from './alert-options.js';
import { type BatchWindow, runBatchDrift } from './batch-drift.js';
import type { DriftReport } from './drift-report.js';
import { type CohortPerformance, realisedPerformance } from './performance.js';
import { type RetrainDecision, type RetrainOptions, retrainChallenger } from './retrain.js';
import { monitoringDir, runDrift } from './run-drift.js';
import { type SavedRun, saveRun } from './save-run.js';

/** What one cycle did. */
export interface MonitorCycle {
  drift: DriftReport;
  driftRun: SavedRun;
  /** Alerts raised or kept open by this cycle (deduplicated ones have `deduplicated: true`). */
  alerts: RaisedAlert[];
  api: ApiCheck | null;
  performance: CohortPerformance[];
  /** The champion/challenger decision when the cycle retrained, null when it did not (stable data or not asked). */
  retrain: RetrainDecision | null;
}

/** Options of one cycle. */
export interface CycleOptions {
  at?: string;
  writeFile?: boolean;
  log?: (line: string) => void;
  /** Train a challenger when the drift verdict is not stable (true = config defaults; an object overrides them). */
  retrainOnDrift?: boolean | Omit<RetrainOptions, 'writeFile'>;
}

/**
 * Runs drift for `scorer` at `at`, alerts on it (one incident per condition), checks the API if configured, measures
 * matured cohorts, and — with `retrainOnDrift` and a moderate or drift verdict — runs champion/challenger retraining.
 */
export async function monitorCycle(
  store: Store,
  scorer: Scorer,
  config: LoadedConfig,
  o: CycleOptions = {},
): Promise<MonitorCycle> {
  const alertOptions = alertOptionsOf(config, o.log);
  const { report, run } = await runDrift(store, scorer, config, { at: o.at, writeFile: o.writeFile });
  const alerts = await alertOnDrift(store, report, alertOptions);
  const m = config.monitoring;
  const api = m.apiUrl
    ? await checkApi(store, m.apiUrl, { ...alertOptions, errorRate: m.apiErrorRate, minRequests: m.apiMinRequests })
    : null;
  if (api?.alert) alerts.push(api.alert);
  const performance = await realisedPerformance(store, scorer.horizonDays ?? 30);
  const mature = performance.filter((c) => c.status === 'mature' && c.modelId === scorer.modelId).at(-1);
  if (mature?.status === 'mature') {
    await saveRun(
      store,
      {
        kind: 'performance',
        modelId: scorer.modelId,
        at: mature.snapshotDate,
        verdict: String(mature.accuracy),
        result: performance,
      },
      o.writeFile === false ? null : monitoringDir(config),
    );
    const key = `accuracy:${scorer.modelId}`;
    if (mature.accuracy < config.monitoring.accuracyMin)
      alerts.push(
        await raiseAlert(
          store,
          {
            kind: 'low_accuracy',
            severity: 'critical',
            incidentKey: key,
            message: `realised accuracy of ${scorer.modelId} on the ${mature.snapshotDate} cohort is ${(mature.accuracy * 100).toFixed(1)} % (< ${config.monitoring.accuracyMin * 100} %)`,
            payload: mature,
          },
          alertOptions,
        ),
      );
    else await resolveIncident(store, key);
  }
  let retrain: RetrainDecision | null = null;
  if (o.retrainOnDrift && report.verdict.dataset !== 'stable') {
    const r = o.retrainOnDrift === true ? {} : o.retrainOnDrift;
    retrain = (await retrainChallenger(store, config, scorer, { ...r, writeFile: o.writeFile })).decision;
  }
  return { drift: report, driftRun: run, alerts, api, performance, retrain };
}

/** What a batch cycle did: the drift of the logged predictions and the drift alerts it raised or kept open. */
export interface BatchCycle {
  drift: DriftReport;
  driftRun: SavedRun;
  alerts: RaisedAlert[];
}

/** `churn monitor --batch`: drift of `scorer`'s logged predictions in `w`, stored, alerted on like a snapshot run. */
export async function monitorBatch(
  store: Store,
  scorer: Scorer,
  config: LoadedConfig,
  w: BatchWindow,
  o: { writeFile?: boolean; log?: (line: string) => void } = {},
): Promise<BatchCycle> {
  const { report, run } = await runBatchDrift(store, scorer, config, w, { writeFile: o.writeFile });
  const alerts = await alertOnDrift(store, report, alertOptionsOf(config, o.log));
  return { drift: report, driftRun: run, alerts };
}
