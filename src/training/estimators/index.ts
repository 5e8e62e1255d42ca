/** The estimator spec of each candidate family (a lookup table, not a layer index). */
import type { CandidateFamily } from '../families.js';
import { gradientBoostingSpec } from './gradient-boosting.js';
import { histBoostingSpec } from './hist-boosting.js';
import { logisticSpec } from './logistic.js';
import { randomForestSpec } from './random-forest.js';
import type { EstimatorSpec } from './spec.js';

/** Family → how the pipeline fits it. */
export const estimatorSpecs: Record<CandidateFamily, EstimatorSpec> = {
  logistic: logisticSpec,
  random_forest: randomForestSpec,
  gradient_boosting: gradientBoostingSpec,
  hist_boosting: histBoostingSpec,
};
