/** The fitted preprocessor: a plain JSON-able value stored in the model artifact and applied identically at serving time. */
import type { FeatureType } from '../feature-spec.js';

/** 'linear': imputed, scaled, one-hot; 'tree': raw numbers (NaN kept, trees route it) and ordinal category codes. */
export type PreprocessMode = 'linear' | 'tree';

/** A model input feature: its name and type (usually a catalogue entry). */
export interface InputFeature {
  name: string;
  type: FeatureType;
}

export interface FitOptions {
  mode: PreprocessMode;
  /** Categories rarer than this share of training rows are grouped into `__other__` (default 0.01). */
  minCategoryShare?: number;
  /** A missing-value indicator (or a `__missing__` category) is added when at least this share is missing (default 0.01). */
  missingIndicatorShare?: number;
}

/** Numbers and flags: NaN → fill (+ indicator column); linear mode then (x − center) ÷ scale (flags keep center 0, scale 1). */
export interface NumericStep {
  kind: 'numeric';
  feature: string;
  /** Training median (numbers) or most frequent value (flags); null in tree mode, where NaN stays NaN. */
  fill: number | null;
  indicator: boolean;
  center: number;
  scale: number;
}

/** Linear mode categories: one column per kept level, plus `__other__` (rare or unseen) and optionally `__missing__`. */
export interface OneHotStep {
  kind: 'onehot';
  feature: string;
  levels: string[];
  /** The value used for a missing category when `__missing__` is not a column (the training mode). */
  fill: string;
  missingLevel: boolean;
}

/** Tree mode categories: code i for levels[i], levels.length for rare training levels; null and unseen values → NaN. */
export interface OrdinalStep {
  kind: 'ordinal';
  feature: string;
  levels: string[];
  /** Rare training levels, grouped into the code levels.length. */
  rare: string[];
}

export type PreprocessStep = NumericStep | OneHotStep | OrdinalStep;

/** One column of the model input matrix and the business feature it comes from (explanations sum pieces back to it). */
export interface EncodedColumn {
  name: string;
  feature: string;
}

/** A fitted preprocessor (version 1). */
export interface Preprocessor {
  version: 1;
  mode: PreprocessMode;
  /** The raw model inputs, in order. */
  features: InputFeature[];
  steps: PreprocessStep[];
  /** The model input columns, in matrix order. */
  columns: EncodedColumn[];
}
