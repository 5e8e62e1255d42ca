/**
 * The per-thread loop of a forest fit. Threads take tree numbers from a shared counter; tree t is grown from seed t
 * alone (bootstrap draw, then feature draws), so which thread grows it does not matter.
 */

import type { MessagePort } from 'node:worker_threads';
import { rng } from '../random.js';
import type { NarrowFlatTree } from '../tree/flat-tree.js';
import type { GrowSettings } from '../tree/grow.js';
import { TreeGrower } from '../tree/grow.js';
import { normaliseImportance } from '../tree/importance.js';
import type { RankArray } from '../tree/ranked-columns.js';
import { bootstrapWeights } from './bootstrap.js';
import { addOobTree, emptyOob, type OobSums } from './oob.js';

/** Everything a thread needs: ranked columns (shared memory), labels, seeds and the next-tree counter. */
export interface ForestJob {
  nRows: number;
  ranks: RankArray[];
  values: Float64Array[];
  y: Uint8Array;
  weights: Float64Array | undefined;
  settings: GrowSettings;
  seeds: Uint32Array;
  bootstrap: boolean;
  /** Rows drawn per tree. */
  draws: number;
  oob: boolean;
  /** next[0] = the next tree number to grow. */
  next: Int32Array;
}

/** One grown tree as posted by a thread. */
export interface GrownForestTree {
  index: number;
  tree: NarrowFlatTree;
  importance: Float64Array;
}

/** Grows trees until the counter runs out; returns this thread's OOB sums (when asked). */
export function growForestTrees(job: ForestJob, onTree: (t: GrownForestTree) => void): OobSums | undefined {
  const n = job.nRows;
  // Shared-memory trees: posting them to the caller, and later to prediction or TreeSHAP threads, copies nothing.
  const grower = new TreeGrower({ nRows: n, ranks: job.ranks, values: job.values }, true);
  const weight = new Float64Array(n);
  const target = new Float64Array(n);
  const oob = job.oob ? emptyOob(n) : undefined;
  for (let t = Atomics.add(job.next, 0, 1); t < job.seeds.length; t = Atomics.add(job.next, 0, 1)) {
    const rand = rng(job.seeds[t]);
    if (job.bootstrap) bootstrapWeights(rand, job.weights, job.draws, weight);
    else if (job.weights) weight.set(job.weights);
    else weight.fill(1);
    for (let i = 0; i < n; i++) target[i] = weight[i] * job.y[i];
    const grown = grower.growNarrow(weight, target, job.settings, rand);
    onTree({ index: t, tree: grown.tree, importance: normaliseImportance(grown.importance) });
    if (oob) addOobTree(grown.tree, job.ranks, job.values, weight, oob);
  }
  return oob;
}

/** Helper-thread side: grows trees and posts each one (shared memory: nothing is copied), then its OOB sums. */
export function runForestHelper(job: ForestJob, port: MessagePort): void {
  const oob = growForestTrees(job, (g) => port.postMessage(g));
  if (oob) port.postMessage({ oob }, [oob.sum.buffer as ArrayBuffer, oob.count.buffer as ArrayBuffer]);
}
