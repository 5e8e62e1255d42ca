/**
 * Batch prediction over FlatTrees: rows in chunks copied row by row (a row's features share a cache line or two, as
 * in scikit-learn's C-ordered X), every tree in turn over a chunk, on one or both cores.
 */

import type { Column, Matrix } from '../matrix.js';
import { forkJoin, threadCount } from '../parallel/helpers.js';
import type { AnyFlatTree } from './flat-tree.js';

/** out[i] += scale × (leaf value of row i) for rows [from, to). Missing values follow each split's learned direction. */
export function addTreeValues(
  tree: AnyFlatTree,
  columns: readonly Column[],
  out: Float64Array,
  scale = 1,
  from = 0,
  to = out.length,
): void {
  const { feature, threshold, left, right, missingLeft, value } = tree;
  for (let i = from; i < to; i++) {
    let n = 0;
    while (feature[n] !== -1) {
      const x = columns[feature[n]][i];
      n = x <= threshold[n] || (x !== x && missingLeft[n] === 1) ? left[n] : right[n];
    }
    out[i] += scale * value[n];
  }
}

/** Bytes of one thread's row-major copy of a chunk: large chunks keep each tree in cache over many rows. */
const CHUNK_BYTES = 4 << 20;
/** Below this many rows × trees a prediction stays on one thread (a helper costs ~50–300 ms to start). */
const MIN_PARALLEL_WORK = 4_000_000;
/** Trees not in shared memory are copied to a helper thread only up to this many bytes (a big forest is not doubled). */
const MAX_TREE_COPY_BYTES = 64 << 20;

/**
 * Threads for a job of `work` over `trees` (see threadCount): one when the trees cannot go to a helper. Sharing is
 * checked only when a helper is wanted — single-row predictions and explanations skip the walk over every tree array.
 */
export function treeJobThreads(trees: readonly AnyFlatTree[], requested: number, work: number, minWork: number): number {
  const wanted = threadCount(requested, work, minWork);
  return wanted > 1 && treesShareable(trees) ? wanted : 1;
}

/** True when helper threads can read the trees without a copy, or the copy is small. */
function treesShareable(trees: readonly AnyFlatTree[]): boolean {
  let copied = 0;
  for (const t of trees)
    for (const a of [t.feature, t.threshold, t.left, t.right, t.missingLeft, t.value, t.cover])
      if (!(a.buffer instanceof SharedArrayBuffer)) copied += a.byteLength;
  return copied <= MAX_TREE_COPY_BYTES;
}

interface PredictJob {
  trees: readonly AnyFlatTree[];
  columns: Column[];
  out: Float64Array;
  scale: number;
  /** Rows per chunk handed out by the counter. */
  chunk: number;
  counter: Int32Array;
}

/** Adds every tree, in order, to the chunks of rows handed out by the shared counter. */
function predictChunks(job: PredictJob): void {
  const n = job.out.length;
  const p = job.columns.length;
  const rows = new Float64Array(job.chunk * p);
  for (let k = Atomics.add(job.counter, 0, 1); k * job.chunk < n; k = Atomics.add(job.counter, 0, 1)) {
    const from = k * job.chunk;
    const to = Math.min(n, from + job.chunk);
    for (let f = 0; f < p; f++) {
      const c = job.columns[f];
      for (let i = from; i < to; i++) rows[(i - from) * p + f] = c[i];
    }
    for (const t of job.trees) addTreeRowValues(t, rows, p, job.out, job.scale, from, to);
  }
}

/** out[i] += scale × (leaf value of row i) for rows [from, to), row i's features at rows[(i − from)·p + f]. */
function addTreeRowValues(
  tree: AnyFlatTree,
  rows: Float64Array,
  p: number,
  out: Float64Array,
  scale: number,
  from: number,
  to: number,
): void {
  const { feature, threshold, left, right, missingLeft, value } = tree;
  for (let i = from; i < to; i++) {
    const at = (i - from) * p;
    let n = 0;
    while (feature[n] !== -1) {
      const x = rows[at + feature[n]];
      n = x <= threshold[n] || (x !== x && missingLeft[n] === 1) ? left[n] : right[n];
    }
    out[i] += scale * value[n];
  }
}

/** Helper-thread side of sumTreeValues. */
export function runPredictHelper(job: PredictJob): void {
  predictChunks(job);
}

/**
 * offset + scale × Σ over trees of the leaf value, for every row. Each row adds its trees in tree order whichever
 * thread takes it, so results are identical bit for bit for every nThreads (0 = both cores when the batch is large).
 * Trees over 64 MiB outside shared memory (e.g. a big forest loaded from JSON) are predicted on this thread only.
 */
export function sumTreeValues(trees: readonly AnyFlatTree[], X: Matrix, scale = 1, offset = 0, nThreads = 0): Float64Array {
  const threads = treeJobThreads(trees, nThreads, X.nRows * trees.length, MIN_PARALLEL_WORK);
  const shared = threads > 1;
  const out = new Float64Array(shared ? new SharedArrayBuffer(X.nRows * 8) : new ArrayBuffer(X.nRows * 8)).fill(offset);
  // Chunks within the copy's byte budget, at least two per thread so a slow thread's share is taken by the other.
  const byBytes = Math.max(64, Math.floor(CHUNK_BYTES / (8 * Math.max(1, X.columns.length))));
  const job: PredictJob = {
    trees,
    columns: shared ? X.columns.map(sharedColumn) : X.columns,
    out,
    scale,
    chunk: Math.max(1, Math.min(byBytes, Math.ceil(X.nRows / (2 * threads)))),
    counter: new Int32Array(shared ? new SharedArrayBuffer(4) : new ArrayBuffer(4)),
  };
  if (!shared) {
    predictChunks(job);
    return out;
  }
  forkJoin('predict', job, threads - 1, () => predictChunks(job));
  return new Float64Array(out);
}

/** A copy of a column in shared memory (worker threads read it without a copy of their own). */
export function sharedColumn(c: Column): Column {
  const out =
    c instanceof Float32Array
      ? new Float32Array(new SharedArrayBuffer(c.byteLength))
      : new Float64Array(new SharedArrayBuffer(c.byteLength));
  out.set(c);
  return out;
}
