/**
 * Exact path-dependent TreeSHAP with per-leaf tables, for shallow trees (the idea of Yang's Fast TreeSHAP v2).
 * A leaf's share of φ depends on the row only through which of its path features the row "follows" (goes the path's
 * way at every split on that feature): a bit pattern h over the d distinct features of the path. So for every leaf and
 * every h the contributions are computed once per tree,
 *   T[leaf][h][j] = v · (h_j − z_j) · ∫₀¹ Π_{i≠j} (z_i + (h_i − z_i)·t) dt    (z_i: the path's cover fractions),
 * by Gauss–Legendre quadrature (exact: the integrand has degree < d). Explaining a row is then one pass over the
 * splits to get every leaf's pattern and d table reads per leaf — no recursion, no path arithmetic.
 * A tree whose table would exceed a size budget is left to the recursive algorithms.
 */

import type { AnyFlatTree } from '../tree/flat-tree.js';
import { gaussLegendre } from './tree-shap-quadrature.js';

/** A tree with its pattern tables, ready to explain rows. */
export interface PatternTree {
  tree: AnyFlatTree;
  /** Split nodes, every parent before its children. */
  splits: Int32Array;
  /** 1 << (position of the node's feature among the distinct features of its path), for split nodes. */
  bit: Int32Array;
  leaves: Int32Array;
  /** Per leaf: distinct path features d, offset of its features, offset of its table (2^d rows of d values). */
  depth: Uint8Array;
  featureAt: Int32Array;
  features: Int32Array;
  tableAt: Int32Array;
  table: Float64Array;
}

/**
 * Builds the tables of `tree` with contributions scaled by `scale`, or returns undefined when they would hold more than
 * `budget` numbers (Σ over leaves of 2^d·d).
 */
export function buildPatternTree(tree: AnyFlatTree, scale: number, budget: number): PatternTree | undefined {
  const n = tree.feature.length;
  const bit = new Int32Array(n);
  const splits: number[] = [];
  const leaves: number[] = [];
  const paths: { features: number[]; zero: number[] }[] = [];
  let size = 0;
  // Depth-first walk carrying the path's distinct features and their cover fractions.
  const walk = (node: number, features: number[], zero: number[]): boolean => {
    const f = tree.feature[node];
    if (f === -1) {
      leaves.push(node);
      paths.push({ features, zero });
      size += 2 ** features.length * features.length;
      return size <= budget && features.length <= 20;
    }
    splits.push(node);
    let e = features.indexOf(f);
    if (e < 0) e = features.length;
    bit[node] = 1 << e;
    for (const child of [tree.left[node], tree.right[node]]) {
      const r = tree.cover[child] / tree.cover[node];
      const fs = e < features.length ? features : [...features, f];
      const zs = e < features.length ? zero.map((z, i) => (i === e ? z * r : z)) : [...zero, r];
      if (!walk(child, fs, zs)) return false;
    }
    return true;
  };
  if (!walk(0, [], [])) return undefined;
  const depth = Uint8Array.from(paths, (p) => p.features.length);
  const featureAt = new Int32Array(leaves.length);
  const tableAt = new Int32Array(leaves.length);
  let fAt = 0;
  let tAt = 0;
  paths.forEach((p, l) => {
    featureAt[l] = fAt;
    tableAt[l] = tAt;
    fAt += p.features.length;
    tAt += 2 ** p.features.length * p.features.length;
  });
  const features = Int32Array.from(paths.flatMap((p) => p.features));
  const table = new Float64Array(tAt);
  paths.forEach((p, l) => {
    fillLeafTable(p.zero, tree.value[leaves[l]] * scale, table, tableAt[l]);
  });
  return {
    tree,
    splits: Int32Array.from(splits),
    bit,
    leaves: Int32Array.from(leaves),
    depth,
    featureAt,
    features,
    tableAt,
    table,
  };
}

const rules: { t: Float64Array; w: Float64Array }[] = [];

/** T[h·d + j] for one leaf: prefix and suffix products of the factors at each quadrature point. */
function fillLeafTable(zero: number[], v: number, out: Float64Array, at: number): void {
  const d = zero.length;
  if (d === 0) return;
  const K = Math.ceil(d / 2);
  rules[K] ??= gaussLegendre(K);
  const { t, w } = rules[K];
  const factor = new Float64Array(d);
  const prefix = new Float64Array(d + 1);
  const suffix = new Float64Array(d + 1);
  for (let h = 0; h < 1 << d; h++) {
    const row = at + h * d;
    for (let k = 0; k < K; k++) {
      for (let i = 0; i < d; i++) factor[i] = zero[i] + (((h >> i) & 1) - zero[i]) * t[k];
      prefix[0] = 1;
      for (let i = 0; i < d; i++) prefix[i + 1] = prefix[i] * factor[i];
      suffix[d] = 1;
      for (let i = d - 1; i >= 0; i--) suffix[i] = suffix[i + 1] * factor[i];
      for (let j = 0; j < d; j++) out[row + j] += w[k] * prefix[j] * suffix[j + 1];
    }
    for (let j = 0; j < d; j++) out[row + j] *= v * (((h >> j) & 1) - zero[j]);
  }
}

/** Scratch for the per-row pattern pass over trees of up to `maxNodes` nodes. */
export class PatternShap {
  private readonly mask: Int32Array;

  constructor(maxNodes: number) {
    this.mask = new Int32Array(maxNodes);
  }

  /** Adds the SHAP values of one row (feature f at x[xOffset + f]) for tree `pt` into phi[phiOffset + f]. */
  explain(pt: PatternTree, x: ArrayLike<number>, xOffset: number, phi: Float64Array, phiOffset: number): void {
    const { feature, threshold, left, right, missingLeft } = pt.tree;
    const { splits, bit, leaves, depth, featureAt, features, tableAt, table } = pt;
    const mask = this.mask;
    mask[0] = -1;
    for (let s = 0; s < splits.length; s++) {
      const node = splits[s];
      const xv = x[xOffset + feature[node]];
      const m = mask[node];
      const off = m & ~bit[node];
      if (xv <= threshold[node] || (xv !== xv && missingLeft[node] === 1)) {
        mask[left[node]] = m;
        mask[right[node]] = off;
      } else {
        mask[left[node]] = off;
        mask[right[node]] = m;
      }
    }
    for (let l = 0; l < leaves.length; l++) {
      const d = depth[l];
      const row = tableAt[l] + (mask[leaves[l]] & ((1 << d) - 1)) * d;
      const fa = featureAt[l];
      for (let j = 0; j < d; j++) phi[phiOffset + features[fa + j]] += table[row + j];
    }
  }
}
