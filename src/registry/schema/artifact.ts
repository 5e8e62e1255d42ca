/** The model artifact: one self-describing, content-addressed JSON document per trained model. */
import { type Static, Type as T } from '@sinclair/typebox';
import { strict } from './common.js';
import { ChosenCurvesSchema } from './curves.js';
import { FeatureSchemaSchema } from './features.js';
import {
  CalibrationSchema,
  CandidateSchema,
  EstimatorSchema,
  ImportanceSchema,
  NamedImportanceSchema,
  RiskBucketsSchema,
  SelectionSchema,
  ThresholdSchema,
} from './model.js';
import { SourceSchema, TrainingDataSchema } from './training-data.js';

/** The artifact format this build writes and reads. Bump it (and add a reader) when the document changes shape. */
export const ARTIFACT_FORMAT_VERSION = 1;

/** The artifact schema, checked on every save and load (unknown keys refused). */
export const ModelArtifactSchema = T.Object(
  {
    formatVersion: T.Literal(ARTIFACT_FORMAT_VERSION),
    /** `m-` + the first 12 hex digits of `contentHash`: the same training gives the same id. */
    modelId: T.String({ pattern: '^m-[0-9a-f]{12}$' }),
    /** SHA-256 of the canonical document without `modelId` and `contentHash`; checked on every load. */
    contentHash: T.String({ pattern: '^[0-9a-f]{64}$' }),
    /** churnlab package version that trained the model. */
    codeVersion: T.String({ minLength: 1 }),
    source: SourceSchema,
    training: TrainingDataSchema,
    features: FeatureSchemaSchema,
    /** The fitted preprocessing of the features layer (imputation, scaling, encodings), as that layer serialises it. */
    preprocessing: T.Unknown(),
    estimator: EstimatorSchema,
    calibration: CalibrationSchema,
    threshold: ThresholdSchema,
    riskBuckets: RiskBucketsSchema,
    selection: SelectionSchema,
    /** Every candidate of the run, the selected one flagged. */
    candidates: T.Array(CandidateSchema, { minItems: 1 }),
    /** The headline importance (mean |SHAP| on validation rows): what scoring, the API and the dashboard show. */
    importance: ImportanceSchema,
    /**
     * Every importance measured at training, named (mean |SHAP|, permutation, model-native), each with its method and
     * sample. Optional: artifacts written before it existed hold only `importance` and load unchanged.
     */
    importances: T.Optional(T.Array(NamedImportanceSchema)),
    /** Reference statistics for drift monitoring (filled by the monitoring layer); null when absent. */
    baseline: T.Unknown(),
    curves: ChosenCurvesSchema,
  },
  strict,
);

/** A loaded, validated model artifact (estimator state and preprocessing hold their typed arrays). */
export type ModelArtifact = Static<typeof ModelArtifactSchema>;
