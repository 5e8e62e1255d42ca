/**
 * Exact path-dependent TreeSHAP for one FlatTree and one row (Lundberg, Erion & Lee 2018, Algorithm 2), polynomial
 * time: O(leaves · depth²) per tree and row. The expectation over absent features follows each split to both children
 * weighted by cover; a present feature follows the row, missing values taking the learned direction exactly as
 * prediction does. The unique path lives in preallocated arrays, so the recursion allocates nothing.
 *
 * Along a path the "one fraction" of an element is always 0 or 1 (a product of "the row goes this way" indicators),
 * which removes every division by it from the published EXTEND / UNWIND / UNWOUND-SUM steps.
 */

import type { AnyFlatTree } from '../tree/flat-tree.js';

/** Scratch for trees up to a given depth: the unique-path segments of every recursion level. */
export class TreeShapWorkspace {
  readonly maxDepth: number;
  readonly feature: Int32Array;
  readonly zero: Float64Array;
  readonly one: Float64Array;
  readonly weight: Float64Array;
  /** up = (d+1)/(i+1), down = (d−i)/(d+1), coldUp = (d+1)/(d−i) at [d·(D+1) + i]: the loops multiply, never divide. */
  private readonly up: Float64Array;
  private readonly down: Float64Array;
  private readonly coldUp: Float64Array;
  // The tree, row and output of the current call (fields, so the recursion passes only numbers).
  private tree!: AnyFlatTree;
  private x!: ArrayLike<number>;
  private xOffset = 0;
  private phi!: Float64Array;
  private phiOffset = 0;
  private scale = 1;

  constructor(maxDepth: number) {
    this.maxDepth = maxDepth;
    const size = ((maxDepth + 2) * (maxDepth + 3)) / 2;
    this.feature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.weight = new Float64Array(size);
    const w = maxDepth + 1;
    this.up = new Float64Array(w * w);
    this.down = new Float64Array(w * w);
    this.coldUp = new Float64Array(w * w);
    for (let d = 0; d <= maxDepth; d++)
      for (let i = 0; i <= maxDepth; i++) {
        this.up[d * w + i] = (d + 1) / (i + 1);
        this.down[d * w + i] = (d - i) / (d + 1);
        this.coldUp[d * w + i] = (d + 1) / (d - i);
      }
  }

  /**
   * Adds scale × the SHAP values of one row for `tree` into phi[phiOffset + f]; the row's value of feature f is
   * x[xOffset + f]. The tree's depth must not exceed maxDepth. Covers must be positive.
   */
  explain(tree: AnyFlatTree, x: ArrayLike<number>, xOffset: number, phi: Float64Array, phiOffset: number, scale: number): void {
    this.tree = tree;
    this.x = x;
    this.xOffset = xOffset;
    this.phi = phi;
    this.phiOffset = phiOffset;
    this.scale = scale;
    this.recurse(0, 0, 0, 1, 1, -1);
  }

  /** One node: extend the parent's path (at `parent`, length depth) into a new segment, then recurse or credit. */
  private recurse(node: number, parent: number, depth: number, zeroFraction: number, oneFraction: number, feature: number): void {
    const { feature: pf, zero: pz, one: po, weight: pw } = this;
    const at = parent + depth + 1;
    for (let i = 0; i < depth; i++) {
      pf[at + i] = pf[parent + i];
      pz[at + i] = pz[parent + i];
      po[at + i] = po[parent + i];
      pw[at + i] = pw[parent + i];
    }
    // EXTEND
    pf[at + depth] = feature;
    pz[at + depth] = zeroFraction;
    po[at + depth] = oneFraction;
    pw[at + depth] = depth === 0 ? 1 : 0;
    const inv = 1 / (depth + 1);
    for (let i = depth - 1; i >= 0; i--) {
      pw[at + i + 1] += oneFraction * pw[at + i] * (i + 1) * inv;
      pw[at + i] = zeroFraction * pw[at + i] * (depth - i) * inv;
    }
    const tree = this.tree;
    const split = tree.feature[node];
    if (split === -1) {
      if (depth > 0) this.credit(at, depth, tree.value[node] * this.scale);
      return;
    }
    const x = this.x[this.xOffset + split];
    const goLeft = x <= tree.threshold[node] || (x !== x && tree.missingLeft[node] === 1);
    const hot = goLeft ? tree.left[node] : tree.right[node];
    const cold = goLeft ? tree.right[node] : tree.left[node];
    const cover = tree.cover[node];
    let inZero = 1;
    let inOne = 1;
    let d = depth;
    let k = 1;
    while (k <= d && pf[at + k] !== split) k++;
    if (k <= d) {
      // The feature was split on above: undo that element and carry its fractions down.
      inZero = pz[at + k];
      inOne = po[at + k];
      unwind(pf, pz, po, pw, at, d, k, this.up, this.maxDepth + 1);
      d--;
    }
    this.recurse(hot, at, d + 1, (tree.cover[hot] / cover) * inZero, inOne, split);
    this.recurse(cold, at, d + 1, (tree.cover[cold] / cover) * inZero, 0, split);
  }

  /**
   * A leaf's value v shared among the path's features: φ_f += UNWOUND-SUM · (one − zero) · v. For a "cold" element
   * (one = 0) UNWOUND-SUM is S/zero with S the same for all of them, so each gets −S·v; only "hot" elements
   * (one = 1) need their own O(depth) sum.
   */
  private credit(at: number, depth: number, v: number): void {
    const { feature: pf, zero: pz, one: po, weight: pw, phi, phiOffset } = this;
    const row = depth * (this.maxDepth + 1);
    const up = this.up;
    const down = this.down;
    const coldUp = this.coldUp;
    let cold = 0;
    for (let i = 0; i < depth; i++) cold += pw[at + i] * coldUp[row + i];
    for (let e = 1; e <= depth; e++) {
      const z = pz[at + e];
      if (po[at + e] === 0) {
        if (z !== 0) phi[phiOffset + pf[at + e]] -= cold * v;
        continue;
      }
      let next = pw[at + depth];
      let total = 0;
      for (let i = depth - 1; i >= 0; i--) {
        const t = next * up[row + i];
        total += t;
        next = pw[at + i] - t * z * down[row + i];
      }
      phi[phiOffset + pf[at + e]] += total * (1 - z) * v;
    }
  }
}

/** UNWIND: removes element k from the path of length depth+1 in place (one fraction 0 or 1). */
function unwind(
  pf: Int32Array,
  pz: Float64Array,
  po: Float64Array,
  pw: Float64Array,
  at: number,
  depth: number,
  k: number,
  up: Float64Array,
  width: number,
): void {
  const z = pz[at + k];
  const row = depth * width;
  if (po[at + k] !== 0) {
    let next = pw[at + depth];
    for (let i = depth - 1; i >= 0; i--) {
      const t = pw[at + i];
      pw[at + i] = next * up[row + i];
      next = t - (pw[at + i] * z * (depth - i)) / (depth + 1);
    }
  } else {
    for (let i = depth - 1; i >= 0; i--) pw[at + i] = (pw[at + i] * (depth + 1)) / (z * (depth - i));
  }
  for (let i = k; i < depth; i++) {
    pf[at + i] = pf[at + i + 1];
    pz[at + i] = pz[at + i + 1];
    po[at + i] = po[at + i + 1];
  }
}

/** The path-dependent expectation E[f(x)] with no feature known: leaf values weighted by cover down the tree. */
export function expectedValue(tree: AnyFlatTree, node = 0): number {
  if (tree.feature[node] === -1) return tree.value[node];
  const l = tree.left[node];
  const r = tree.right[node];
  return (tree.cover[l] * expectedValue(tree, l) + tree.cover[r] * expectedValue(tree, r)) / tree.cover[node];
}
