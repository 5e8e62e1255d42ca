/** `churn monitor` drift step: the snapshot at a date scored by the current model, compared with its baseline, stored. */
import path from 'node:path';
import { type LoadedConfig, resolvePath } from '../../config/index.js';
import { activeCustomers, type Scorer } from '../../scoring/index.js';
import type { Store } from '../../store/index.js';
import { baselineOf, type DriftOptions, type DriftReport, driftReport } from './drift-report.js';
import { type SavedRun, saveRun } from './save-run.js';

/** Drift options from the `monitoring` config section. */
export function driftOptionsOf(config: LoadedConfig): DriftOptions {
  const m = config.monitoring;
  return {
    thresholds: { moderate: m.psiModerate, drift: m.psiDrift, datasetShare: m.datasetShare },
    epsilon: m.psiEpsilon,
  };
}

/** Folder of the monitoring JSON files (outputs/monitoring). */
export const monitoringDir = (config: LoadedConfig) => path.join(resolvePath(config, config.paths.outputs), 'monitoring');

/**
 * Computes the snapshot at `at` (default: the newest data date), scores it with `scorer` (src/scoring: the one place a
 * model is applied), compares features and score with the artifact's baseline, and stores the run.
 */
export async function runDrift(
  store: Store,
  scorer: Scorer,
  config: LoadedConfig,
  options: { at?: string; writeFile?: boolean } = {},
): Promise<{ report: DriftReport; run: SavedRun }> {
  const baseline = baselineOf(scorer.artifact);
  const { at, frame } = await activeCustomers(store, scorer, options.at);
  const rows = scorer.prepareFrame(frame);
  const scores = scorer.score(rows);
  const report = driftReport(scorer.modelId, at, baseline, rows.frame, scores.probability, driftOptionsOf(config));
  const run = await saveRun(
    store,
    { kind: 'drift', modelId: scorer.modelId, at, verdict: report.verdict.dataset, result: report },
    options.writeFile === false ? null : monitoringDir(config),
  );
  return { report, run };
}
