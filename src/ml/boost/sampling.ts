/** Seeded sampling for boosting: rows per tree, features per tree, the early-stopping hold-out. */

import { permutation } from '../random.js';

/** Writes the rows kept for one tree (each with probability `fraction`, ascending) into `rows`; returns how many. */
export function sampleRows(rand: () => number, nRows: number, fraction: number, rows: Uint32Array): number {
  if (fraction >= 1) {
    for (let i = 0; i < nRows; i++) rows[i] = i;
    return nRows;
  }
  let m = 0;
  for (let i = 0; i < nRows; i++) if (rand() < fraction) rows[m++] = i;
  if (m === 0) rows[m++] = Math.min(nRows - 1, Math.floor(rand() * nRows));
  return m;
}

/** The features one tree may split on: ⌈fraction × n⌉ of them (at least one), ascending. */
export function sampleFeatures(rand: () => number, nFeatures: number, fraction: number): Int32Array {
  const k = Math.max(1, Math.ceil(fraction * nFeatures - 1e-9));
  if (k >= nFeatures) return Int32Array.from({ length: nFeatures }, (_, i) => i);
  return permutation(rand, nFeatures).subarray(0, k).sort();
}

/** A stratified hold-out: `fraction` of each class (at least one row of each class present), the rest for training. */
export function stratifiedHoldout(
  rand: () => number,
  y: ArrayLike<number>,
  fraction: number,
): { train: Int32Array; holdout: Int32Array } {
  const byClass: number[][] = [[], []];
  for (let i = 0; i < y.length; i++) byClass[y[i] === 1 ? 1 : 0].push(i);
  const train: number[] = [];
  const holdout: number[] = [];
  for (const members of byClass) {
    const order = permutation(rand, members.length);
    const nHold = members.length < 2 ? 0 : Math.max(1, Math.round(fraction * members.length));
    order.forEach((k, pos) => {
      (pos < nHold ? holdout : train).push(members[k]);
    });
  }
  return { train: Int32Array.from(train).sort(), holdout: Int32Array.from(holdout).sort() };
}
