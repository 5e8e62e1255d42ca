/** FeatureFrame: the columnar table of feature values that snapshots, training sets, derivation and preprocessing share. */
import { ChurnError } from '../errors/index.js';

/** A category label, or null when missing. */
export type Category = string | null;

/** One column: numbers and flags as Float64Array (NaN = missing), categories as labels (null = missing). */
export type FrameColumn = Float64Array | Category[];

/** Rows of (customer, cutoff) with one column per feature. */
export interface FeatureFrame {
  nRows: number;
  customerId: string[];
  cutoff: string[];
  columns: Record<string, FrameColumn>;
}

/** One row as a plain object: numbers (null = missing) and category labels. */
export type FeatureRow = Record<string, number | string | null>;

/** True when the column holds numbers. */
export const isNumericColumn = (c: FrameColumn): c is Float64Array => c instanceof Float64Array;

/** The column `name`; throws CHURN_ERR_SHAPE naming it when the frame lacks it. */
export function column(frame: FeatureFrame, name: string): FrameColumn {
  const c = frame.columns[name];
  if (!c) throw new ChurnError('CHURN_ERR_SHAPE', `Feature "${name}" is missing from the input`, { feature: name });
  return c;
}

/** The numeric column `name` (throws CHURN_ERR_SHAPE when absent or categorical). */
export function numericColumn(frame: FeatureFrame, name: string): Float64Array {
  const c = column(frame, name);
  if (!isNumericColumn(c)) throw new ChurnError('CHURN_ERR_SHAPE', `Feature "${name}" must be numeric`, { feature: name });
  return c;
}

/** Row `i` as an object holding every column (NaN becomes null). */
export function rowOf(frame: FeatureFrame, i: number): FeatureRow {
  const row: FeatureRow = {};
  for (const [name, c] of Object.entries(frame.columns)) {
    const v = c[i];
    row[name] = typeof v === 'number' && Number.isNaN(v) ? null : v;
  }
  return row;
}

/** The rows at `index` as a new frame (train/validation parts, single-customer lookups). */
export function selectRows(frame: FeatureFrame, index: ArrayLike<number>): FeatureFrame {
  const columns: Record<string, FrameColumn> = {};
  const pick = <T, O extends { [i: number]: T }>(src: ArrayLike<T>, out: O): O => {
    for (let i = 0; i < index.length; i++) out[i] = src[index[i]];
    return out;
  };
  for (const [name, c] of Object.entries(frame.columns))
    columns[name] = isNumericColumn(c) ? pick(c, new Float64Array(index.length)) : pick(c, new Array<Category>(index.length));
  return {
    nRows: index.length,
    customerId: pick(frame.customerId, new Array<string>(index.length)),
    cutoff: pick(frame.cutoff, new Array<string>(index.length)),
    columns,
  };
}

/** Stacks frames with the same columns, in order. */
export function concatFrames(frames: readonly FeatureFrame[]): FeatureFrame {
  const nRows = frames.reduce((n, f) => n + f.nRows, 0);
  const names = frames.length ? Object.keys(frames[0].columns) : [];
  const columns: Record<string, FrameColumn> = {};
  for (const name of names) {
    const parts = frames.map((f) => column(f, name));
    if (isNumericColumn(parts[0])) {
      const out = new Float64Array(nRows);
      let at = 0;
      for (const p of parts as Float64Array[]) {
        out.set(p, at);
        at += p.length;
      }
      columns[name] = out;
    } else columns[name] = (parts as Category[][]).flat();
  }
  return { nRows, customerId: frames.flatMap((f) => f.customerId), cutoff: frames.flatMap((f) => f.cutoff), columns };
}
