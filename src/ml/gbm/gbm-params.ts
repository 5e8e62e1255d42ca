/** Hyper-parameters of classic gradient boosting: scikit-learn's GradientBoostingClassifier names and defaults. */

import { int, num, type ParamRules, resolveParams } from '../params.js';
import { type TreeShapeParams, treeShapeRules } from '../tree/tree-params.js';

/** Classic gradient-boosting hyper-parameters (scikit-learn's names, camelCase). */
export interface GradientBoostingParams extends TreeShapeParams {
  /** Boosting rounds (one tree each). */
  nEstimators: number;
  /** Shrinkage: every leaf value is multiplied by it. */
  learningRate: number;
  /** Fraction of rows drawn without replacement for each tree; 1 = all rows (deterministic without feature draws). */
  subsample: number;
}

/** scikit-learn's defaults: 100 trees of depth 3, learning rate 0.1, all rows and features. */
export const gradientBoostingDefaults: GradientBoostingParams = {
  nEstimators: 100,
  learningRate: 0.1,
  subsample: 1,
  maxDepth: 3,
  minSamplesSplit: 2,
  minSamplesLeaf: 1,
  minWeightFractionLeaf: 0,
  minImpurityDecrease: 0,
  maxFeatures: 'all',
  seed: 0,
};

const rules: ParamRules<GradientBoostingParams> = {
  ...treeShapeRules,
  nEstimators: int({ min: 1 }),
  learningRate: num({ min: 0, minExclusive: true }),
  subsample: num({ min: 0, minExclusive: true, max: 1 }),
};

/** Defaults merged with `given`, validated; throws MlParamError naming the bad value. */
export function resolveGradientBoostingParams(given?: Partial<GradientBoostingParams>): GradientBoostingParams {
  return resolveParams('gradient_boosting', gradientBoostingDefaults, given, rules);
}
