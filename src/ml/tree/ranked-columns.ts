/** Presorting for exact split search: every column becomes ranks into its sorted distinct values (computed once per fit). */

import type { Matrix } from '../matrix.js';

/** Rank given to a missing (NaN) value once ranks are read (see rankAt / gatherRanks). */
export const MISSING_RANK = -1;

/**
 * One column's ranks, stored as narrow as its distinct-value count allows: 8 bits up to 255 values, 16 bits up to
 * 65,535, else 32. The type's largest value (0xff, 0xffff) or −1 marks a missing value. Flags, counts and codes —
 * most churn features — take a quarter of the memory and of the cache traffic of split search.
 */
export type RankArray = Uint8Array | Uint16Array | Int32Array;

/**
 * A feature matrix seen through value order. Row i's rank in column f is the position of its value in `values[f]`
 * (sorted, distinct, NaN excluded). Split search only compares ranks; `values` turns a rank back into the exact
 * value, so thresholds and routing never need the original columns.
 */
export interface RankedColumns {
  nRows: number;
  ranks: RankArray[];
  values: Float64Array[];
}

/** Rank of row i (MISSING_RANK for a missing value). */
export function rankAt(ranks: RankArray, i: number): number {
  const r = ranks[i];
  if (ranks instanceof Uint8Array) return r === 0xff ? MISSING_RANK : r;
  if (ranks instanceof Uint16Array) return r === 0xffff ? MISSING_RANK : r;
  return r;
}

/** out[j − start] = rank of row[j] for j in [start, end): one monomorphic loop per storage width. */
export function gatherRanks(ranks: RankArray, row: Int32Array, start: number, end: number, out: Int32Array): void {
  if (ranks instanceof Uint8Array) gather8(ranks, row, start, end, out);
  else if (ranks instanceof Uint16Array) gather16(ranks, row, start, end, out);
  else for (let j = start; j < end; j++) out[j - start] = ranks[row[j]];
}

function gather8(ranks: Uint8Array, row: Int32Array, start: number, end: number, out: Int32Array): void {
  for (let j = start; j < end; j++) {
    const r = ranks[row[j]];
    out[j - start] = r === 0xff ? MISSING_RANK : r;
  }
}

function gather16(ranks: Uint16Array, row: Int32Array, start: number, end: number, out: Int32Array): void {
  for (let j = start; j < end; j++) {
    const r = ranks[row[j]];
    out[j - start] = r === 0xffff ? MISSING_RANK : r;
  }
}

/** Ranks every column of X. With `shared`, rank arrays live in SharedArrayBuffers that worker threads read in place. */
export function rankColumns(X: Matrix, shared = false): RankedColumns {
  const n = X.nRows;
  const wide = new Int32Array(n);
  const values: Float64Array[] = [];
  const ranks = X.columns.map((c): RankArray => {
    const distinct = rankColumn(c, wide);
    values.push(distinct);
    const d = distinct.length;
    const width = d <= 0xfe ? 1 : d <= 0xfffe ? 2 : 4;
    const buffer = shared ? new SharedArrayBuffer(n * width) : new ArrayBuffer(n * width);
    const out: RankArray = width === 1 ? new Uint8Array(buffer) : width === 2 ? new Uint16Array(buffer) : new Int32Array(buffer);
    if (out instanceof Int32Array) out.set(wide);
    else {
      const missing = out instanceof Uint8Array ? 0xff : 0xffff;
      for (let i = 0; i < n; i++) out[i] = wide[i] === MISSING_RANK ? missing : wide[i];
    }
    return out;
  });
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

/** Whether every rank array lives in shared memory (worker threads can read it in place). */
export const isShared = (data: RankedColumns) => data.ranks.every((r) => r.buffer instanceof SharedArrayBuffer);

/** The largest number of distinct values over all columns (sizes the split-search scratch). */
export function maxDistinct(data: RankedColumns): number {
  let m = 1;
  for (const v of data.values) m = Math.max(m, v.length);
  return m;
}
