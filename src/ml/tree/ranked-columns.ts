/** Presorting for exact split search: every column becomes ranks into its sorted distinct values (computed once per fit). */

import type { Matrix } from '../matrix.js';

/** Rank given to a missing (NaN) value. */
export const MISSING_RANK = -1;

/**
 * A feature matrix seen through value order. `ranks[f][i]` is the position of row i's value in `values[f]` (sorted,
 * distinct, NaN excluded) or MISSING_RANK. Split search only compares ranks; `values` turns a rank back into the exact
 * value, so thresholds and routing never need the original columns.
 */
export interface RankedColumns {
  nRows: number;
  ranks: Int32Array[];
  values: Float64Array[];
}

/**
 * Ranks every column of X. With `shared`, all rank arrays live in one SharedArrayBuffer so worker threads can read
 * them without a copy (n × features × 4 bytes).
 */
export function rankColumns(X: Matrix, shared = false): RankedColumns {
  const n = X.nRows;
  const p = X.columns.length;
  const buffer = shared ? new SharedArrayBuffer(n * p * 4) : new ArrayBuffer(n * p * 4);
  const ranks: Int32Array[] = [];
  const values: Float64Array[] = [];
  for (let f = 0; f < p; f++) {
    const r = new Int32Array(buffer, f * n * 4, n);
    values.push(rankColumn(X.columns[f], r));
    ranks.push(r);
  }
  return { nRows: n, ranks, values };
}

/** Fills `out` with the ranks of `column` and returns its sorted distinct values. */
function rankColumn(column: ArrayLike<number>, out: Int32Array): Float64Array {
  const n = column.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let integers = true;
  for (let i = 0; i < n; i++) {
    const v = column[i];
    if (v !== v) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integers && !Number.isInteger(v)) integers = false;
  }
  if (!(min <= max)) {
    out.fill(MISSING_RANK);
    return new Float64Array(0);
  }
  // Flags, counts and codes: a direct table indexed by value − min, no sort.
  if (integers && max - min <= Math.max(1024, 4 * n)) return rankByTable(column, min, max, out);
  const sorted = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const v = column[i];
    if (v === v) sorted[k++] = v;
  }
  const present = sorted.subarray(0, k).sort();
  let d = 0;
  for (let i = 0; i < k; i++) if (i === 0 || present[i] !== present[d - 1]) present[d++] = present[i];
  const distinct = present.slice(0, d);
  for (let i = 0; i < n; i++) {
    const v = column[i];
    out[i] = v === v ? search(distinct, v) : MISSING_RANK;
  }
  return distinct;
}

function rankByTable(column: ArrayLike<number>, min: number, max: number, out: Int32Array): Float64Array {
  const table = new Int32Array(max - min + 1);
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (v === v) table[v - min] = 1;
  }
  const distinct: number[] = [];
  for (let k = 0; k < table.length; k++) if (table[k] === 1) table[k] = distinct.push(min + k) - 1;
  for (let i = 0; i < out.length; i++) {
    const v = column[i];
    out[i] = v === v ? table[v - min] : MISSING_RANK;
  }
  return Float64Array.from(distinct);
}

/** Index of v in the sorted distinct array (v is known to be present). */
function search(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The largest number of distinct values over all columns (sizes the split-search scratch). */
export function maxDistinct(data: RankedColumns): number {
  let m = 1;
  for (const v of data.values) m = Math.max(m, v.length);
  return m;
}
