/** One candidate family end to end: search on held-out rows, refit on all fitting rows, predict the evaluation rows. */
import {
  type FeatureFrame,
  fitPreprocessor,
  type InputFeature,
  type Preprocessor,
  selectRows,
  transform,
} from '../features/index.js';
import { type ClassifierModel, type Matrix, predictProba } from '../ml/index.js';
import type { Config, EstimatorSpec } from './estimators/spec.js';
import { count, type SearchResult, searchFamily } from './search.js';

/** The rows every candidate learns from. */
export interface LearningData {
  /** Model features (snapshot + derived, or a table's inferred columns), one row per (customer, cutoff) or table row. */
  frame: FeatureFrame;
  label: Uint8Array;
  /** The preprocessor's inputs, in order. */
  features: InputFeature[];
}

/** Which rows each step uses. */
export interface CandidateRows {
  /** The search fits on searchFit and scores on searchScore. */
  searchFit: Int32Array;
  searchScore: Int32Array;
  /** The chosen configuration is refitted on these (preprocessing too)… */
  refit: Int32Array;
  /** …and predicts these. */
  evaluate: Int32Array;
}

/** A fitted candidate. */
export interface CandidateFit {
  spec: EstimatorSpec;
  config: Config;
  search: SearchResult;
  preprocessor: Preprocessor;
  model: ClassifierModel;
  /** Uncalibrated probabilities of the refitted model on the evaluation rows. */
  evaluated: Float64Array;
}

/** Fits the family's preprocessing on `fitRows` and returns it with the matrices of `fitRows` and each of `others`. */
export function encode(
  data: LearningData,
  spec: EstimatorSpec,
  fitRows: Int32Array,
  ...others: Int32Array[]
): { pre: Preprocessor; X: Matrix; others: Matrix[] } {
  const fitFrame = selectRows(data.frame, fitRows);
  const pre = fitPreprocessor(fitFrame, data.features, { mode: spec.mode });
  return { pre, X: transform(pre, fitFrame), others: others.map((r) => transform(pre, selectRows(data.frame, r))) };
}

/** Labels of `rows`. */
export const labelsOf = (data: LearningData, rows: Int32Array) => Uint8Array.from(rows, (i) => data.label[i]);

/** Search, refit, predict. `onStep` hears each finished fit with its estimated seconds (progress and ETA). */
export function fitCandidate(
  spec: EstimatorSpec,
  data: LearningData,
  rows: CandidateRows,
  budgetSeconds: number,
  seed: number,
  onStep?: (step: string, estimatedSeconds: number) => void,
): CandidateFit {
  const inner = encode(data, spec, rows.searchFit, rows.searchScore);
  const search = searchFamily(
    spec,
    {
      fit: { X: inner.X, y: labelsOf(data, rows.searchFit) },
      score: { X: inner.others[0], y: labelsOf(data, rows.searchScore) },
      seed,
    },
    budgetSeconds,
    (done, total, seconds) => onStep?.(`search ${done}/${total}`, seconds),
  );
  const final = fitConfig(spec, data, rows.refit, search.best, seed, rows.evaluate);
  onStep?.('refit', spec.estimateSeconds(search.best, rows.refit.length, final.X.columns.length));
  return {
    spec,
    config: search.best,
    search,
    preprocessor: final.pre,
    model: final.model,
    evaluated: predictProba(final.model, final.evaluate),
  };
}

/** Fits preprocessing and one configuration on `rows` (no validation set: rounds are fixed by the config); encodes `evaluate`. */
export function fitConfig(
  spec: EstimatorSpec,
  data: LearningData,
  rows: Int32Array,
  config: Config,
  seed: number,
  evaluate: Int32Array = new Int32Array(0),
) {
  const { pre, X, others } = encode(data, spec, rows, evaluate);
  const y = labelsOf(data, rows);
  const { model } = spec.fit(X, y, config, { rows: y.length, positives: count(y), seed });
  return { pre, model, X, evaluate: others[0] };
}
