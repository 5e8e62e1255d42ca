/** Quantile binning: each feature's values map to ≤ 255 ordered bins (Uint8) plus one bin for missing values. */

import type { Column } from '../matrix.js';

/** The bin every missing value (NaN) falls in, for every feature. */
export const MISSING_BIN = 255;

/** Upper edges of one feature's value bins: x goes to the first bin b with x <= edges[b]; the last edge is +Infinity. */
export type BinEdges = Float64Array;

/**
 * A cut strictly between two neighbouring distinct values a < b, so that a goes left and b right.
 * The midpoint, as scikit-learn and the exact splitter use; falls back to a when a and b are adjacent doubles.
 */
export function cutBetween(a: number, b: number): number {
  const mid = a + (b - a) / 2;
  return mid < b ? mid : a;
}

/**
 * Bin edges of one feature from its non-missing values (`sorted`, ascending, may repeat).
 * At most maxBins distinct values: one bin each. Otherwise quantile bins: each bin takes about an equal share of the
 * rows still unassigned, so a heavy value closes its bin early and the rest spread evenly over what is left.
 */
export function edgesFromSorted(sorted: Float64Array, maxBins: number): BinEdges {
  const distinct: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) {
      distinct.push(sorted[i]);
      counts.push(1);
    } else counts[counts.length - 1]++;
  }
  const cuts: number[] = [];
  if (distinct.length <= maxBins) {
    for (let k = 0; k + 1 < distinct.length; k++) cuts.push(cutBetween(distinct[k], distinct[k + 1]));
  } else {
    let remaining = sorted.length;
    let binsLeft = maxBins;
    let inBin = 0;
    for (let k = 0; k + 1 < distinct.length && binsLeft > 1; k++) {
      inBin += counts[k];
      if (inBin >= remaining / binsLeft) {
        cuts.push(cutBetween(distinct[k], distinct[k + 1]));
        remaining -= inBin;
        binsLeft--;
        inBin = 0;
      }
    }
  }
  cuts.push(Number.POSITIVE_INFINITY);
  return Float64Array.from(cuts);
}

/** Bin edges of one column, from the rows in `sample` (all rows when undefined). */
export function fitColumnEdges(column: Column, maxBins: number, sample?: Int32Array): BinEdges {
  const n = sample === undefined ? column.length : sample.length;
  const values = new Float64Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) {
    const x = column[sample === undefined ? k : sample[k]];
    if (x === x) values[m++] = x;
  }
  return edgesFromSorted(values.subarray(0, m).sort(), maxBins);
}

/** The bin of one value: binary search for the first edge >= x; NaN → MISSING_BIN. */
export function binOf(edges: BinEdges, x: number): number {
  if (x !== x) return MISSING_BIN;
  let lo = 0;
  let hi = edges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x <= edges[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Bins a whole column into `out` (one byte per row). */
export function binColumn(edges: BinEdges, column: Column, out: Uint8Array): void {
  for (let i = 0; i < column.length; i++) out[i] = binOf(edges, column[i]);
}
