/**
 * Out-of-bag predictions. Each tree adds its leaf probability, rounded to a multiple of 2^-32, for the rows it did not
 * see; sums of such numbers are exact in float64 (below 2^21 trees), so the result does not depend on the order in
 * which threads add their trees. The rounding moves an OOB probability by at most 2^-33.
 */

import type { AnyFlatTree } from '../tree/flat-tree.js';
import { type RankArray, rankAt } from '../tree/ranked-columns.js';

const SCALE = 4294967296;

/** Per-row OOB sums (in units of 2^-32) and the number of trees that left each row out. */
export interface OobSums {
  sum: Float64Array;
  count: Uint32Array;
}

/** Empty sums for n rows. */
export const emptyOob = (n: number): OobSums => ({ sum: new Float64Array(n), count: new Uint32Array(n) });

/**
 * Adds one tree's predictions for the rows with inBag[i] === 0. Rows are routed on `values[f][rank]` — the exact
 * training values — so a thread needs only the ranked columns, not the original matrix.
 */
export function addOobTree(
  tree: AnyFlatTree,
  ranks: RankArray[],
  values: Float64Array[],
  inBag: Float64Array,
  oob: OobSums,
): void {
  const { feature, threshold, left, right, missingLeft, value } = tree;
  for (let i = 0; i < inBag.length; i++) {
    if (inBag[i] > 0) continue;
    let n = 0;
    while (feature[n] !== -1) {
      const r = rankAt(ranks[feature[n]], i);
      n = r >= 0 ? (values[feature[n]][r] <= threshold[n] ? left[n] : right[n]) : missingLeft[n] === 1 ? left[n] : right[n];
    }
    oob.sum[i] += Math.round(value[n] * SCALE);
    oob.count[i]++;
  }
}

/** Adds `part` into `total`. */
export function mergeOob(total: OobSums, part: OobSums): void {
  for (let i = 0; i < total.sum.length; i++) {
    total.sum[i] += part.sum[i];
    total.count[i] += part.count[i];
  }
}

/** OOB probability per row (NaN where every tree saw the row). */
export function oobProbabilities(oob: OobSums): Float64Array {
  return Float64Array.from(oob.sum, (s, i) => (oob.count[i] > 0 ? s / SCALE / oob.count[i] : Number.NaN));
}
