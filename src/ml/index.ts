/** The public surface of src/ml, the learning library: re-exports only. Other layers import this file. */

// Histogram gradient boosting
export {
  type BinnedMatrix,
  type BoostValidationSet,
  binMatrix,
  fitHistBoosting,
  type HistBoostingModel,
  type HistBoostingParams,
  type HistBoostingRecordedParams,
  histBoostingDefaults,
  predictHistBoostingMargin,
  predictHistBoostingProba,
  resolveHistBoostingParams,
} from './boost/index.js';
// Calibration
export { applyIsotonic, fitIsotonic, type IsotonicCalibrator } from './calibration/isotonic.js';
export { applyPlatt, fitPlatt, type PlattCalibrator } from './calibration/platt.js';
// k-means
export { fitKMeans } from './cluster/kmeans-fit.js';
export { type KMeansFit, type KMeansModel, predictCluster } from './cluster/kmeans-model.js';
export { type KMeansParams, kmeansDefaults } from './cluster/kmeans-params.js';
export { type SilhouetteOptions, silhouette } from './cluster/silhouette.js';
export {
  checkFeatureCount,
  checkFinite,
  checkLabels,
  checkMatrix,
  checkScores,
  checkWeights,
  MlParamError,
  MlShapeError,
} from './errors.js';
// Explanations
export { linearShap, type ShapExplanation } from './explain/linear-shap.js';
export { ensembleBaseValue, type TreeEnsemble, type TreeShapExplanation } from './explain/tree-shap-ensemble.js';
export { type TreeModel, treeEnsembleOf, treeShap } from './explain/tree-shap-models.js';
export { type TreeShapExplainer, treeShapEnsemble, treeShapExplainer } from './explain/tree-shap-parallel.js';
// Random forest
export { type RandomForestParams, randomForestDefaults, resolveRandomForestParams } from './forest/forest-params.js';
export { fitRandomForest, type OutOfBag, type RandomForestModel, randomForestProba } from './forest/random-forest.js';
// Classic gradient boosting
export { type GradientBoostingParams, gradientBoostingDefaults, resolveGradientBoostingParams } from './gbm/gbm-params.js';
export {
  fitGradientBoosting,
  type GradientBoostingModel,
  gradientBoostingMargin,
  gradientBoostingProba,
} from './gbm/gradient-boosting.js';

// Logistic regression
export { fitLogistic } from './linear/logistic-fit.js';
export { type ConvergenceReport, type LogisticModel, logisticMargin, logisticProba } from './linear/logistic-model.js';
export { type ClassWeights, type LogisticParams, logisticDefaults, resolveLogisticParams } from './linear/logistic-params.js';
// Shared foundations
export { type Column, fromRows, type Matrix, rowAt, takeRows } from './matrix.js';
// Metrics
export { type CalibrationBin, calibrationCurve } from './metrics/calibration-curve.js';
export {
  type ConfusionMatrix,
  confusionMatrix,
  metricsFromConfusion,
  type ThresholdMetrics,
  thresholdMetrics,
} from './metrics/confusion.js';
export { descendingOrder } from './metrics/descending-order.js';
export { type LiftGroup, type LiftTable, liftTable } from './metrics/lift.js';
export { type CostOptimum, costOptimalThreshold, type F1Optimum, f1OptimalThreshold } from './metrics/optimal-threshold.js';
export { averagePrecision, type PrCurve, prCurve } from './metrics/precision-recall.js';
export { brierScore, logLoss } from './metrics/probability.js';
export { type BinaryCurve, binaryCurve } from './metrics/ranking.js';
export { type RocCurve, rocAuc, rocCurve } from './metrics/roc.js';
// Models and the prediction dispatcher
export type { ClassifierModel, FittedModel, ModelKind } from './model.js';
export { workerBootSource } from './parallel/worker-boot.js';
export {
  bool,
  checkParam,
  custom,
  int,
  num,
  oneOf,
  type ParamRule,
  type ParamRules,
  resolveParams,
  ruleViolation,
} from './params.js';
export { predictMargin, predictProba } from './predict.js';
export { permutation, randInt, rng } from './random.js';
export { deserializeModel, modelReplacer, modelReviver, serializeModel } from './serialize.js';
// Decision tree (CART)
export {
  type DecisionTreeModel,
  type DecisionTreeParams,
  decisionTreeDefaults,
  decisionTreeProba,
  fitDecisionTree,
  resolveDecisionTreeParams,
} from './tree/decision-tree.js';
export { type AnyFlatTree, type FlatTree, leafIndex, type NarrowFlatTree, nodeCount, treeDepth } from './tree/flat-tree.js';
export { type RankedColumns, rankColumns } from './tree/ranked-columns.js';
export type { MaxFeatures, TreeShapeParams } from './tree/tree-params.js';
export { addTreeValues, sumTreeValues } from './tree/tree-predict.js';
