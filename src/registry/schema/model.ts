/** The fitted model parts: estimator, calibration, decision threshold, risk buckets, candidates and selection. */
import { type Static, Type as T } from '@sinclair/typebox';
import { Details, Nullable, Probability, strict } from './common.js';
import { CurveSchema } from './curves.js';
import { MetricsSchema } from './metrics.js';

/** The estimator families of `src/ml`. */
export const FamilySchema = T.Union([
  T.Literal('logistic'),
  T.Literal('cart'),
  T.Literal('random_forest'),
  T.Literal('gradient_boosting'),
  T.Literal('hist_boosting'),
]);

/** The fitted estimator: family, hyper-parameters, and the `src/ml` model value (typed arrays stored as base64). */
export const EstimatorSchema = T.Object({ family: FamilySchema, params: Details, state: T.Unknown() }, strict);

/** Optional probability calibration fitted on held-out scores, applied after the estimator. */
export const CalibrationSchema = Nullable(
  T.Object({ method: T.Union([T.Literal('platt'), T.Literal('isotonic')]), state: T.Unknown() }, strict),
);

/** The decision threshold every surface uses, and how it was chosen (F1-optimal or cost-based). */
export const ThresholdSchema = T.Object(
  { value: Probability, rule: T.Union([T.Literal('f1'), T.Literal('cost')]), details: Details },
  strict,
);

/** Risk buckets: `labels[i]` covers cuts[i-1] ≤ p < cuts[i] (lower bound inclusive); cuts strictly increase. */
export const RiskBucketsSchema = T.Object(
  { cuts: T.Array(Probability, { minItems: 1 }), labels: T.Array(T.String({ minLength: 1 }), { minItems: 2 }) },
  strict,
);

/** One trained candidate with its validation metrics at its own tuned threshold. */
export const CandidateSchema = T.Object(
  {
    /** Display name, unique in the run (e.g. "Histogram boosting"). */
    name: T.String({ minLength: 1 }),
    family: FamilySchema,
    params: Details,
    selected: T.Boolean(),
    metrics: MetricsSchema,
    /** Downsampled ROC and PR curves, so reports compare every candidate from the artifact alone. */
    curves: T.Optional(T.Object({ roc: CurveSchema, pr: CurveSchema }, strict)),
  },
  strict,
);

/** Which candidate won and why. */
export const SelectionSchema = T.Object(
  {
    /** The rule in words, e.g. "highest validation PR-AUC; within 0.002 the simpler model". */
    rule: T.String({ minLength: 1 }),
    /** The metric key the rule ranks on (a key of Metrics). */
    metric: T.String({ minLength: 1 }),
    /** Name of the selected candidate. */
    chosen: T.String({ minLength: 1 }),
    /** Why it won, in words a reviewer can check against the table. */
    reason: T.String(),
  },
  strict,
);

/** Global importance per business feature, largest first. */
export const ImportanceSchema = T.Object(
  {
    /** How it was measured: e.g. "mean |SHAP|", "gain", "permutation", "|coefficient| × sd". */
    method: T.String({ minLength: 1 }),
    values: T.Array(T.Object({ feature: T.String({ minLength: 1 }), value: T.Number() }, strict)),
  },
  strict,
);

/** The measures an artifact's `importances` may hold, each at most once. */
export const IMPORTANCE_NAMES = ['mean_abs_shap', 'permutation', 'native'] as const;

/**
 * One named global-importance list: which measure, how it was measured, on which rows, per business feature, largest
 * first. `sample` is null for a measure read off the fitted model itself (native importance).
 */
export const NamedImportanceSchema = T.Object(
  {
    /** 'mean_abs_shap': mean |SHAP|; 'permutation': ROC-AUC drop when a feature is shuffled; 'native': the model's own. */
    name: T.Union(IMPORTANCE_NAMES.map((n) => T.Literal(n))),
    method: T.String({ minLength: 1 }),
    /** The rows it was measured on: how many, and drawn from what (e.g. "out-of-time validation"). */
    sample: T.Union([T.Object({ rows: T.Integer({ minimum: 1 }), from: T.String({ minLength: 1 }) }, strict), T.Null()]),
    values: T.Array(T.Object({ feature: T.String({ minLength: 1 }), value: T.Number() }, strict)),
  },
  strict,
);

/** An estimator family. */
export type Family = Static<typeof FamilySchema>;
/** The fitted estimator. */
export type Estimator = Static<typeof EstimatorSchema>;
/** Optional calibration. */
export type Calibration = Static<typeof CalibrationSchema>;
/** The decision threshold and its rule. */
export type Threshold = Static<typeof ThresholdSchema>;
/** Risk-bucket cuts and labels. */
export type RiskBuckets = Static<typeof RiskBucketsSchema>;
/** One trained candidate. */
export type Candidate = Static<typeof CandidateSchema>;
/** The selection rule and outcome. */
export type Selection = Static<typeof SelectionSchema>;
/** Global feature importance. */
export type Importance = Static<typeof ImportanceSchema>;
/** One named importance list of the artifact's `importances`. */
export type NamedImportance = Static<typeof NamedImportanceSchema>;
