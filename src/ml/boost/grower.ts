/**
 * Grows one regression tree on gradients and hessians: depth-wise (level by level, XGBoost) or loss-guided
 * (best leaf first, LightGBM), with histogram subtraction — only the smaller child's histogram is built, the
 * sibling's is the parent's minus it. The result is a FlatTree with raw thresholds (bin upper edges) and leaf
 * values already multiplied by the learning rate, plus the per-node bin routes used to update training margins.
 */

import type { FlatTree } from '../tree/flat-tree.js';
import { MISSING_BIN } from './binning.js';
import { featureBinOf } from './bundling.js';
import type { BinnedDataset } from './dataset.js';
import { expandHistogram, newHistogram, subtractHistogram } from './histogram.js';
import { GRAD, HESS } from './row-store.js';
import { findBestSplit, leafWeight, type Regularisation, type SplitCandidate } from './splitting.js';
import type { TrainingKernels } from './training-kernels.js';

/** What the grower needs; gradients sit in the records of data.store, which the grower reorders by node. */
export interface GrowerContext {
  data: BinnedDataset;
  kernels: TrainingKernels;
  reg: Regularisation;
  maxDepth: number;
  maxLeaves: number;
  lossGuided: boolean;
  learningRate: number;
}

/** Where a leaf's rows are: a record range of one store buffer. */
export interface LeafRows {
  node: number;
  buffer: number;
  start: number;
  end: number;
}

/** A last-level split whose records were not partitioned (no histogram needed below it): rows follow its route. */
export interface SplitRows {
  node: number;
  buffer: number;
  start: number;
  end: number;
  group: number;
}

/** A grown tree with what the booster needs to update margins without re-reading raw values. */
export interface GrownTree {
  tree: FlatTree;
  /** Per node: histogram column its split reads (-1 for leaves). */
  routeGroup: Int32Array;
  /** Per node: 256 bytes, 1 where that group bin goes left. */
  routes: Uint8Array;
  leaves: LeafRows[];
  unpartitioned: SplitRows[];
}

interface OpenNode {
  id: number;
  /** Store buffer holding the node's records. */
  buffer: number;
  start: number;
  end: number;
  depth: number;
  G: number;
  H: number;
  hist: Float64Array | undefined;
  split: SplitCandidate | undefined;
}

/** Reusable histograms of a grower, kept across trees. */
export class GrowerScratch {
  private readonly free: Float64Array[] = [];
  readonly groupHist: Float64Array;
  constructor(
    readonly nFeatures: number,
    nGroups: number,
  ) {
    this.groupHist = newHistogram(nGroups);
  }
  take = () => this.free.pop() ?? newHistogram(this.nFeatures);
  give = (h: Float64Array | undefined) => {
    if (h !== undefined) this.free.push(h);
  };
}

/** Grows one tree over records [0, nSampled) of row-store buffer `home`, considering only `features`. */
export function growTree(
  ctx: GrowerContext,
  scratch: GrowerScratch,
  nSampled: number,
  features: Int32Array,
  home = 0,
): GrownTree {
  const { data, reg } = ctx;
  const { layout, edges, store } = data;
  const nBins = layout.nBins;
  const feature: number[] = [];
  const threshold: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const missingLeft: number[] = [];
  const value: number[] = [];
  const cover: number[] = [];
  const routeGroup: number[] = [];
  const routeList: Uint8Array[] = [];
  const leaves: LeafRows[] = [];
  const unpartitioned: SplitRows[] = [];
  const empty = new Uint8Array(256);

  const addNode = (G: number, H: number) => {
    feature.push(-1);
    threshold.push(0);
    left.push(-1);
    right.push(-1);
    missingLeft.push(0);
    value.push(leafWeight(G, H, reg) * ctx.learningRate);
    cover.push(H);
    routeGroup.push(-1);
    routeList.push(empty);
    return feature.length - 1;
  };
  const canSplitAt = (depth: number) => ctx.maxDepth === 0 || depth < ctx.maxDepth;
  const evaluate = (node: OpenNode, build: boolean, parent?: OpenNode, sibling?: OpenNode) => {
    node.hist = scratch.take();
    if (build) {
      ctx.kernels.buildHistogram(node.buffer, node.start, node.end, scratch.groupHist);
      expandHistogram(layout, scratch.groupHist, node.G, node.H, node.hist);
    } else subtractHistogram(parent!.hist!, sibling!.hist!, node.hist, nBins);
    node.split = findBestSplit(node.hist, nBins, features, node.G, node.H, reg);
  };

  let G = 0;
  let H = 0;
  const floats = store.floats[home];
  for (let k = 0, at = 0; k < nSampled; k++, at += store.stride) {
    G += floats[at + GRAD];
    H += floats[at + HESS];
  }
  const root: OpenNode = {
    id: addNode(G, H),
    buffer: home,
    start: 0,
    end: nSampled,
    depth: 0,
    G,
    H,
    hist: undefined,
    split: undefined,
  };
  if (canSplitAt(0) && ctx.maxLeaves !== 1) evaluate(root, true);
  const open: OpenNode[] = [root];
  let nLeaves = 1;

  while (open.length > 0) {
    const node = open.splice(ctx.lossGuided ? bestOpen(open) : 0, 1)[0];
    const split = node.split;
    if (split === undefined || (ctx.maxLeaves > 0 && nLeaves >= ctx.maxLeaves)) {
      scratch.give(node.hist);
      leaves.push({ node: node.id, buffer: node.buffer, start: node.start, end: node.end });
      continue;
    }
    const f = split.feature;
    const route = routeTable(data, f, split);
    const group = layout.groupOf[f];
    // Children that cannot split need no histogram, so their records stay where they are (one copy pass saved).
    const childrenSplit = canSplitAt(node.depth + 1);
    const nLeft = childrenSplit ? ctx.kernels.split(node.buffer, node.start, node.end, group, route) : 0;
    const childBuffer = 1 - node.buffer;
    const l: OpenNode = {
      id: addNode(split.leftG, split.leftH),
      buffer: childBuffer,
      start: node.start,
      end: node.start + nLeft,
      depth: node.depth + 1,
      G: split.leftG,
      H: split.leftH,
      hist: undefined,
      split: undefined,
    };
    const r: OpenNode = {
      id: addNode(split.rightG, split.rightH),
      buffer: childBuffer,
      start: node.start + nLeft,
      end: node.end,
      depth: node.depth + 1,
      G: split.rightG,
      H: split.rightH,
      hist: undefined,
      split: undefined,
    };
    const n = node.id;
    feature[n] = f;
    threshold[n] = edges[f][split.bin];
    left[n] = l.id;
    right[n] = r.id;
    missingLeft[n] = split.missingLeft ? 1 : 0;
    routeGroup[n] = group;
    routeList[n] = route;
    nLeaves++;
    if (!childrenSplit) {
      scratch.give(node.hist);
      unpartitioned.push({ node: n, buffer: node.buffer, start: node.start, end: node.end, group });
      continue;
    }
    const [small, large] = l.end - l.start <= r.end - r.start ? [l, r] : [r, l];
    evaluate(small, true);
    evaluate(large, false, node, small);
    scratch.give(node.hist);
    open.push(l, r);
  }

  const routes = new Uint8Array(feature.length * 256);
  routeList.forEach((t, i) => {
    routes.set(t, i * 256);
  });
  return {
    tree: {
      feature: Int32Array.from(feature),
      threshold: Float64Array.from(threshold),
      left: Int32Array.from(left),
      right: Int32Array.from(right),
      missingLeft: Uint8Array.from(missingLeft),
      value: Float64Array.from(value),
      cover: Float64Array.from(cover),
    },
    routeGroup: Int32Array.from(routeGroup),
    routes,
    leaves,
    unpartitioned,
  };
}

/** Index of the open node with the largest gain (lowest id on ties); nodes without a split count as -Infinity. */
function bestOpen(open: OpenNode[]): number {
  let best = 0;
  for (let i = 1; i < open.length; i++) {
    const g = open[i].split?.gain ?? Number.NEGATIVE_INFINITY;
    const b = open[best].split?.gain ?? Number.NEGATIVE_INFINITY;
    if (g > b || (g === b && open[i].id < open[best].id)) best = i;
  }
  return best;
}

/** For each group bin of the split's group: 1 when a row holding it goes left. */
function routeTable(data: BinnedDataset, f: number, split: SplitCandidate): Uint8Array {
  const table = new Uint8Array(256);
  for (let gb = 0; gb < 256; gb++) {
    const fb = featureBinOf(data.layout, f, gb);
    table[gb] = (fb === MISSING_BIN ? split.missingLeft : fb <= split.bin) ? 1 : 0;
  }
  return table;
}
