/** Histogram boosting (XGBoost manner) as a candidate: early stopping on the inner validation fixes the rounds. */
import { binMatrix, fitHistBoosting, histBoostingDefaults } from '../../ml/index.js';
import { type EstimatorSpec, num, str } from './spec.js';

/** Rounds without a better inner-validation log loss before a search fit stops. */
const PATIENCE = 20;

/** Shared by every configuration: at most 300 rounds at learning rate 0.1, 80 % of the rows per round. */
const base = { nEstimators: 300, learningRate: 0.1, subsample: 0.8 } as const;

/**
 * Imbalance: scale_pos_weight searched between 1 and √(negatives / positives) — the square root lifts the rare class
 * without pushing every probability up as far as full balancing would. Search fits stop early on the inner validation
 * rows; the final refit uses the best round count found there (no peeking at the out-of-time cutoff).
 */
export const histBoostingSpec: EstimatorSpec = {
  family: 'hist_boosting',
  mode: 'tree',
  imbalance: 'scale_pos_weight searched: 1 or √(negatives / positives)',
  grid: () => [
    // Depth 3 with min child weight 5 and λ 5 first: on the default business it beats depth 4 on the inner and the
    // out-of-time validation alike, and costs less.
    { ...base, maxDepth: 3, minChildWeight: 5, lambda: 5, colsampleByTree: 0.8, scalePosWeight: 'none' },
    { ...base, maxDepth: 4, minChildWeight: 1, lambda: 1, colsampleByTree: 0.8, scalePosWeight: 'none' },
    { ...base, maxDepth: 4, minChildWeight: 1, lambda: 1, colsampleByTree: 0.8, scalePosWeight: 'sqrt' },
    { ...base, maxDepth: 6, minChildWeight: 5, lambda: 5, colsampleByTree: 0.6, scalePosWeight: 'none' },
  ],
  // Binning once, then per round one histogram pass over the sampled rows and columns; early stopping is assumed to
  // stop halfway through the round cap (constants measured on the 2-core machine).
  estimateSeconds: (c, n, p) =>
    0.1 + n * p * 3e-8 + 0.5 * num(c, 'nEstimators') * n * num(c, 'subsample') * p * num(c, 'colsampleByTree') * 1.3e-8,
  fit(X, y, config, context) {
    const scale = str(config, 'scalePosWeight');
    const ratio = (context.rows - context.positives) / Math.max(1, context.positives);
    const scalePosWeight =
      scale === 'sqrt' ? Math.sqrt(ratio) : typeof config.scalePosWeight === 'number' ? config.scalePosWeight : 1;
    // The search's configurations share one binning of X (the default bins; the seed only samples edges past 200k rows).
    const { maxBins, bundleExclusive } = histBoostingDefaults;
    const bins = context.perMatrix?.('hist-bins', () => binMatrix(X, maxBins, bundleExclusive, context.seed));
    const model = fitHistBoosting(
      X,
      y,
      {
        nEstimators: num(config, 'nEstimators'),
        learningRate: num(config, 'learningRate'),
        maxDepth: num(config, 'maxDepth'),
        minChildWeight: num(config, 'minChildWeight'),
        lambda: num(config, 'lambda'),
        subsample: num(config, 'subsample'),
        colsampleByTree: num(config, 'colsampleByTree'),
        scalePosWeight,
        seed: context.seed,
        nThreads: 2,
        ...(context.validation ? { validation: context.validation, earlyStoppingRounds: PATIENCE } : {}),
      },
      undefined,
      bins,
    );
    // Early stopping keeps the trees up to the best round; the refit reuses that count without a validation set.
    return { model, config: { ...config, nEstimators: model.trees.length, scalePosWeight: round6(scalePosWeight) } };
  },
};

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
