/**
 * Exact path-dependent TreeSHAP — the same values as Lundberg et al.'s Algorithm 2 (tree-shap.ts) — computed with
 * fewer, independent operations. For a leaf of value v whose path holds features with zero fractions z_i and one
 * fractions o_i (repeated features merged, as Algorithm 2 does), the Shapley weights are Beta integrals, so
 *   φ_j += v · (o_j − z_j) · ∫₀¹ Π_{i≠j} (z_i + (o_i − z_i)·t) dt.
 * The integrand has degree < depth, so a Gauss–Legendre rule with ⌈depth/2⌉ points integrates it exactly. The
 * product P(t_k) over the whole path is carried down the recursion (O(points) per node) and each feature's term is
 * P(t_k) / (its own factor), so a leaf costs O(depth · points) multiply-adds with no dependency chain, against
 * Algorithm 2's O(depth²) serial recurrences. (Yu et al., "Linear TreeShap", NeurIPS 2022, use the same polynomial view.)
 * State is changed in place and restored after each child, so nothing is copied or allocated per node.
 */

import type { AnyFlatTree } from '../tree/flat-tree.js';

/** Gauss–Legendre nodes and weights on [0, 1] (Newton's method on the Legendre polynomial). */
export function gaussLegendre(points: number): { t: Float64Array; w: Float64Array } {
  const t = new Float64Array(points);
  const w = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (points + 0.5));
    let dp = 1;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = x;
      for (let j = 2; j <= points; j++) {
        const p2 = ((2 * j - 1) * x * p1 - (j - 1) * p0) / j;
        p0 = p1;
        p1 = p2;
      }
      if (points === 1) p0 = 1;
      dp = (points * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    t[i] = (1 - x) / 2;
    w[i] = 1 / ((1 - x * x) * dp * dp);
  }
  return { t, w };
}

/** Scratch for trees up to a given depth. */
export class QuadratureTreeShap {
  readonly maxDepth: number;
  private readonly points: number;
  private readonly t: Float64Array;
  private readonly w: Float64Array;
  /** P(t_k) of the path down to each level: level·points + k. */
  private readonly product: Float64Array;
  /** w_k · P(t_k) at the current leaf. */
  private readonly weighted: Float64Array;
  /** Per-level saved inverse factors of a merged (repeated) feature. */
  private readonly saved: Float64Array;
  /** The distinct features of the current path: feature, zero and one fractions, 1/factor at each point. */
  private readonly elemFeature: Int32Array;
  private readonly elemZero: Float64Array;
  private readonly elemOne: Float64Array;
  private readonly elemInverse: Float64Array;
  /** The depth-first walk as an explicit stack, one frame per level (no call per node). */
  private readonly frameNode: Int32Array;
  private readonly framePhase: Uint8Array;
  private readonly frameElem: Int32Array;
  private readonly frameMerged: Uint8Array;
  private readonly frameZero: Float64Array;
  private readonly frameOne: Float64Array;
  private readonly frameCold: Int32Array;
  private readonly frameColdZero: Float64Array;

  constructor(maxDepth: number) {
    this.maxDepth = maxDepth;
    this.points = Math.max(1, Math.ceil(maxDepth / 2));
    ({ t: this.t, w: this.w } = gaussLegendre(this.points));
    const k = this.points;
    const levels = maxDepth + 1;
    this.product = new Float64Array((levels + 1) * k);
    this.weighted = new Float64Array(k);
    this.saved = new Float64Array(levels * k);
    this.elemFeature = new Int32Array(levels);
    this.elemZero = new Float64Array(levels);
    this.elemOne = new Float64Array(levels);
    this.elemInverse = new Float64Array(levels * k);
    this.frameNode = new Int32Array(levels);
    this.framePhase = new Uint8Array(levels);
    this.frameElem = new Int32Array(levels);
    this.frameMerged = new Uint8Array(levels);
    this.frameZero = new Float64Array(levels);
    this.frameOne = new Float64Array(levels);
    this.frameCold = new Int32Array(levels);
    this.frameColdZero = new Float64Array(levels);
  }

  /**
   * Adds scale × the SHAP values of one row for `tree` into phi[phiOffset + f]; the row's value of feature f is
   * x[xOffset + f]. Depth ≤ maxDepth; covers positive.
   */
  explain(tree: AnyFlatTree, x: ArrayLike<number>, xOffset: number, phi: Float64Array, phiOffset: number, scale: number): void {
    const { feature, threshold, left, right, missingLeft, cover, value } = tree;
    const K = this.points;
    const { t, w, weighted, product, saved, elemFeature, elemZero, elemOne, elemInverse: inv } = this;
    const { frameNode, framePhase, frameElem, frameMerged, frameZero, frameOne, frameCold, frameColdZero } = this;
    let elems = 0;
    for (let k = 0; k < K; k++) product[k] = 1;
    let level = 0;
    frameNode[0] = 0;
    framePhase[0] = 0;
    while (level >= 0) {
      const node = frameNode[level];
      const split = feature[node];
      if (split === -1) {
        // Leaf: φ_j += v·(o_j − z_j)·Σ_k w_k·P(t_k)/f_j(t_k) over the path's features.
        const v = value[node] * scale;
        const base = level * K;
        for (let k = 0; k < K; k++) weighted[k] = w[k] * product[base + k];
        for (let e = 0; e < elems; e++) {
          let s = 0;
          for (let k = 0; k < K; k++) s += weighted[k] * inv[e * K + k];
          phi[phiOffset + elemFeature[e]] += v * (elemOne[e] - elemZero[e]) * s;
        }
        level--;
        continue;
      }
      const phase = framePhase[level];
      let e: number;
      let z: number;
      let o: number;
      let next: number;
      if (phase === 0) {
        const xv = x[xOffset + split];
        const goLeft = xv <= threshold[node] || (xv !== xv && missingLeft[node] === 1);
        const hot = goLeft ? left[node] : right[node];
        const cold = goLeft ? right[node] : left[node];
        const c = cover[node];
        e = 0;
        while (e < elems && elemFeature[e] !== split) e++;
        let z0 = 1;
        let o0 = 1;
        if (e < elems) {
          // A repeated feature: merge into its element (fractions multiply); its old factor is divided out of P.
          z0 = elemZero[e];
          o0 = elemOne[e];
          for (let k = 0; k < K; k++) saved[level * K + k] = inv[e * K + k];
          frameMerged[level] = 1;
        } else {
          elemFeature[e] = split;
          elems++;
          frameMerged[level] = 0;
        }
        frameElem[level] = e;
        frameZero[level] = z0;
        frameOne[level] = o0;
        frameCold[level] = cold;
        frameColdZero[level] = (cover[cold] / c) * z0;
        z = (cover[hot] / c) * z0;
        o = o0;
        next = hot;
        framePhase[level] = 1;
      } else if (phase === 1) {
        e = frameElem[level];
        z = frameColdZero[level];
        o = 0;
        next = frameCold[level];
        framePhase[level] = 2;
      } else {
        e = frameElem[level];
        if (frameMerged[level] === 1) {
          elemZero[e] = frameZero[level];
          elemOne[e] = frameOne[level];
          for (let k = 0; k < K; k++) inv[e * K + k] = saved[level * K + k];
        } else elems--;
        level--;
        continue;
      }
      // Zero weight and not followed: every term through this child is 0.
      if (z === 0 && o === 0) continue;
      elemZero[e] = z;
      elemOne[e] = o;
      const from = level * K;
      const merged = frameMerged[level] === 1;
      for (let k = 0; k < K; k++) {
        const f = z + (o - z) * t[k];
        inv[e * K + k] = 1 / f;
        product[from + K + k] = merged ? product[from + k] * f * saved[from + k] : product[from + k] * f;
      }
      level++;
      frameNode[level] = next;
      framePhase[level] = 0;
    }
  }
}
