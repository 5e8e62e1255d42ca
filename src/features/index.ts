/** Point-in-time features: snapshots, labels, training sets, derived features and fitted preprocessing. */
export {
  featureCatalogue,
  featureContractHash,
  featureDefinitionsVersion,
  findFeature,
  legacyFeatureNames,
  modelFeatures,
} from './catalogue.js';
export { snapshotFeatures, windows } from './catalogue-snapshot.js';
export { type ColumnarTable, readColumnar, writeColumnar } from './columnar.js';
export { type ExtraColumns, frameToCsv, writeFrameCsv } from './csv.js';
export { type CutoffRole, matureCutoffs, minHistoryDays, monthlyCutoffs, planCutoffs } from './cutoffs.js';
export { type DataRange, dataRange } from './data-range.js';
export { addDays, addMonths, daysBetween, monthEnd } from './dates.js';
export { ageBands, type DerivedRecipe, derivedFeatures, derivedRecipes, deriveFeatures } from './derived.js';
export type { FeatureGroup, FeatureSpec, FeatureType } from './feature-spec.js';
export {
  type Category,
  column,
  concatFrames,
  type FeatureFrame,
  type FeatureRow,
  type FrameColumn,
  isNumericColumn,
  numericColumn,
  rowOf,
  selectRows,
} from './frame.js';
export * from './preprocess/index.js';
export { latestSnapshot, type Snapshot, type SnapshotOptions, snapshotAt } from './snapshot.js';
export { daysToRenewal } from './snapshot-finish.js';
export { snapshotQuery } from './snapshot-sql.js';
export { buildTrainingSet, type CutoffSummary, type TrainingSet, type TrainingSetOptions } from './training-set.js';
export { loadTrainingSet, saveTrainingSet, trainingSetFiles } from './training-set-files.js';
export { type LabelledRows, splitTrainingSet } from './training-split.js';
