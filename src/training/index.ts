/** The training layer: train and evaluate candidates, tune thresholds, select, build the artifact, register; and its report. */

export {
  type CategoricalBaseline,
  categoricalBaseline,
  type DriftBaseline,
  driftBaseline,
  type FeatureBaseline,
  type NumericBaseline,
  numericBaseline,
} from './baseline.js';
export { applyCalibration, type CalibrationMethod } from './calibrate.js';
export type { ContactEconomics, ThresholdRule } from './evaluate/threshold.js';
export { type CandidateFamily, candidateFamilies, familyNames, familyOfModel, mlKindOf, parseFamilies } from './families.js';
export {
  shortLabel,
  snapshotFeatureContract,
  snapshotFeatureSchema,
  snapshotRecipeVersion,
} from './feature-schema.js';
export type { GlobalImportance } from './importance/index-of-model.js';
export { type ResolvedTrainOptions, resolveTrainOptions, type TrainOptions } from './options.js';
export type { CandidateOutcome } from './outcome.js';
export type { TrainProgress } from './progress.js';
export type { PublishedFiles } from './publish.js';
export * from './report/index.js';
export { SELECTION_TIE, selectionRule } from './select.js';
export { type Fold, stratifiedFolds } from './split/stratified.js';
export { inferSchema, type TableSchema } from './table/infer.js';
export { readTable, type TextTable } from './table/read-table.js';
export { TABLE_RECIPE_VERSION } from './table/recipe.js';
export { type TableFrameOptions, tableFrame } from './table/table-frame.js';
export { type TableTrainOptions, type TableTrainResult, trainTable } from './table/train-table.js';
export { SEARCH_ROWS, type TrainResult, trainModels } from './train-snapshots.js';
