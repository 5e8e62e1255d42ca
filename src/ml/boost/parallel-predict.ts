/**
 * Large batches are scored on two threads: the caller scores the first half of the rows while one persistent worker
 * thread scores the second half from a shared-memory copy of its columns. Started on first use, unref'd so it never
 * keeps the process alive; every row is scored by the same arithmetic either way, so results do not change.
 */

import { Worker } from 'node:worker_threads';
import type { Matrix } from '../matrix.js';
import type { CompleteForest } from './complete-forest.js';
import { predictWorkerSource } from './predict-worker-source.js';

let worker: Worker | undefined;

/** How long a caller waits for the worker's half before scoring it itself. */
const WORKER_TIMEOUT_MS = 120_000;

function predictionWorker(): Worker {
  if (worker === undefined) {
    worker = new Worker(predictWorkerSource, { eval: true });
    worker.unref();
    worker.on('error', () => {
      worker = undefined;
    });
  }
  return worker;
}

/**
 * Boots the prediction worker ahead of its first batch (a worker takes ~40 ms to start: as long as scoring 10k rows).
 * A two-thread fit calls this, so the predictions that follow a fit find the worker ready.
 */
export function startPredictionWorker(): void {
  predictionWorker();
}

/**
 * Starts scoring rows [from, nRows) of X on the worker thread and returns a function that waits for the margins
 * (each starting at `base`), or returns undefined when the worker stopped responding. The rows are copied to shared memory first (one native copy per column).
 */
export function scoreOnWorker(
  forest: CompleteForest,
  X: Matrix,
  from: number,
  base: number,
  block: number,
): () => Float64Array | undefined {
  const n = X.nRows - from;
  const columns = X.columns.map((c) => {
    const shared = new Float64Array(new SharedArrayBuffer(Math.max(1, n) * 8));
    shared.set(c.subarray(from));
    return shared;
  });
  const out = new Float64Array(new SharedArrayBuffer(Math.max(1, n) * 8));
  const done = new Int32Array(new SharedArrayBuffer(4));
  const w = predictionWorker();
  w.postMessage({ forest, columns, out, base, block, done });
  return () => {
    // A worker that died cannot tell a blocked caller (its error event needs our event loop): give up after a
    // generous bound and let the caller score the rows itself.
    const deadline = Date.now() + WORKER_TIMEOUT_MS;
    while (Atomics.load(done, 0) === 0) {
      if (Atomics.wait(done, 0, 0, 1000) === 'timed-out' && Date.now() > deadline) {
        void w.terminate();
        worker = undefined;
        return undefined;
      }
    }
    return out;
  };
}
