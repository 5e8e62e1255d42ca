/** One candidate family end to end: search on held-out rows, the served model (kept from the search or fitted once more), predict the evaluation rows. */
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
  /** The served model (preprocessing too) is fitted on these… */
  final: Int32Array;
  /**
   * …false: `final` is the search's fit part (or the whole of which searchFit is a sample) and never holds a searchScore
   * row, so the threshold is tuned on the served model's own searchScore predictions; when searchFit is all of `final`
   * the search's best model is kept as fitted (one fit per configuration, none repeated). true: `final` holds the
   * searchScore rows too (a refit on every training row), so the threshold is tuned on the search model's predictions
   * and transferred to the refitted model.
   */
  refit: boolean;
  /** The served model predicts these. */
  evaluate: Int32Array;
}

/** A fitted candidate. */
export interface CandidateFit {
  spec: EstimatorSpec;
  config: Config;
  search: SearchResult;
  preprocessor: Preprocessor;
  model: ClassifierModel;
  /** Uncalibrated probabilities on the searchScore rows that calibration and the threshold are tuned on. */
  tuning: Float64Array;
  /** Uncalibrated probabilities of the served model on the evaluation rows. */
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

/** Search, final fit (see CandidateRows), predict. `onStep` hears each finished fit with its estimated seconds (progress and ETA). */
export function fitCandidate(
  spec: EstimatorSpec,
  data: LearningData,
  rows: CandidateRows,
  budgetSeconds: number,
  seed: number,
  onStep?: (step: string, estimatedSeconds: number) => void,
): CandidateFit {
  const keepSearchModel = !rows.refit && rows.final.length === rows.searchFit.length;
  const inner = encode(data, spec, rows.searchFit, rows.searchScore, ...(keepSearchModel ? [rows.evaluate] : []));
  const { model: searchModel, ...search } = searchFamily(
    spec,
    {
      fit: { X: inner.X, y: labelsOf(data, rows.searchFit) },
      score: { X: inner.others[0], y: labelsOf(data, rows.searchScore) },
      seed,
    },
    budgetSeconds,
    (done, total, seconds) => onStep?.(`search ${done}/${total}`, seconds),
  );
  if (keepSearchModel)
    return {
      spec,
      config: search.best,
      search,
      preprocessor: inner.pre,
      model: searchModel,
      tuning: search.scores,
      evaluated: predictProba(searchModel, inner.others[1]),
    };
  const final = fitConfig(spec, data, rows.final, search.best, seed, rows.evaluate, rows.searchScore);
  onStep?.(rows.refit ? 'refit' : 'final fit', spec.estimateSeconds(search.best, rows.final.length, final.X.columns.length));
  return {
    spec,
    config: search.best,
    search,
    preprocessor: final.pre,
    model: final.model,
    tuning: rows.refit ? search.scores : predictProba(final.model, final.others[1]),
    evaluated: predictProba(final.model, final.evaluate),
  };
}

/** Fits preprocessing and one configuration on `rows` (no validation set: rounds are fixed by the config); encodes `evaluate` and `more`. */
export function fitConfig(
  spec: EstimatorSpec,
  data: LearningData,
  rows: Int32Array,
  config: Config,
  seed: number,
  evaluate: Int32Array = new Int32Array(0),
  ...more: Int32Array[]
) {
  const { pre, X, others } = encode(data, spec, rows, evaluate, ...more);
  const y = labelsOf(data, rows);
  const { model } = spec.fit(X, y, config, { rows: y.length, positives: count(y), seed });
  return { pre, model, X, evaluate: others[0], others };
}
