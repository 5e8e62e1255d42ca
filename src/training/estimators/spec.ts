/** What the pipeline knows about one candidate family: preprocessing mode, search grid, cost estimate and fit. */
import type { PreprocessMode } from '../../features/index.js';
import type { ClassifierModel, Matrix } from '../../ml/index.js';
import type { CandidateFamily } from '../families.js';

/** One hyper-parameter configuration, as plain JSON (recorded in the artifact and the search log). */
export type Config = Readonly<Record<string, number | string | boolean>>;

/** Facts about the training rows a grid or a fit may depend on. */
export interface FitContext {
  /** Rows and churners of the rows being fitted. */
  rows: number;
  positives: number;
  seed: number;
  /** Held-out rows for early stopping (search fits only; the final refit has none). */
  validation?: { X: Matrix; y: Uint8Array };
  /**
   * A value derived from X alone (exact-split trees' presorted columns, histogram bins), made on first call under `key`
   * and shared by every fit of the same X: a search fits each configuration on one matrix (~0.2 s of ranking and ~0.1 s
   * of binning per fit at 5,000 customers). Absent: each fit derives its own.
   */
  perMatrix?: <T>(key: string, make: () => T) => T;
}

/** A fitted candidate model and the parameters that reproduce it without a validation set. */
export interface Fitted {
  model: ClassifierModel;
  /** The configuration as actually fitted, e.g. with boosting rounds fixed by early stopping. */
  config: Config;
}

/** One estimator family as the training pipeline drives it. */
export interface EstimatorSpec {
  family: CandidateFamily;
  /** 'linear': imputed, scaled, one-hot inputs; 'tree': raw numbers with NaN and ordinal categories. */
  mode: PreprocessMode;
  /** How class imbalance is handled, in words (recorded in the artifact). */
  imbalance: string;
  /** Configurations in search order; the first one is the family's default. */
  grid(): Config[];
  /** Estimated fitting seconds on the reference machine (2 cores): the search budget is spent on this, so it is reproducible. */
  estimateSeconds(config: Config, rows: number, columns: number): number;
  fit(X: Matrix, y: Uint8Array, config: Config, context: FitContext): Fitted;
}

/** Weights that give both classes the same total weight: n / (2 · class count), as scikit-learn's 'balanced'. */
export function balancedWeights(y: Uint8Array, positives: number): Float64Array {
  const n = y.length;
  const wPos = n / (2 * Math.max(1, positives));
  const wNeg = n / (2 * Math.max(1, n - positives));
  return Float64Array.from(y, (v) => (v === 1 ? wPos : wNeg));
}

/** Reads a typed value of a configuration (configs are built by this layer, so a wrong type is a bug). */
export const num = (c: Config, key: string): number => c[key] as number;
export const str = (c: Config, key: string): string => c[key] as string;
