/** Hyper-parameters of histogram gradient boosting: names, XGBoost-matching defaults, one validation step. */

import { MlParamError } from '../errors.js';
import type { Matrix } from '../matrix.js';
import { bool, custom, int, num, oneOf, type ParamRules, resolveParams } from '../params.js';

/** A held-out set scored after every round for early stopping. */
export interface BoostValidationSet {
  X: Matrix;
  y: ArrayLike<number>;
  weights?: ArrayLike<number>;
}

/** Histogram boosting hyper-parameters; the XGBoost name of each is given where it differs. */
export interface HistBoostingParams {
  /** Boosting rounds (`n_estimators`). */
  nEstimators: number;
  /** Shrinkage applied to every leaf (`learning_rate`, `eta`). */
  learningRate: number;
  /** Maximum tree depth, root = 0; 0 = unlimited (only with growPolicy 'lossguide'). */
  maxDepth: number;
  /** Maximum leaves per tree; 0 = unlimited. */
  maxLeaves: number;
  /** 'depthwise' (XGBoost default: level by level) or 'lossguide' (LightGBM: best leaf first). */
  growPolicy: 'depthwise' | 'lossguide';
  /** Value bins per feature (≤ 255); one more bin holds missing values. */
  maxBins: number;
  /** Minimum hessian sum in each child (`min_child_weight`). */
  minChildWeight: number;
  /** L2 regularisation of leaf weights (`reg_lambda`). */
  lambda: number;
  /** L1 regularisation of leaf weights (`reg_alpha`). */
  alpha: number;
  /** Minimum gain to make a split (`gamma`, `min_split_loss`). */
  gamma: number;
  /** Fraction of rows sampled for each tree (`subsample`). */
  subsample: number;
  /** Fraction of features sampled for each tree (`colsample_bytree`). */
  colsampleByTree: number;
  /** Weight multiplier of positive rows (`scale_pos_weight`). */
  scalePosWeight: number;
  /** Initial probability; undefined = the weighted prior of y (`base_score`). */
  baseScore: number | undefined;
  /** Stop after this many rounds without a better validation log loss; 0 = off (`early_stopping_rounds`). */
  earlyStoppingRounds: number;
  /** Explicit validation set for early stopping. */
  validation: BoostValidationSet | undefined;
  /** Fraction of the training rows held out (seeded, stratified) when earlyStoppingRounds > 0 and no validation set is given. */
  validationFraction: number;
  /** Bundle mutually exclusive sparse features (one-hot groups) into one histogram column, as LightGBM's EFB; exact. */
  bundleExclusive: boolean;
  /** Threads for histogram building: 1 = serial, 2 = one worker thread beside the caller (same result bit for bit). */
  nThreads: number;
  /** Seed of every random choice (row/column sampling, validation split, binning sample). */
  seed: number;
}

/** Defaults: XGBoost's (eta 0.3, depth 6, lambda 1, min_child_weight 1, 256 bins) with 100 rounds. */
export const histBoostingDefaults: HistBoostingParams = {
  nEstimators: 100,
  learningRate: 0.3,
  maxDepth: 6,
  maxLeaves: 0,
  growPolicy: 'depthwise',
  maxBins: 255,
  minChildWeight: 1,
  lambda: 1,
  alpha: 0,
  gamma: 0,
  subsample: 1,
  colsampleByTree: 1,
  scalePosWeight: 1,
  baseScore: undefined,
  earlyStoppingRounds: 0,
  validation: undefined,
  validationFraction: 0.1,
  bundleExclusive: true,
  nThreads: 1,
  seed: 0,
};

const isValidationSet = (v: unknown) =>
  typeof v === 'object' && v !== null && 'X' in v && 'y' in v ? undefined : 'must be { X: Matrix, y: labels }';

const rules: ParamRules<HistBoostingParams> = {
  nEstimators: int({ min: 1 }),
  learningRate: num({ min: 0, minExclusive: true }),
  maxDepth: int({ min: 0, max: 64 }),
  maxLeaves: int({ min: 0 }),
  growPolicy: oneOf('depthwise', 'lossguide'),
  maxBins: int({ min: 2, max: 255 }),
  minChildWeight: num({ min: 0 }),
  lambda: num({ min: 0 }),
  alpha: num({ min: 0 }),
  gamma: num({ min: 0 }),
  subsample: num({ min: 0, minExclusive: true, max: 1 }),
  colsampleByTree: num({ min: 0, minExclusive: true, max: 1 }),
  scalePosWeight: num({ min: 0, minExclusive: true }),
  baseScore: num({ min: 0, max: 1, minExclusive: true, maxExclusive: true }),
  earlyStoppingRounds: int({ min: 0 }),
  validation: custom(isValidationSet),
  validationFraction: num({ min: 0, max: 1, minExclusive: true, maxExclusive: true }),
  bundleExclusive: bool(),
  nThreads: int({ min: 1, max: 2 }),
  seed: int({ min: 0 }),
};

/** Merges given params over the defaults and validates them; throws MlParamError naming the bad value. */
export function resolveHistBoostingParams(given?: Partial<HistBoostingParams>): HistBoostingParams {
  const p = resolveParams('hist_boosting', histBoostingDefaults, given, rules);
  if (p.maxDepth === 0 && p.maxLeaves === 0)
    throw new MlParamError('hist_boosting', 'maxDepth', p.maxDepth, 'may be 0 (unlimited) only when maxLeaves bounds the tree');
  return p;
}
