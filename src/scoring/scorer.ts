/**
 * loadScorer: the one place raw rows become decisions. Vectorised over a batch: inputs → frame → fitted preprocessing →
 * estimator → calibration → decision at the artifact's threshold and risk bucket from its cuts (registry's classify).
 */
import { type FeatureFrame, transform } from '../features/index.js';
import {
  type CustomerValue,
  defaultRules,
  type LifetimeOptions,
  type Recommendation,
  type RetentionRule,
} from '../insights/index.js';
import type { Matrix } from '../ml/index.js';
import { classify, type ModelArtifact } from '../registry/index.js';
import { applyCalibration } from '../training/index.js';
import { type Assessment, assessRows } from './assess.js';
import { businessFeatureGroups } from './business-features.js';
import { checkArtifact } from './check-artifact.js';
import { customerValues, monthlyRevenueOf } from './customer-value.js';
import { type Estimator, estimatorOf, type MarginUnit } from './estimator.js';
import { assertAdditive, type Explanations, explanationsOf } from './explanations.js';
import { inputAdapterOf } from './input/adapter.js';
import type { InputAdapter, ValidRecord } from './input/input.js';

/** Rows ready for the model: ids, the frame the preprocessing reads, and the model input matrix. */
export interface PreparedRows {
  nRows: number;
  /** Customer (or row) ids, in row order. */
  ids: string[];
  /** Cutoff each row describes ('' when unknown). */
  cutoffs: string[];
  /** Inputs plus derived features: what explanations quote as the customer's own values. */
  frame: FeatureFrame;
  X: Matrix;
}

/** Probability, decision and risk bucket of every row. */
export interface Scores {
  nRows: number;
  ids: string[];
  cutoffs: string[];
  /** P(churn within the horizon), calibrated when the artifact has calibration. */
  probability: Float64Array;
  /** 1 when probability ≥ the artifact's threshold. */
  decision: Uint8Array;
  riskBucket: string[];
}

/** Options of a scorer. */
export interface ScorerOptions {
  /** Retention rules (default: the rule set shipped with insights). */
  rules?: readonly RetentionRule[];
  /** CLV horizon and discounting (default: insights defaults; the churn horizon always comes from the artifact). */
  lifetime?: Omit<LifetimeOptions, 'horizonDays'>;
}

/** Options of `explain`. */
export interface ExplainOptions {
  /** Drivers per direction that `drivers(row)` renders when not told (default 3). */
  topK?: number;
  /** Check base + Σ contributions = margin on every row (default true; CHURN_ERR_INTERNAL when broken). */
  checkAdditivity?: boolean;
}

/** A loaded model that scores, explains and recommends. */
export interface Scorer {
  readonly artifact: ModelArtifact;
  readonly modelId: string;
  /** The raw-input side: fields, validation and CSV parsing of this model's inputs. */
  readonly input: InputAdapter;
  /** Scale of explanations (log-odds, or probability for forests). */
  readonly unit: MarginUnit;
  /** Churn horizon of the probability, in days (null for table models). */
  readonly horizonDays: number | null;
  /** A stored frame of raw inputs (a snapshot) → rows ready for the model. */
  prepareFrame(frame: FeatureFrame): PreparedRows;
  /** Raw records (API bodies) → rows ready for the model; the first invalid record throws CHURN_ERR_VALIDATION. */
  prepareRecords(records: readonly unknown[]): PreparedRows;
  /** Records already validated by `input.validate` / `input.parseCells` → rows ready for the model. */
  prepareValid(records: readonly ValidRecord[]): PreparedRows;
  score(rows: PreparedRows): Scores;
  scoreFrame(frame: FeatureFrame): Scores;
  scoreRecords(records: readonly unknown[]): Scores;
  /** Exact per-row SHAP on business features (frame, records or prepared rows). */
  explain(input: FeatureFrame | readonly unknown[] | PreparedRows, options?: ExplainOptions): Explanations;
  /** Score, explanation, drivers in words, CLV, revenue at risk and retention action of every row. */
  assess(rows: PreparedRows, options?: { topK?: number }): { scores: Scores; explanations: Explanations; rows: Assessment[] };
  /** The retention action of every row (null where no rule matches), with the drivers behind it. */
  recommend(input: FeatureFrame | readonly unknown[] | PreparedRows): (Recommendation | null)[];
  /** Monthly revenue, CLV and revenue at risk of every row (null where the revenue is unknown). */
  values(input: FeatureFrame | readonly unknown[] | PreparedRows): (CustomerValue | null)[];
}

/**
 * A scorer for `artifact`. Refuses (CHURN_ERR_ARTIFACT) a model whose feature contract differs from the running
 * code's, whose preprocessing or estimator this build cannot run, or whose columns disagree with its feature schema.
 */
export function loadScorer(artifact: ModelArtifact, options: ScorerOptions = {}): Scorer {
  const pre = checkArtifact(artifact);
  const input = inputAdapterOf(artifact);
  const estimator = estimatorOf(artifact);
  const groups = businessFeatureGroups(artifact);
  const rules = options.rules ?? defaultRules;
  const horizonDays = artifact.training.horizonDays;
  const lifetime: LifetimeOptions = { ...options.lifetime, horizonDays: horizonDays ?? undefined };

  const prepared = (frame: FeatureFrame): PreparedRows => ({
    nRows: frame.nRows,
    ids: frame.customerId,
    cutoffs: frame.cutoff,
    frame,
    X: transform(pre, frame),
  });
  const prepareFrame = (frame: FeatureFrame) => prepared(input.prepare(frame));
  const prepareValid = (records: readonly ValidRecord[]) => prepared(input.frameOf(records));
  const prepareRecords = (records: readonly unknown[]) => prepareValid(records.map((r, i) => input.validate(r, i)));
  const score = (rows: PreparedRows) => scoreMatrix(artifact, estimator, rows);
  const toRows = (x: FeatureFrame | readonly unknown[] | PreparedRows): PreparedRows =>
    Array.isArray(x) ? prepareRecords(x) : 'X' in (x as PreparedRows) ? (x as PreparedRows) : prepareFrame(x as FeatureFrame);
  const explain = (x: FeatureFrame | readonly unknown[] | PreparedRows, o: ExplainOptions = {}) => {
    const rows = toRows(x);
    const e = explanationsOf(estimator.shap(rows.X), estimator.margin(rows.X), groups, rows.frame, o.topK);
    if (o.checkAdditivity !== false) assertAdditive(e);
    return e;
  };
  const assess = (rows: PreparedRows, o: { topK?: number } = {}) => {
    const scores = score(rows);
    const explanations = explain(rows);
    return { scores, explanations, rows: assessRows(rows.frame, scores, explanations, { rules, lifetime, topK: o.topK }) };
  };
  return {
    artifact,
    modelId: artifact.modelId,
    input,
    unit: estimator.unit,
    horizonDays,
    prepareFrame,
    prepareRecords,
    prepareValid,
    score,
    scoreFrame: (frame) => score(prepareFrame(frame)),
    scoreRecords: (records) => score(prepareRecords(records)),
    explain,
    assess,
    recommend: (x) => assess(toRows(x)).rows.map((a) => a.recommendation),
    values: (x) => {
      const rows = toRows(x);
      return customerValues(score(rows).probability, monthlyRevenueOf(rows.frame), lifetime);
    },
  };
}

function scoreMatrix(artifact: ModelArtifact, estimator: Estimator, rows: PreparedRows): Scores {
  // Training fits calibrators on the estimator's probability and documents applyCalibration as the one way to apply them.
  const probability = applyCalibration(artifact.calibration, estimator.probability(rows.X));
  const decision = new Uint8Array(rows.nRows);
  const riskBucket = new Array<string>(rows.nRows);
  for (let i = 0; i < rows.nRows; i++) {
    const c = classify(artifact, probability[i]);
    decision[i] = c.decision;
    riskBucket[i] = c.riskBucket;
  }
  return { nRows: rows.nRows, ids: rows.ids, cutoffs: rows.cutoffs, probability, decision, riskBucket };
}
