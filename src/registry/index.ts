/** The model registry layer: the artifact format, its validation and codec, and the versioned registry with aliases. */
export { listModels, projectRegistry, promoteModel, registerModel, registryDir, rollbackModel } from './api.js';
export { canonicalJson, type Json } from './canonical-json.js';
export { codeVersion } from './code-version.js';
export { decodeArtifact, encodeArtifact, modelIdFor } from './codec.js';
export { type ArtifactDraft, createArtifact } from './create-artifact.js';
export { type CurvePoints, downsampleCurve } from './curve-sampling.js';
export { type Classification, classify, RISK_LABELS, riskBucketOf } from './decision.js';
export { assertFeatureContract, type FeatureContract, featureContractHash } from './feature-contract.js';
export { dataFingerprint, type FingerprintPart } from './fingerprint.js';
export { modelFile, reportFile, type SaveStep } from './folder.js';
export { currentModel, type LoadOptions, loadArtifact } from './load.js';
export type { ModelVersion } from './model-version.js';
export { type AliasEntry, type PromotionEvent, pointerFile, type RegistryPointer, readPointer } from './pointer.js';
export { type Alias, type ModelRegistry, openRegistry, type RegisterOptions } from './registry.js';
export { type RiskCutsSetting, resolveRiskCuts } from './risk-cuts.js';
export { ARTIFACT_FORMAT_VERSION, type ModelArtifact, ModelArtifactSchema } from './schema/artifact.js';
export type { CalibrationCurve, ChosenCurves, Curve, ThresholdCurve } from './schema/curves.js';
export type { FeatureInput, FeatureSchema, FeatureType, ModelInput } from './schema/features.js';
export type { Confusion, Metrics } from './schema/metrics.js';
export {
  type Calibration,
  type Candidate,
  type Estimator,
  type Family,
  IMPORTANCE_NAMES,
  type Importance,
  type NamedImportance,
  type RiskBuckets,
  type Selection,
  type Threshold,
} from './schema/model.js';
export type { Source, TrainingData } from './schema/training-data.js';
export { validateArtifact } from './validate.js';
export type { ModelStatus } from './versions-table.js';
export { type CurrentWatcher, watchCurrent } from './watch.js';
