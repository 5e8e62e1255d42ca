/** Champion/challenger retraining: train on fresh cutoffs, compare both on the newest mature window, promote only if better. */
import type { LoadedConfig } from '../../config/index.js';
import { addDays, dataRange, snapshotAt } from '../../features/index.js';
import { rocAuc } from '../../ml/index.js';
import { promoteModel } from '../../registry/index.js';
import { loadScorer, type Scorer } from '../../scoring/index.js';
import type { Store } from '../../store/index.js';
import { type TrainOptions, trainModels } from '../../training/index.js';
import { monitoringDir } from './run-drift.js';
import { type SavedRun, saveRun } from './save-run.js';

/** The decision and both scores. */
export interface RetrainDecision {
  window: string;
  champion: { modelId: string; rocAuc: number };
  challenger: { modelId: string; rocAuc: number };
  margin: number;
  promoted: boolean;
}

/** Options of a retraining: the promotion margin (default monitoring.retrainMargin) and the challenger's training. */
export interface RetrainOptions {
  margin?: number;
  train?: TrainOptions;
  writeFile?: boolean;
}

/**
 * Trains a challenger (registered, not promoted) with `train` options, scores champion and challenger on the SAME rows —
 * the snapshot at the newest date whose horizon has matured — and promotes the challenger only when its ROC-AUC beats
 * the champion's by at least `margin` (config monitoring.retrainMargin). The decision is stored in monitoring_runs.
 */
export async function retrainChallenger(
  store: Store,
  config: LoadedConfig,
  champion: Scorer,
  options: RetrainOptions = {},
): Promise<{ decision: RetrainDecision; run: SavedRun }> {
  const margin = options.margin ?? config.monitoring.retrainMargin;
  const horizon = champion.horizonDays ?? 30;
  const trained = await trainModels(store, config, { ...options.train, register: true, promote: false });
  const challenger = loadScorer(trained.artifact);
  const range = await dataRange(store);
  const window = addDays(range.newest as string, -horizon);
  const snap = await snapshotAt(store, window, { horizonDays: horizon, range });
  const y = Uint8Array.from(snap.label);
  const auc = (s: Scorer) => rocAuc(y, s.scoreFrame(snap.frame).probability);
  const decision: RetrainDecision = {
    window,
    champion: { modelId: champion.modelId, rocAuc: auc(champion) },
    challenger: { modelId: challenger.modelId, rocAuc: auc(challenger) },
    margin,
    promoted: false,
  };
  decision.promoted = decision.challenger.rocAuc >= decision.champion.rocAuc + margin;
  if (decision.promoted) await promoteModel(store, config, challenger.modelId);
  const run = await saveRun(
    store,
    {
      kind: 'retrain',
      modelId: challenger.modelId,
      at: window,
      verdict: decision.promoted ? 'promoted' : 'kept champion',
      result: decision,
    },
    options.writeFile === false ? null : monitoringDir(config),
  );
  return { decision, run };
}
