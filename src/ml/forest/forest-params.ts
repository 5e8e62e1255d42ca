/** Hyper-parameters of the random forest: scikit-learn's names and defaults, validated once. */

import { MlParamError } from '../errors.js';
import { bool, custom, int, oneOf, type ParamRules, resolveParams } from '../params.js';
import { type TreeShapeParams, treeShapeRules } from '../tree/tree-params.js';

/** Random-forest hyper-parameters (scikit-learn's RandomForestClassifier, camelCase). */
export interface RandomForestParams extends TreeShapeParams {
  nEstimators: number;
  criterion: 'gini' | 'entropy';
  /** Draw each tree's rows with replacement; false = every tree sees every row (only the feature draws differ). */
  bootstrap: boolean;
  /** Rows drawn per tree as a fraction of the training rows, in (0, 1]; undefined = as many as there are rows. */
  maxSamples: number | undefined;
  /** Compute out-of-bag predictions, ROC-AUC and accuracy (needs bootstrap). */
  oobScore: boolean;
  /** Threads: 1 = this thread only, 2+ = that many, 0 = two when the fit is large enough to repay thread start-up. The model is the same for every value. */
  nThreads: number;
}

/** scikit-learn's defaults: 100 fully grown Gini trees on bootstrap samples, √(features) drawn per node. */
export const randomForestDefaults: RandomForestParams = {
  nEstimators: 100,
  criterion: 'gini',
  maxDepth: undefined,
  minSamplesSplit: 2,
  minSamplesLeaf: 1,
  minWeightFractionLeaf: 0,
  minImpurityDecrease: 0,
  maxFeatures: 'sqrt',
  seed: 0,
  bootstrap: true,
  maxSamples: undefined,
  oobScore: false,
  nThreads: 0,
};

const fraction = (v: unknown) => (typeof v === 'number' && v > 0 && v <= 1 ? undefined : 'must be a fraction in (0, 1]');

const rules: ParamRules<RandomForestParams> = {
  ...treeShapeRules,
  nEstimators: int({ min: 1 }),
  criterion: oneOf('gini', 'entropy'),
  bootstrap: bool(),
  maxSamples: custom(fraction),
  oobScore: bool(),
  nThreads: int({ min: 0, max: 64 }),
};

/** Defaults merged with `given`, validated; throws MlParamError naming the bad value. */
export function resolveRandomForestParams(given?: Partial<RandomForestParams>): RandomForestParams {
  const p = resolveParams('random_forest', randomForestDefaults, given, rules);
  if (p.oobScore && !p.bootstrap)
    throw new MlParamError('random_forest', 'oobScore', true, 'needs bootstrap: true (without it no row is out of bag)');
  return p;
}
