/** Seeded stratified row sets: k folds, a holdout, and a capped sample, each keeping the churn rate of the whole. */
import { permutation, rng } from '../../ml/index.js';

/** One fold: rows to fit on and rows held out. */
export interface Fold {
  fit: Int32Array;
  holdout: Int32Array;
}

/**
 * Stratified k-fold: the rows of each class are shuffled (seeded) and dealt round-robin into k folds, so every fold
 * holds ⌊n_c / k⌋ or ⌈n_c / k⌉ rows of class c. Rows are referred to by their position in `rows` (default 0..n−1).
 */
export function stratifiedFolds(y: ArrayLike<number>, k: number, seed: number, rows?: ArrayLike<number>): Fold[] {
  const index = rows ?? Int32Array.from({ length: y.length }, (_, i) => i);
  const fold = new Int32Array(index.length);
  const rand = rng(seed);
  for (const cls of [0, 1]) {
    const members = Array.from(index, (r, i) => [r, i] as const).filter(([r]) => y[r] === cls);
    const order = permutation(rand, members.length);
    for (let j = 0; j < order.length; j++) fold[members[order[j]][1]] = j % k;
  }
  return Array.from({ length: k }, (_, f) => ({
    fit: pick(index, (i) => fold[i] !== f),
    holdout: pick(index, (i) => fold[i] === f),
  }));
}

/** A stratified holdout of about `share` of `rows` (seeded): the rest is the fit part. */
export function stratifiedHoldout(y: ArrayLike<number>, rows: ArrayLike<number>, share: number, seed: number): Fold {
  const k = Math.max(2, Math.round(1 / share));
  return stratifiedFolds(y, k, seed, rows)[0];
}

/** At most `cap` of `rows`, stratified and seeded, in ascending row order (all rows when there are no more than cap). */
export function stratifiedSample(y: ArrayLike<number>, rows: Int32Array, cap: number, seed: number): Int32Array {
  if (rows.length <= cap) return rows;
  const rand = rng(seed);
  const out: number[] = [];
  for (const cls of [0, 1]) {
    const members = Array.from(rows).filter((r) => y[r] === cls);
    const take = Math.round((members.length * cap) / rows.length);
    const order = permutation(rand, members.length);
    for (let j = 0; j < take; j++) out.push(members[order[j]]);
  }
  return Int32Array.from(out.sort((a, b) => a - b));
}

function pick(index: ArrayLike<number>, keep: (i: number) => boolean): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < index.length; i++) if (keep(i)) out.push(index[i]);
  return Int32Array.from(out);
}
