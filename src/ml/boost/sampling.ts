/** Seeded sampling for boosting: rows per tree, features per tree, the early-stopping hold-out. */

import { permutation } from '../random.js';
import { moveFlaggedFirst, type RowStore } from './row-store.js';

/**
 * Draws the rows one tree sees (each record kept with probability `fraction`, decided in record order so a seed fixes
 * it) and moves their records to the front of store buffer b, keeping order. Returns how many (at least one).
 */
export function sampleRows(rand: () => number, store: RowStore, fraction: number, flags: Uint8Array, b: number): number {
  let m = 0;
  for (let k = 0; k < store.nRows; k++) {
    flags[k] = rand() < fraction ? 1 : 0;
    m += flags[k];
  }
  if (m === 0) flags[0] = 1;
  return moveFlaggedFirst(store, flags, b);
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
