/** Per-tree seeds and bootstrap samples: tree t depends only on (seed, t), so a forest is the same whatever the thread count. */

import { rng } from '../random.js';

/** One 32-bit seed per tree, drawn in tree order from the forest seed. */
export function treeSeeds(seed: number, nTrees: number): Uint32Array {
  const rand = rng(seed);
  return Uint32Array.from({ length: nTrees }, () => Math.floor(rand() * 4294967296));
}

/**
 * Draws `draws` rows with replacement and writes each row's weight: base weight × times drawn (0 = out of bag).
 * Consumes `draws` numbers of `rand`; the caller keeps using `rand` for the tree's feature draws.
 */
export function bootstrapWeights(
  rand: () => number,
  base: ArrayLike<number> | undefined,
  draws: number,
  out: Float64Array,
): void {
  const n = out.length;
  out.fill(0);
  for (let k = 0; k < draws; k++) out[Math.floor(rand() * n)]++;
  if (base) for (let i = 0; i < n; i++) out[i] *= base[i];
}
