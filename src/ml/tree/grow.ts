/**
 * Grows one tree depth first (nodes numbered in preorder, as scikit-learn does) over presorted ranks. The rows of a
 * node are a contiguous segment of one index array that is stably partitioned in place, so no node copies data.
 */

import { CRITERION_CODE, type Criterion, classImpurity, nodeScore } from './criterion.js';
import type { FlatTree, NarrowFlatTree } from './flat-tree.js';
import { NodeBuffer } from './node-buffer.js';
import { gatherRanks, maxDistinct, type RankArray, type RankedColumns } from './ranked-columns.js';
import { ALL_PRESENT_LEFT, type NodeRows, type SplitLimits, SplitSearch } from './split-search.js';

/** Stopping rules and feature sampling of one tree (already validated). */
export interface GrowSettings {
  criterion: Criterion;
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  /** Minimum weight in each child, as a fraction of the tree's total weight. */
  minWeightFractionLeaf: number;
  /** A split must decrease weighted impurity by at least this, per unit of the tree's total weight (scikit-learn's rule). */
  minImpurityDecrease: number;
  /** Features drawn (without replacement) at each node; ≥ the feature count means all, in column order. */
  maxFeatures: number;
}

/** A grown tree and the weighted impurity decrease each feature earned (not normalised). */
export interface GrownTree {
  tree: FlatTree;
  importance: Float64Array;
}

/** A grown tree in the narrow layout (what a random forest keeps). */
export interface GrownNarrowTree {
  tree: NarrowFlatTree;
  importance: Float64Array;
}

/** scikit-learn's EPSILON: a node this pure is a leaf. */
const EPSILON = 2.220446049250313e-16;

/** Reusable tree grower for one ranked data set: scratch arrays are allocated once and shared by every tree. */
export class TreeGrower {
  private readonly search: SplitSearch;
  private readonly rows: NodeRows;
  private readonly spare: NodeRows;
  private readonly nodes = new NodeBuffer();
  private readonly order: Int32Array;
  private readonly goesLeft: Uint8Array;
  private readonly scratchRanks: Int32Array;

  /** With `sharedTrees`, grown trees are backed by SharedArrayBuffers (see NodeBuffer.toFlatTree). */
  constructor(
    private readonly data: RankedColumns,
    private readonly sharedTrees = false,
  ) {
    const n = data.nRows;
    this.search = new SplitSearch(n, maxDistinct(data));
    this.rows = { row: new Int32Array(n), weight: new Float64Array(n), target: new Float64Array(n) };
    this.spare = { row: new Int32Array(n), weight: new Float64Array(n), target: new Float64Array(n) };
    this.order = new Int32Array(data.ranks.length);
    this.goesLeft = new Uint8Array(n);
    this.scratchRanks = new Int32Array(n);
  }

  /**
   * Grows a tree on the rows with weight[i] > 0, fitting target[i] (= weight × label for classification, weight ×
   * residual for 'mse'). `random` draws the node features when maxFeatures < feature count. When `leafOf` is given,
   * leafOf[i] receives the leaf of every row used.
   */
  grow(
    weight: ArrayLike<number>,
    target: ArrayLike<number>,
    s: GrowSettings,
    random?: () => number,
    leafOf?: Int32Array,
  ): GrownTree {
    const importance = this.growNodes(weight, target, s, random, leafOf);
    return { tree: this.nodes.toFlatTree(this.sharedTrees), importance };
  }

  /** As `grow`, returning the tree in the narrow layout (a forest's 200 trees are most of its memory). */
  growNarrow(weight: ArrayLike<number>, target: ArrayLike<number>, s: GrowSettings, random?: () => number): GrownNarrowTree {
    const importance = this.growNodes(weight, target, s, random);
    return { tree: this.nodes.toNarrowTree(this.data.ranks.length, this.sharedTrees), importance };
  }

  /** Grows the nodes into the buffer; returns each feature's weighted impurity decrease. */
  private growNodes(
    weight: ArrayLike<number>,
    target: ArrayLike<number>,
    s: GrowSettings,
    random?: () => number,
    leafOf?: Int32Array,
  ): Float64Array {
    const code = CRITERION_CODE[s.criterion];
    const { rows, nodes, search, data } = this;
    const p = data.ranks.length;
    let m = 0;
    let totalWeight = 0;
    for (let i = 0; i < data.nRows; i++) {
      if (!(weight[i] > 0)) continue;
      rows.row[m] = i;
      rows.weight[m] = weight[i];
      rows.target[m] = target[i];
      totalWeight += weight[i];
      m++;
    }
    for (let f = 0; f < p; f++) this.order[f] = f;
    nodes.reset();
    const importance = new Float64Array(p);
    const minWeightLeaf = s.minWeightFractionLeaf * totalWeight;
    const limits: SplitLimits = { minSamplesLeaf: s.minSamplesLeaf, minWeightLeaf };
    // Stack of pending nodes: start, end, depth, parent (negative parent = -(parent+1) for a right child).
    const stack: number[] = [0, m, 0, Number.NaN];
    while (stack.length > 0) {
      const link = stack.pop()!;
      const depth = stack.pop()!;
      const end = stack.pop()!;
      const start = stack.pop()!;
      let w = 0;
      let t = 0;
      let q = 0;
      for (let j = start; j < end; j++) {
        const wj = rows.weight[j];
        const tj = rows.target[j];
        w += wj;
        t += tj;
        if (code === 2) q += (tj * tj) / wj;
      }
      const id = nodes.addLeaf(t / w, w);
      if (link === link) {
        if (link >= 0) nodes.left[link] = id;
        else nodes.right[-link - 1] = id;
      }
      const count = end - start;
      const impurity = code === 2 ? q / w - (t / w) * (t / w) : classImpurity(code, w, t);
      let leaf =
        depth >= s.maxDepth ||
        count < s.minSamplesSplit ||
        count < 2 * s.minSamplesLeaf ||
        w < 2 * minWeightLeaf ||
        impurity <= EPSILON;
      if (!leaf) {
        search.best.reset();
        this.searchNode(code, limits, s.maxFeatures, start, end, random);
        const best = search.best;
        const decrease = best.score - nodeScore(code, w, t);
        leaf = best.feature < 0 || decrease / totalWeight + EPSILON < s.minImpurityDecrease;
        if (!leaf) {
          const f = best.feature;
          const values = data.values[f];
          const all = best.rankLeft === ALL_PRESENT_LEFT;
          const cut = threshold(values, best.rankLeft, best.rankRight);
          nodes.setSplit(id, f, cut, best.missingLeft, all ? cut : values[best.rankLeft], all ? cut : values[best.rankRight]);
          importance[f] += decrease;
          const mid = this.partition(data.ranks[f], start, end, best.rankLeft, best.missingLeft);
          stack.push(mid, end, depth + 1, -id - 1, start, mid, depth + 1, id);
        }
      }
      if (leaf && leafOf) for (let j = start; j < end; j++) leafOf[rows.row[j]] = id;
    }
    return importance;
  }

  /** Stable partition of the rows by goesLeft flags; returns the first right position. */
  private partitionByFlags(start: number, end: number): number {
    const { row, weight, target } = this.rows;
    const spare = this.spare;
    const flags = this.goesLeft;
    let l = start;
    let r = 0;
    for (let j = start; j < end; j++) {
      if (flags[j] === 1) {
        row[l] = row[j];
        weight[l] = weight[j];
        target[l] = target[j];
        l++;
      } else {
        spare.row[r] = row[j];
        spare.weight[r] = weight[j];
        spare.target[r] = target[j];
        r++;
      }
    }
    row.set(spare.row.subarray(0, r), l);
    weight.set(spare.weight.subarray(0, r), l);
    target.set(spare.target.subarray(0, r), l);
    return l;
  }

  /**
   * Visits every feature in order, or — as scikit-learn does — a random draw of maxFeatures features, constant ones
   * included, continuing past that only while none of the drawn features could split the node.
   */
  private searchNode(
    code: number,
    limits: SplitLimits,
    maxFeatures: number,
    start: number,
    end: number,
    random?: () => number,
  ): void {
    const { order, search, data, rows } = this;
    const p = order.length;
    if (maxFeatures >= p || random === undefined) {
      for (let f = 0; f < p; f++) search.searchFeature(code, limits, f, data.ranks[f], rows, start, end, data.values[f].length);
      return;
    }
    let splittable = 0;
    for (let k = 0; k < p && (k < maxFeatures || splittable === 0); k++) {
      const j = k + Math.floor(random() * (p - k));
      const f = order[j];
      order[j] = order[k];
      order[k] = f;
      if (search.searchFeature(code, limits, f, data.ranks[f], rows, start, end, data.values[f].length)) splittable++;
    }
  }

  /** Stable in-place partition of [start, end) by a feature's ranks (by row id): rows going left first. */
  private partition(rank: RankArray, start: number, end: number, rankLeft: number, missingLeft: boolean): number {
    const flags = this.goesLeft;
    const ranks = this.scratchRanks;
    gatherRanks(rank, this.rows.row, start, end, ranks);
    for (let j = start; j < end; j++) {
      const rk = ranks[j - start];
      flags[j] = (rk >= 0 ? rk <= rankLeft : missingLeft) ? 1 : 0;
    }
    return this.partitionByFlags(start, end);
  }
}

/** scikit-learn's threshold: the midpoint of the two values, or the lower one when rounding reaches the upper. */
function threshold(values: Float64Array, rankLeft: number, rankRight: number): number {
  if (rankLeft === ALL_PRESENT_LEFT) return Number.POSITIVE_INFINITY;
  const a = values[rankLeft];
  const b = values[rankRight];
  const mid = a / 2 + b / 2;
  return mid === b || !Number.isFinite(mid) ? a : mid;
}
