/**
 * Builds group histograms for row ranges, on the calling thread or split with one worker thread.
 * A large range is always cut in two halves summed as A + B, whether a worker takes B or the caller does,
 * so 1 and 2 threads give the same histogram bit for bit.
 */

import { Worker } from 'node:worker_threads';
import { accumulateGroupHistogram, newHistogram } from './histogram.js';
import { histogramWorkerSource } from './worker-source.js';

/** Below this many rows a range is built in one piece: a worker round trip would cost more than it saves. */
export const HALVE_MIN_ROWS = 8192;

/** The arrays a histogram build reads: shared memory, so the worker sees them without copies. */
export interface HistogramInputs {
  bins: Uint8Array;
  nGroups: number;
  /** Groups before this index store every bin; later ones skip group bin 0. */
  nDense: number;
  rows: Uint32Array;
  grad: Float64Array;
  hess: Float64Array;
}

/** Builds the group histogram of rows[start..end) into `out` (overwritten). */
export interface HistogramBuilder {
  build(start: number, end: number, out: Float64Array): void;
  /** Stops the worker thread, if any. */
  close(): void;
}

/** Allocates a typed array in shared memory. */
export function sharedFloat64(n: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(Math.max(1, n) * 8));
}

/** Allocates a Uint32 array in shared memory. */
export function sharedUint32(n: number): Uint32Array {
  return new Uint32Array(new SharedArrayBuffer(Math.max(1, n) * 4));
}

/** A builder over `inputs`; with nThreads = 2 it starts one worker thread (close() it when done). */
export function histogramBuilder(inputs: HistogramInputs, nThreads: number): HistogramBuilder {
  const { bins, nGroups, nDense, rows, grad, hess } = inputs;
  for (const a of [bins, rows, grad, hess])
    if (!(a.buffer instanceof SharedArrayBuffer)) throw new Error('histogram inputs must live in shared memory');
  const half = newHistogram(nGroups);
  const accumulate = (start: number, end: number, out: Float64Array) =>
    accumulateGroupHistogram(bins, nGroups, nDense, rows, start, end, grad, hess, out);
  const addHalf = (out: Float64Array, other: Float64Array) => {
    for (let i = 0; i < out.length; i++) out[i] += other[i];
  };

  if (nThreads < 2) {
    return {
      build(start, end, out) {
        out.fill(0);
        if (end - start < HALVE_MIN_ROWS) return accumulate(start, end, out);
        const mid = start + ((end - start) >> 1);
        accumulate(start, mid, out);
        half.fill(0);
        accumulate(mid, end, half);
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
    bins: bins.buffer,
    rows: rows.buffer,
    grad: grad.buffer,
    hess: hess.buffer,
    out: shared.buffer,
    nGroups,
    nDense,
  });
  return {
    build(start, end, out) {
      out.fill(0);
      if (end - start < HALVE_MIN_ROWS) return accumulate(start, end, out);
      const mid = start + ((end - start) >> 1);
      ctrl[1] = mid;
      ctrl[2] = end;
      Atomics.store(ctrl, 0, 1);
      Atomics.notify(ctrl, 0);
      accumulate(start, mid, out);
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
