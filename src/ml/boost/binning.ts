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
  return edgesFromCounts(distinct, counts, sorted.length, maxBins);
}

/** edgesFromSorted for values given as ascending distinct values with their counts (summing to `total`). */
export function edgesFromCounts(
  distinct: ArrayLike<number>,
  counts: ArrayLike<number>,
  total: number,
  maxBins: number,
): BinEdges {
  const cuts: number[] = [];
  if (distinct.length <= maxBins) {
    for (let k = 0; k + 1 < distinct.length; k++) cuts.push(cutBetween(distinct[k], distinct[k + 1]));
  } else {
    let remaining = total;
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

/** Distinct values counted in a hash table before falling back to a full sort (continuous features). */
const MAX_COUNTED_DISTINCT = 4096;

/**
 * Bin edges of one column, from the rows in `sample` (all rows when undefined). Most features (one-hot dummies,
 * counts, tenures) take few distinct values: those are counted in a small hash table and only the distinct values
 * are sorted, a single pass instead of sorting every row; a feature with more distinct values is sorted whole.
 * Both paths give the same edges as sorting.
 */
export function fitColumnEdges(column: Column, maxBins: number, sample?: Int32Array): BinEdges {
  const n = sample === undefined ? column.length : sample.length;
  const counted = countDistinct(column, n, sample);
  if (counted !== undefined) {
    const order = Int32Array.from({ length: counted.values.length }, (_, i) => i).sort(
      (a, b) => counted.values[a] - counted.values[b],
    );
    return edgesFromCounts(
      Float64Array.from(order, (i) => counted.values[i]),
      Int32Array.from(order, (i) => counted.counts[i]),
      counted.total,
      maxBins,
    );
  }
  const values = new Float64Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) {
    const x = column[sample === undefined ? k : sample[k]];
    if (x === x) values[m++] = x;
  }
  return edgesFromSorted(values.subarray(0, m).sort(), maxBins);
}

/**
 * Distinct non-missing values of the column (rows `sample`, or the first n) with their counts, in first-seen order;
 * undefined when there are more than MAX_COUNTED_DISTINCT. Open addressing on the value's bits; −0 is counted as 0.
 */
function countDistinct(
  column: Column,
  n: number,
  sample: Int32Array | undefined,
): { values: Float64Array; counts: Int32Array; total: number } | undefined {
  const size = MAX_COUNTED_DISTINCT * 4;
  const mask = size - 1;
  const keys = new Float64Array(size);
  const slotOf = new Int32Array(size).fill(-1);
  const values = new Float64Array(MAX_COUNTED_DISTINCT);
  const counts = new Int32Array(MAX_COUNTED_DISTINCT);
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  let nDistinct = 0;
  let total = 0;
  // Runs of one value (a dummy's zeros) skip the hash: the last value's slot is remembered.
  let last = Number.NaN;
  let lastSlot = -1;
  for (let k = 0; k < n; k++) {
    const x = column[sample === undefined ? k : sample[k]] + 0;
    if (x !== x) continue;
    total++;
    if (x === last) {
      counts[lastSlot]++;
      continue;
    }
    bits[0] = x;
    let h = Math.imul(words[0] ^ Math.imul(words[1], 0x9e3779b1), 0x85ebca6b) >>> 18;
    for (;;) {
      const d = slotOf[h];
      if (d < 0) {
        if (nDistinct === MAX_COUNTED_DISTINCT) return undefined;
        keys[h] = x;
        slotOf[h] = nDistinct;
        values[nDistinct] = x;
        lastSlot = nDistinct++;
        break;
      }
      if (keys[h] === x) {
        lastSlot = d;
        break;
      }
      h = (h + 1) & mask;
    }
    counts[lastSlot]++;
    last = x;
  }
  return { values: values.subarray(0, nDistinct), counts: counts.subarray(0, nDistinct), total };
}

/**
 * The bin of one value: the first edge >= x (a fixed-length binary search whose steps do not branch on the data);
 * NaN → MISSING_BIN.
 */
export function binOf(edges: BinEdges, x: number): number {
  if (x !== x) return MISSING_BIN;
  let base = 0;
  let len = edges.length;
  while (len > 1) {
    const half = len >>> 1;
    base += edges[base + half - 1] < x ? half : 0;
    len -= half;
  }
  return base;
}

/** Bins a whole column (or its rows `rows`, in that order) into `out` (one byte per row). */
export function binColumn(edges: BinEdges, column: Column, out: Uint8Array, rows?: Int32Array): void {
  if (rows === undefined) for (let i = 0; i < out.length; i++) out[i] = binOf(edges, column[i]);
  else for (let i = 0; i < out.length; i++) out[i] = binOf(edges, column[rows[i]]);
}
