/** The drift report of one model on one batch: PSI of every baseline feature and of the score, and the one verdict. */

import { ChurnError } from '../../errors/index.js';
import type { FeatureFrame } from '../../features/index.js';
import type { DriftBaseline, FeatureBaseline } from '../../training/index.js';
import { categoricalPsi } from '../drift/categorical-psi.js';
import { type DriftVerdict, driftVerdict, type PsiResult, type VerdictOptions } from '../drift/index.js';
import { numericPsi } from '../drift/numeric-psi.js';

/** PSI of one feature, its bins, and its kind. */
export interface FeaturePsi extends PsiResult {
  feature: string;
  kind: FeatureBaseline['kind'];
}

/** Everything `churn monitor`, `GET /drift` and the alerts read. */
export interface DriftReport {
  modelId: string;
  /** Date of the batch compared with the baseline (a batch of logged predictions: the date of its newest row). */
  at: string;
  /** Rows whose score was compared (snapshot: customers; batch: logged predictions). */
  rows: number;
  /** Rows whose features were compared: all of a snapshot; the logged predictions that carry features in a batch. */
  featureRows: number;
  /** The batch of logged predictions this run compared, or null for a snapshot run. */
  batch: BatchDefinition | null;
  epsilon: number;
  thresholds: VerdictOptions;
  verdict: DriftVerdict;
  score: PsiResult;
  features: FeaturePsi[];
}

/** Which logged predictions a batch drift run read (`churn monitor --batch`). */
export interface BatchDefinition {
  /** Inclusive bounds on predictions.created_at (ISO-8601 UTC), null = open. */
  from: string | null;
  to: string | null;
  /** api (/predict, /batch_predict, {customer_id} lookups), job (CSV jobs), score (churn score), or null = all. */
  source: BatchSource | null;
  modelId: string;
  /** created_at of the oldest and newest row read. */
  first: string;
  last: string;
}

/** The sources a batch can be restricted to. */
export type BatchSource = 'api' | 'job' | 'score';

/** Options of a drift comparison (thresholds of the verdict, PSI epsilon). */
export interface DriftOptions {
  thresholds: VerdictOptions;
  epsilon: number;
}

/** The artifact's baseline, or CHURN_ERR_ARTIFACT naming the model when it has none. */
export function baselineOf(artifact: { modelId: string; baseline: unknown }): DriftBaseline {
  const b = artifact.baseline as DriftBaseline | null | undefined;
  if (b?.version !== 1 || !Array.isArray(b.features))
    throw new ChurnError('CHURN_ERR_ARTIFACT', `Model ${artifact.modelId} has no drift baseline (version 1): retrain it`, {
      modelId: artifact.modelId,
    });
  return b;
}

/** One pass per feature over `frame` (inputs + derived features) and one over the scores (a snapshot: same rows). */
export function driftReport(
  modelId: string,
  at: string,
  baseline: DriftBaseline,
  frame: FeatureFrame,
  probability: Float64Array,
  o: DriftOptions,
  batch: BatchDefinition | null = null,
): DriftReport {
  // A batch where no row carries features (CSV jobs, batch scoring) is judged on its score alone.
  const features: FeaturePsi[] = frame.nRows === 0 ? [] : baseline.features.map((b) => featurePsi(b, frame, o.epsilon));
  const score = numericPsi(baseline.score, probability, o.epsilon);
  const verdict = driftVerdict(score, features, o.thresholds);
  return {
    modelId,
    at,
    rows: probability.length,
    featureRows: frame.nRows,
    batch,
    epsilon: o.epsilon,
    thresholds: o.thresholds,
    verdict,
    score,
    features,
  };
}

function featurePsi(b: FeatureBaseline, frame: FeatureFrame, epsilon: number): FeaturePsi {
  const c = frame.columns[b.feature];
  if (!c)
    throw new ChurnError('CHURN_ERR_SHAPE', `Feature "${b.feature}" of the baseline is missing from the batch`, {
      feature: b.feature,
    });
  const r =
    b.kind === 'numeric'
      ? numericPsi(b, c instanceof Float64Array ? c : Float64Array.from(c, Number), epsilon)
      : categoricalPsi(b, c instanceof Float64Array ? Array.from(c, String) : c, epsilon);
  return { feature: b.feature, kind: b.kind, ...r };
}
