/**
 * Builds group histograms for record ranges, on the calling thread or split with one worker thread.
 * A large range is always cut in two halves summed as A + B, whether a worker takes B or the caller does,
 * so 1 and 2 threads give the same histogram bit for bit.
 */

import { Worker } from 'node:worker_threads';
import { accumulateGroupHistogram, newHistogram } from './histogram.js';
import type { RowStore } from './row-store.js';
import { histogramWorkerSource } from './worker-source.js';

/** Below this many rows a range is built in one piece: a worker round trip would cost more than it saves. */
export const HALVE_MIN_ROWS = 8192;

/** Builds the group histogram of records [start, end) of a store buffer into `out` (overwritten). */
export interface HistogramBuilder {
  build(buffer: number, start: number, end: number, out: Float64Array): void;
  /** Stops the worker thread, if any. */
  close(): void;
}

/** A builder over the store; groups [0, nDense) are dense. With nThreads = 2 it starts one worker (close() it). */
export function histogramBuilder(store: RowStore, nDense: number, nThreads: number): HistogramBuilder {
  const half = newHistogram(store.nGroups);
  const addHalf = (out: Float64Array, other: Float64Array) => {
    for (let i = 0; i < out.length; i++) out[i] += other[i];
  };

  if (nThreads < 2) {
    return {
      build(buffer, start, end, out) {
        out.fill(0);
        if (end - start < HALVE_MIN_ROWS) return accumulateGroupHistogram(store, buffer, nDense, start, end, out);
        const mid = start + ((end - start) >> 1);
        accumulateGroupHistogram(store, buffer, nDense, start, mid, out);
        half.fill(0);
        accumulateGroupHistogram(store, buffer, nDense, mid, end, half);
        addHalf(out, half);
      },
      close() {},
    };
  }

  const ctrl = new Int32Array(new SharedArrayBuffer(16));
  const shared = new Float64Array(new SharedArrayBuffer(half.byteLength));
  const worker = new Worker(histogramWorkerSource, { eval: true });
  worker.unref();
  worker.postMessage({
    ctrl: ctrl.buffer,
    records: store.words.map((w) => w.buffer),
    out: shared.buffer,
    stride: store.stride,
    nGroups: store.nGroups,
    nDense,
  });
  return {
    build(buffer, start, end, out) {
      out.fill(0);
      if (end - start < HALVE_MIN_ROWS) return accumulateGroupHistogram(store, buffer, nDense, start, end, out);
      const mid = start + ((end - start) >> 1);
      ctrl[1] = mid;
      ctrl[2] = end;
      ctrl[3] = buffer;
      Atomics.store(ctrl, 0, 1);
      Atomics.notify(ctrl, 0);
      accumulateGroupHistogram(store, buffer, nDense, start, mid, out);
      while (Atomics.load(ctrl, 0) === 1) Atomics.wait(ctrl, 0, 1);
      Atomics.store(ctrl, 0, 0);
      addHalf(out, shared);
    },
    close() {
      Atomics.store(ctrl, 0, 3);
      Atomics.notify(ctrl, 0);
      void worker.terminate();
    },
  };
}
