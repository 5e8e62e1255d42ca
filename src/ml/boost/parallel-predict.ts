/**
 * Large batches are scored on two threads: the caller and one persistent worker thread take chunks of rows in turn
 * from a shared counter, both running the same WebAssembly kernel (predict-kernel.ts) on the call's shared memory.
 * Taking chunks rather than a fixed half means the caller never waits for a worker that is still starting: it
 * scores whatever the worker has not taken. The worker is started on first use and unref'd so it never keeps the
 * process alive; every row is scored by the same arithmetic on either thread, so results do not change.
 */

import { Worker } from 'node:worker_threads';
import type { PredictLayout } from './predict-kernel.js';
import { predictWorkerSource } from './predict-worker-source.js';

let worker: Worker | undefined;

/** How long a caller waits for the worker's chunks before scoring the rows itself. */
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
 * Boots the prediction worker ahead of its first batch (a worker takes ~40 ms to start). A two-thread fit calls
 * this, so the predictions that follow a fit find the worker ready.
 */
export function startPredictionWorker(): void {
  predictionWorker();
}

/**
 * Scores rows [0, count) of the layout's segment on this thread and the worker: chunks of `chunk` rows are claimed
 * from a shared counter (ctl[0]) and counted when done (ctl[1]). `score(from, to)` runs the kernel on this thread.
 * Returns once every chunk is done; if the worker stopped responding, the caller rescores the whole segment.
 */
export function scoreWithWorker(
  module: object,
  layout: PredictLayout,
  count: number,
  chunk: number,
  base: number,
  score: (from: number, to: number) => void,
): void {
  const nChunks = Math.ceil(count / chunk);
  const ctl = new Int32Array(new SharedArrayBuffer(8));
  const w = predictionWorker();
  const { memory, f32, nF, stride, args } = layout;
  w.postMessage({ module, memory, f32, nF, stride, args, base, count, chunk, ctl });
  for (let c = Atomics.add(ctl, 0, 1); c < nChunks; c = Atomics.add(ctl, 0, 1)) {
    score(c * chunk, Math.min(count, (c + 1) * chunk));
    Atomics.add(ctl, 1, 1);
  }
  // A worker that died cannot tell a blocked caller (its error event needs our event loop): give up after a
  // generous bound and score the segment here.
  const deadline = Date.now() + WORKER_TIMEOUT_MS;
  for (let done = Atomics.load(ctl, 1); done < nChunks; done = Atomics.load(ctl, 1)) {
    if (Atomics.wait(ctl, 1, done, 1000) === 'timed-out' && Date.now() > deadline) {
      void w.terminate();
      worker = undefined;
      score(0, count);
      return;
    }
  }
}
