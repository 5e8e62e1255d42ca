/** The scoring layer: applying a registered model to customers and rows — scores, decisions, explanations, actions. */
export { type Assessment, assessRows } from './assess.js';
export { customerScoresColumns, customerScoresCsv, writeCustomerScores } from './batch/customer-scores-csv.js';
export { type CustomerExplanation, explainCustomer } from './batch/explain-customer.js';
export { type StoredExplanation, storedExplanation } from './batch/explanation-json.js';
export { batchScoreSource, savePredictions } from './batch/save-predictions.js';
export {
  activeCustomers,
  type CustomerScores,
  type ScoreCustomersOptions,
  type ScoreStage,
  scoreCustomers,
} from './batch/score-customers.js';
export { formatScoreSummary, type ScoreSummary, summariseScores } from './batch/summary.js';
export { businessFeatureGroups } from './business-features.js';
export { customerValues, monthlyRevenueOf } from './customer-value.js';
export { type EncodedShap, type Estimator, estimatorOf, type MarginUnit } from './estimator.js';
export {
  additivityTolerance,
  assertAdditive,
  type CustomerDrivers,
  defaultTopK,
  type Explanations,
  explanationsOf,
  renderTop,
} from './explanations.js';
export { formatCustomerExplanation, formatImportanceTables } from './format.js';
export { globalImportance, type ImportanceTable, meanAbsShap, modelImportance } from './global-importance.js';
export { inputAdapterOf } from './input/adapter.js';
export type { InputAdapter, ValidRecord } from './input/input.js';
export { openScorer } from './open-scorer.js';
export { type GenerateStep, generateOnce } from './pipeline/generate-once.js';
export {
  generationMarker,
  type PipelineEvents,
  type PipelineRun,
  type PipelineStage,
  runPipeline,
} from './pipeline/run-pipeline.js';
export { type CsvLayout, csvLayout, predictionColumns } from './predict/csv-layout.js';
export { type PredictOptions, type PredictSummary, predictCsv, type RejectedRow } from './predict/predict-csv.js';
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
