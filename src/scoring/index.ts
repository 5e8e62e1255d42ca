/** The scoring layer: applying a registered model to customers and rows — scores, decisions, explanations, actions. */
export { type Assessment, assessRows } from './assess.js';
export { businessFeatureGroups } from './business-features.js';
export { calibrate } from './calibration.js';
export { customerValues, monthlyRevenueOf } from './customer-value.js';
export { type EncodedShap, type Estimator, estimatorOf, type MarginUnit } from './estimator.js';
export {
  additivityTolerance,
  assertAdditive,
  type CustomerDrivers,
  defaultTopK,
  type Explanations,
  explanationsOf,
} from './explanations.js';
export { inputAdapterOf } from './input/adapter.js';
export type { FieldError, InputAdapter, ValidRecord } from './input/input.js';
export { type RowFacts, recommendFor } from './retention.js';
export { runningContract } from './running-contract.js';
export {
  type ExplainOptions,
  loadScorer,
  type PreparedRows,
  type Scorer,
  type ScorerOptions,
  type Scores,
} from './scorer.js';
