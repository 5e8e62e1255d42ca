/**
 * The two hot kernels of training — histogram building and record splitting — on the calling thread or shared
 * with one worker thread. Results never depend on the thread count: a large histogram range is always cut in two
 * halves summed as A + B, whoever builds B; a split's output layout does not depend on where the work is cut.
 */

import { Worker } from 'node:worker_threads';
import { accumulateGroupHistogram, newHistogram } from './histogram.js';
import { copySide, type RowStore } from './row-store.js';
import { trainingWorkerSource } from './worker-source.js';

/** Below this many records a range is done in one piece: a worker round trip (~20–50 µs) would cost more. */
export const HALVE_MIN_ROWS = 8192;

/** How long the caller waits for one worker job before declaring the worker dead. */
const WORKER_TIMEOUT_MS = 60_000;

/** Share of a split's records the caller copies; the worker first counts that share, then copies the rest. */
const CALLER_SPLIT_SHARE = 0.56;

/** Histogram building and record splitting over one row store. */
export interface TrainingKernels {
  /** Group histogram of records [start, end) of a store buffer into `out` (overwritten). */
  buildHistogram(buffer: number, start: number, end: number, out: Float64Array): void;
  /**
   * Copies records [start, end) of buffer `from` into the other buffer, those with route[bin of group] === 1 forward
   * from start, the rest backward from end. Returns how many went left.
   */
  split(from: number, start: number, end: number, group: number, route: Uint8Array): number;
  /** Stops the worker thread, if any. */
  close(): void;
}

/** Kernels over the store; groups [0, nDense) are dense. With nThreads = 2 one worker thread starts (close() it). */
export function trainingKernels(store: RowStore, nDense: number, nThreads: number): TrainingKernels {
  const half = newHistogram(store.nGroups);
  const addHalf = (out: Float64Array, other: Float64Array) => {
    for (let i = 0; i < out.length; i++) out[i] += other[i];
  };
  const serialSplit = (from: number, start: number, end: number, group: number, route: Uint8Array) =>
    copySide(store, from, start, end, start, end - 1, group, route) - start;

  if (nThreads < 2) {
    return {
      buildHistogram(buffer, start, end, out) {
        out.fill(0);
        if (end - start < HALVE_MIN_ROWS) return accumulateGroupHistogram(store, buffer, nDense, start, end, out);
        const mid = start + ((end - start) >> 1);
        accumulateGroupHistogram(store, buffer, nDense, start, mid, out);
        half.fill(0);
        accumulateGroupHistogram(store, buffer, nDense, mid, end, half);
        addHalf(out, half);
      },
      split: serialSplit,
      close() {},
    };
  }

  const ctrl = new Int32Array(new SharedArrayBuffer(32));
  const shared = new Float64Array(new SharedArrayBuffer(half.byteLength));
  const sharedRoute = new Uint8Array(new SharedArrayBuffer(256));
  const worker = new Worker(trainingWorkerSource, { eval: true });
  worker.unref();
  worker.postMessage({
    ctrl: ctrl.buffer,
    records: store.words.map((w) => w.buffer),
    route: sharedRoute.buffer,
    out: shared.buffer,
    stride: store.stride,
    nGroups: store.nGroups,
    nDense,
  });
  const post = () => {
    Atomics.store(ctrl, 0, 1);
    Atomics.notify(ctrl, 0);
  };
  const wait = () => {
    // A job takes milliseconds; a worker silent for a minute has died (its error event cannot reach a blocked
    // caller), so fail loudly instead of waiting forever.
    const deadline = Date.now() + WORKER_TIMEOUT_MS;
    while (Atomics.load(ctrl, 0) === 1) {
      if (Atomics.wait(ctrl, 0, 1, 1000) === 'timed-out' && Date.now() > deadline) {
        void worker.terminate();
        throw new Error('hist_boosting: the training worker thread stopped responding; retry with nThreads: 1');
      }
    }
    Atomics.store(ctrl, 0, 0);
  };
  return {
    buildHistogram(buffer, start, end, out) {
      out.fill(0);
      if (end - start < HALVE_MIN_ROWS) return accumulateGroupHistogram(store, buffer, nDense, start, end, out);
      const mid = start + ((end - start) >> 1);
      ctrl[1] = mid;
      ctrl[2] = end;
      ctrl[3] = buffer;
      ctrl[4] = 1;
      post();
      accumulateGroupHistogram(store, buffer, nDense, start, mid, out);
      wait();
      addHalf(out, shared);
    },
    split(from, start, end, group, route) {
      if (end - start < HALVE_MIN_ROWS) return serialSplit(from, start, end, group, route);
      const cut = start + Math.round((end - start) * CALLER_SPLIT_SHARE);
      sharedRoute.set(route);
      ctrl[1] = start;
      ctrl[2] = cut;
      ctrl[3] = from;
      ctrl[4] = 2;
      ctrl[5] = group;
      ctrl[6] = end;
      post();
      copySide(store, from, start, cut, start, end - 1, group, route);
      wait();
      return ctrl[7];
    },
    close() {
      Atomics.store(ctrl, 0, 3);
      Atomics.notify(ctrl, 0);
      void worker.terminate();
    },
  };
}
