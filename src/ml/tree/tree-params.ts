/** Hyper-parameters shared by CART, random forest and classic boosting trees: rules, max-features resolution, grow settings. */

import { MlParamError } from '../errors.js';
import { custom, int, num, type ParamRule } from '../params.js';
import type { Criterion } from './criterion.js';
import type { GrowSettings } from './grow.js';

/**
 * Features drawn at each node: 'all', 'sqrt' or 'log2' of the feature count, an integer count ≥ 1, or a fraction in
 * (0, 1) of the features (at least one). Note 1 means one feature; use 'all' for every feature.
 */
export type MaxFeatures = 'all' | 'sqrt' | 'log2' | number;

/** Tree-shape parameters common to every tree model, scikit-learn names in camelCase. */
export interface TreeShapeParams {
  /** Maximum depth (root = 0); undefined = grow until the other rules stop it. */
  maxDepth: number | undefined;
  /** A node with fewer rows is a leaf. */
  minSamplesSplit: number;
  /** Each child must keep at least this many rows. */
  minSamplesLeaf: number;
  /** Each child must keep at least this fraction of the total sample weight. */
  minWeightFractionLeaf: number;
  /** A split must decrease the weighted impurity by at least this (scikit-learn's formula, per total weight). */
  minImpurityDecrease: number;
  maxFeatures: MaxFeatures;
  /** Seed of every random choice (feature draws, bootstrap, subsample). */
  seed: number;
}

const isMaxFeatures = (v: unknown): string | undefined =>
  v === 'all' || v === 'sqrt' || v === 'log2' || (typeof v === 'number' && ((Number.isInteger(v) && v >= 1) || (v > 0 && v < 1)))
    ? undefined
    : "must be 'all', 'sqrt', 'log2', an integer >= 1 or a fraction in (0, 1)";

/** Validation rules of the shared tree-shape parameters. */
export const treeShapeRules: { [K in keyof TreeShapeParams]-?: ParamRule } = {
  maxDepth: int({ min: 0 }),
  minSamplesSplit: int({ min: 2 }),
  minSamplesLeaf: int({ min: 1 }),
  minWeightFractionLeaf: num({ min: 0, max: 0.5 }),
  minImpurityDecrease: num({ min: 0 }),
  maxFeatures: custom(isMaxFeatures),
  seed: int({ min: 0, max: 0xffffffff }),
};

/** The number of features drawn at each node for `nFeatures` columns. */
export function resolveMaxFeatures(estimator: string, m: MaxFeatures, nFeatures: number): number {
  if (m === 'all') return nFeatures;
  if (m === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(nFeatures)));
  if (m === 'log2') return Math.max(1, Math.floor(Math.log2(nFeatures)));
  if (Number.isInteger(m)) {
    if (m > nFeatures) throw new MlParamError(estimator, 'maxFeatures', m, `must be <= the ${nFeatures} features of X`);
    return m;
  }
  return Math.max(1, Math.floor(m * nFeatures));
}

/** Grow settings for one fit: the feature count per node resolved for `nFeatures` columns. */
export function growSettings(estimator: string, criterion: Criterion, p: TreeShapeParams, nFeatures: number): GrowSettings {
  return {
    criterion,
    maxDepth: p.maxDepth ?? Number.POSITIVE_INFINITY,
    minSamplesSplit: p.minSamplesSplit,
    minSamplesLeaf: p.minSamplesLeaf,
    minWeightFractionLeaf: p.minWeightFractionLeaf,
    minImpurityDecrease: p.minImpurityDecrease,
    maxFeatures: resolveMaxFeatures(estimator, p.maxFeatures, nFeatures),
  };
}
