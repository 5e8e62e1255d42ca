/** transform: applies a fitted preprocessor to feature rows, giving the model input matrix (same code for training and serving). */
import { ChurnError } from '../../errors/index.js';
import type { Matrix } from '../../ml/index.js';
import { type Category, column, type FeatureFrame, isNumericColumn } from '../frame.js';
import type { NumericStep, OneHotStep, OrdinalStep, Preprocessor } from './types.js';

/** The model input matrix for `frame` (columns in `pre.columns` order). Throws CHURN_ERR_SHAPE naming a missing feature. */
export function transform(pre: Preprocessor, frame: FeatureFrame): Matrix {
  const columns: Float64Array[] = [];
  for (const step of pre.steps) {
    const values = column(frame, step.feature);
    if (step.kind === 'numeric') {
      if (!isNumericColumn(values)) throw shape(step.feature, 'numeric');
      for (const c of numeric(step, values)) columns.push(c);
    } else {
      if (isNumericColumn(values)) throw shape(step.feature, 'categorical');
      for (const c of step.kind === 'onehot' ? oneHot(step, values) : ordinal(step, values)) columns.push(c);
    }
  }
  return { nRows: frame.nRows, columns };
}

const shape = (feature: string, type: string) =>
  new ChurnError('CHURN_ERR_SHAPE', `Feature "${feature}" must be ${type}`, { feature });

function numeric(s: NumericStep, v: Float64Array): Float64Array[] {
  const n = v.length;
  const out = new Float64Array(n);
  if (s.fill === null) {
    out.set(v);
    return [out];
  }
  const flag = s.indicator ? new Float64Array(n) : null;
  for (let i = 0; i < n; i++) {
    let x = v[i];
    if (x !== x) {
      x = s.fill;
      if (flag) flag[i] = 1;
    }
    out[i] = (x - s.center) / s.scale;
  }
  return flag ? [out, flag] : [out];
}

// Level → code lookups, built once per fitted step (a preprocessor is immutable once fitted), not on every call.
const levelIndex = new WeakMap<OneHotStep | OrdinalStep, Map<string, number>>();
function indexOf(s: OneHotStep | OrdinalStep): Map<string, number> {
  let index = levelIndex.get(s);
  if (index === undefined) {
    index = new Map<string, number>(s.levels.map((l, j) => [l, j]));
    if (s.kind === 'ordinal') for (const r of s.rare) index.set(r, s.levels.length);
    levelIndex.set(s, index);
  }
  return index;
}

function oneHot(s: OneHotStep, v: readonly Category[]): Float64Array[] {
  const n = v.length;
  const index = indexOf(s);
  const other = s.levels.length;
  const cols = Array.from({ length: other + 1 + (s.missingLevel ? 1 : 0) }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const value = v[i] === null && !s.missingLevel ? s.fill : v[i];
    const j = value === null ? other + 1 : (index.get(value) ?? other);
    cols[j][i] = 1;
  }
  return cols;
}

function ordinal(s: OrdinalStep, v: readonly Category[]): Float64Array[] {
  const index = indexOf(s);
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    out[i] = x === null ? Number.NaN : (index.get(x) ?? Number.NaN);
  }
  return [out];
}
