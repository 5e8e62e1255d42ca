/**
 * Exact greedy split search on one node and one feature: every boundary between two distinct values present in the node
 * is scored, with missing values tried on each side. Values are visited in rank order in one of three ways, whichever
 * is cheapest: counting rows straight into one bucket per distinct value (features with few values: flags, counts),
 * counting into buckets over the node's rank range (when it is small next to the node), or sorting packed
 * (rank, position) keys (small nodes of continuous features). No per-node copies of the data, only reused scratch.
 */

import { nodeScore } from './criterion.js';
import { gatherRanks, MISSING_RANK, type RankArray } from './ranked-columns.js';

/** Bucket counting is used while rank range ≤ node size × this factor; beyond it, sorting is cheaper. */
const BUCKET_RATIO = 4;
/** Up to this many keys an inline insertion sort beats the call into the native sort. */
const SMALL_SORT = 48;
/** Rank to store for "every present value goes left" (the split that separates missing values from the rest). */
export const ALL_PRESENT_LEFT = 0x7fffffff;

/** The node rows, aligned arrays partitioned in place as the tree grows: row id, weight and weighted target. */
export interface NodeRows {
  row: Int32Array;
  weight: Float64Array;
  target: Float64Array;
}

/** Limits a split must respect. */
export interface SplitLimits {
  minSamplesLeaf: number;
  minWeightLeaf: number;
}

/** The best split found so far in the current node. */
export class BestSplit {
  score = Number.NEGATIVE_INFINITY;
  feature = -1;
  /** Largest rank that goes left (ALL_PRESENT_LEFT for the missing-vs-present split). */
  rankLeft = 0;
  /** Smallest present rank that goes right (-1 for the missing-vs-present split). */
  rankRight = -1;
  missingLeft = false;
  countLeft = 0;

  reset(): void {
    this.score = Number.NEGATIVE_INFINITY;
    this.feature = -1;
  }
}

/** Scratch space for searching splits over nodes of up to `nRows` rows and features of up to `nDistinct` values. */
export class SplitSearch {
  readonly best = new BestSplit();
  private readonly ranks: Int32Array;
  private readonly keys: Float64Array;
  private readonly keys32: Uint32Array;
  private readonly bucketCount: Int32Array;
  private readonly bucketWeight: Float64Array;
  private readonly bucketTarget: Float64Array;
  // Stats of the current feature scan, kept as fields so the candidate check allocates nothing.
  private code = 0;
  private limits: SplitLimits = { minSamplesLeaf: 1, minWeightLeaf: 0 };
  private feature = 0;
  private nMissing = 0;
  private wMissing = 0;
  private sMissing = 0;
  private nPresent = 0;
  private wPresent = 0;
  private sPresent = 0;

  constructor(nRows: number, nDistinct: number) {
    this.ranks = new Int32Array(nRows);
    this.keys = new Float64Array(nRows);
    this.keys32 = new Uint32Array(this.keys.buffer, 0, nRows);
    this.bucketCount = new Int32Array(nDistinct);
    this.bucketWeight = new Float64Array(nDistinct);
    this.bucketTarget = new Float64Array(nDistinct);
  }

  /**
   * Scores every split of rows [start, end) on `feature` (ranks by row id in `rank`, all below nDistinct) and updates
   * `best` when one beats it. Returns false when the feature cannot split the node (a single value, missing included).
   */
  searchFeature(
    code: number,
    limits: SplitLimits,
    feature: number,
    rank: RankArray,
    rows: NodeRows,
    start: number,
    end: number,
    nDistinct: number,
  ): boolean {
    this.code = code;
    this.limits = limits;
    this.feature = feature;
    const { row, weight, target } = rows;
    const src = this.ranks;
    gatherRanks(rank, row, start, end, src);
    const m = end - start;
    if (nDistinct <= m * BUCKET_RATIO) return this.countingSearch(rows, start, m, nDistinct);
    let nM = 0;
    let wM = 0;
    let sM = 0;
    let wP = 0;
    let sP = 0;
    let lo = 0x7fffffff;
    let hi = -1;
    for (let q = 0; q < m; q++) {
      const r = src[q];
      if (r === MISSING_RANK) {
        nM++;
        wM += weight[start + q];
        sM += target[start + q];
      } else {
        wP += weight[start + q];
        sP += target[start + q];
        if (r < lo) lo = r;
        if (r > hi) hi = r;
      }
    }
    this.nMissing = nM;
    this.wMissing = wM;
    this.sMissing = sM;
    this.nPresent = m - nM;
    this.wPresent = wP;
    this.sPresent = sP;
    if (hi < 0 || (lo === hi && nM === 0)) return false;
    const range = hi - lo + 1;
    if (range <= m * BUCKET_RATIO) this.scanBuckets(rows, start, m, lo, range);
    else this.scanSorted(rows, start, m, lo, range);
    // Missing values against all present values.
    if (nM > 0) this.consider(this.nPresent, wP, sP, hi, -1, false, true);
    return true;
  }

  /** A feature with few distinct values overall: one pass counts every row straight into buckets by rank. */
  private countingSearch(rows: NodeRows, start: number, m: number, nDistinct: number): boolean {
    const { bucketCount: bc, bucketWeight: bw, bucketTarget: bt, ranks: src } = this;
    const { weight, target } = rows;
    let nM = 0;
    let wM = 0;
    let sM = 0;
    let wP = 0;
    let sP = 0;
    for (let q = 0; q < m; q++) {
      const r = src[q];
      const w = weight[start + q];
      const t = target[start + q];
      if (r === MISSING_RANK) {
        nM++;
        wM += w;
        sM += t;
      } else {
        bc[r]++;
        bw[r] += w;
        bt[r] += t;
        wP += w;
        sP += t;
      }
    }
    this.nMissing = nM;
    this.wMissing = wM;
    this.sMissing = sM;
    this.nPresent = m - nM;
    this.wPresent = wP;
    this.sPresent = sP;
    let groups = nM > 0 ? 1 : 0;
    let prev = -1;
    let n = 0;
    let w = 0;
    let s = 0;
    for (let b = 0; b < nDistinct; b++) {
      const c = bc[b];
      if (c === 0) continue;
      groups++;
      if (prev >= 0) this.boundary(n, w, s, prev, b);
      n += c;
      w += bw[b];
      s += bt[b];
      bc[b] = 0;
      bw[b] = 0;
      bt[b] = 0;
      prev = b;
    }
    if (groups < 2) return false;
    if (nM > 0 && prev >= 0) this.consider(this.nPresent, wP, sP, prev, -1, false, true);
    return true;
  }

  /** Counting pass: O(node size + rank range). */
  private scanBuckets(rows: NodeRows, start: number, m: number, lo: number, range: number): void {
    const { bucketCount: bc, bucketWeight: bw, bucketTarget: bt, ranks: src } = this;
    const { weight, target } = rows;
    for (let j = 0; j < m; j++) {
      const r = src[j];
      if (r === MISSING_RANK) continue;
      const b = r - lo;
      bc[b]++;
      bw[b] += weight[start + j];
      bt[b] += target[start + j];
    }
    let prev = -1;
    let n = 0;
    let w = 0;
    let s = 0;
    for (let b = 0; b < range; b++) {
      const c = bc[b];
      if (c === 0) continue;
      if (prev >= 0) this.boundary(n, w, s, prev + lo, b + lo);
      n += c;
      w += bw[b];
      s += bt[b];
      bc[b] = 0;
      bw[b] = 0;
      bt[b] = 0;
      prev = b;
    }
  }

  /** Sorting pass on keys (rank − lo)·2^bits + position: O(k log k) for k present rows. */
  private scanSorted(rows: NodeRows, start: number, m: number, lo: number, range: number): void {
    const { weight, target } = rows;
    const src = this.ranks;
    const bits = Math.max(1, Math.ceil(Math.log2(m)));
    const mask = 2 ** bits - 1;
    const narrow = range * 2 ** bits <= 2 ** 32;
    const keys = narrow ? this.keys32 : this.keys;
    let k = 0;
    for (let j = 0; j < m; j++) {
      const r = src[j];
      if (r !== MISSING_RANK) keys[k++] = (r - lo) * (mask + 1) + j;
    }
    if (k <= SMALL_SORT) insertionSort(keys, k);
    else keys.subarray(0, k).sort();
    let prevRank = -1;
    let n = 0;
    let w = 0;
    let s = 0;
    const scale = 1 / (mask + 1);
    for (let q = 0; q < k; q++) {
      const key = keys[q];
      const rel = narrow ? key >>> bits : Math.floor(key * scale);
      const j = start + (narrow ? key & mask : key - rel * (mask + 1));
      const r = rel + lo;
      if (r !== prevRank && prevRank >= 0) this.boundary(n, w, s, prevRank, r);
      prevRank = r;
      n++;
      w += weight[j];
      s += target[j];
    }
  }

  /** A boundary after the present rows summed in (n, w, s): tries missing values right, then left. */
  private boundary(n: number, w: number, s: number, rankLeft: number, rankRight: number): void {
    this.consider(n, w, s, rankLeft, rankRight, false, false);
    if (this.nMissing > 0)
      this.consider(n + this.nMissing, w + this.wMissing, s + this.sMissing, rankLeft, rankRight, true, false);
  }

  private consider(
    nl: number,
    wl: number,
    sl: number,
    rankLeft: number,
    rankRight: number,
    missingLeft: boolean,
    allPresent: boolean,
  ): void {
    const nTot = this.nPresent + this.nMissing;
    const nr = nTot - nl;
    const { minSamplesLeaf, minWeightLeaf } = this.limits;
    if (nl < minSamplesLeaf || nr < minSamplesLeaf) return;
    const wr = this.wPresent + this.wMissing - wl;
    if (wl < minWeightLeaf || wr < minWeightLeaf) return;
    const sr = this.sPresent + this.sMissing - sl;
    const score = nodeScore(this.code, wl, sl) + nodeScore(this.code, wr, sr);
    const best = this.best;
    if (!(score > best.score)) return;
    best.score = score;
    best.feature = this.feature;
    best.rankLeft = allPresent ? ALL_PRESENT_LEFT : rankLeft;
    best.rankRight = allPresent ? -1 : rankRight;
    // With no missing values in the node, unseen missing values follow the larger child (as scikit-learn does).
    best.missingLeft = this.nMissing > 0 ? missingLeft : nl >= nr;
    best.countLeft = nl;
  }
}

function insertionSort(a: Float64Array | Uint32Array, k: number): void {
  for (let i = 1; i < k; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}
