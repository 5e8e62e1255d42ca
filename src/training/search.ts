/** The hyper-parameter search of one family: configurations in order, scored on held-out rows, within a reproducible budget. */
import { averagePrecision, type ClassifierModel, type Matrix, predictProba, rocAuc } from '../ml/index.js';
import type { Config, EstimatorSpec } from './estimators/spec.js';

/** The rows a search fits on and scores on (never the out-of-time validation cutoff). */
export interface SearchData {
  fit: { X: Matrix; y: Uint8Array };
  score: { X: Matrix; y: Uint8Array };
  seed: number;
}

/** One evaluated configuration. */
export interface SearchTrial {
  config: Config;
  /** PR-AUC and ROC-AUC on the scoring rows. */
  prAuc: number;
  rocAuc: number;
  /** The budget this trial was charged (estimated seconds on the reference machine). */
  estimatedSeconds: number;
}

/** The outcome: the best configuration (as fitted), its scores on the held-out rows, and the trial log. */
export interface SearchResult {
  best: Config;
  bestIndex: number;
  /** Probabilities of the best configuration on the scoring rows (thresholds and calibration are tuned on these). */
  scores: Float64Array;
  trials: SearchTrial[];
  /** Configurations of the grid left out because the budget was spent. */
  skipped: number;
}

/**
 * Tries the family's configurations in order (see plannedConfigs). Spending an estimate rather than the clock makes the
 * search, and so the artifact, the same on every run and machine. Ties keep the earlier configuration.
 */
export function searchFamily(
  spec: EstimatorSpec,
  data: SearchData,
  budgetSeconds: number,
  onTrial?: (done: number, total: number, estimatedSeconds: number) => void,
): SearchResult & { model: ClassifierModel } {
  const { X, y } = data.fit;
  const plan = plannedConfigs(spec, X.nRows, X.columns.length, budgetSeconds);
  const positives = count(y);
  const trials: SearchTrial[] = [];
  let best: { index: number; config: Config; model: ClassifierModel; scores: Float64Array; prAuc: number } | undefined;
  const derived = new Map<string, unknown>();
  const perMatrix = <T>(key: string, make: () => T): T => {
    if (!derived.has(key)) derived.set(key, make());
    return derived.get(key) as T;
  };
  for (const [i, config] of plan.configs.entries()) {
    const estimate = plan.estimates[i];
    const fitted = spec.fit(X, y, config, {
      rows: X.nRows,
      positives,
      seed: data.seed,
      validation: { X: data.score.X, y: data.score.y },
      perMatrix,
    });
    const p = predictProba(fitted.model, data.score.X);
    const trial = {
      config: fitted.config,
      prAuc: averagePrecision(data.score.y, p),
      rocAuc: rocAuc(data.score.y, p),
      estimatedSeconds: estimate,
    };
    trials.push(trial);
    if (!best || trial.prAuc > best.prAuc)
      best = { index: i, config: fitted.config, model: fitted.model, scores: p, prAuc: trial.prAuc };
    onTrial?.(i + 1, plan.configs.length, estimate);
  }
  const chosen = best as NonNullable<typeof best>;
  return {
    best: chosen.config,
    bestIndex: chosen.index,
    model: chosen.model,
    scores: chosen.scores,
    trials,
    skipped: plan.skipped,
  };
}

/**
 * The configurations a search will run: the first (the default) always; each further one while the estimated seconds
 * so far plus its own stay within the budget; the search stops at the first configuration that would not fit. Pure, so
 * the plan (and a progress bar's total) is known before fitting.
 */
export function plannedConfigs(spec: EstimatorSpec, rows: number, columns: number, budgetSeconds: number) {
  const grid = spec.grid();
  const configs: Config[] = [];
  const estimates: number[] = [];
  let spent = 0;
  for (const [i, config] of grid.entries()) {
    const estimate = spec.estimateSeconds(config, rows, columns);
    if (i > 0 && spent + estimate > budgetSeconds) break;
    spent += estimate;
    configs.push(config);
    estimates.push(estimate);
  }
  return { configs, estimates, seconds: spent, skipped: grid.length - configs.length };
}

/** Number of 1s in a label vector. */
export function count(y: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < y.length; i++) n += y[i];
  return n;
}
