/**
 * The hot kernels of training — histogram building and record splitting (WebAssembly, wasm-kernels.ts), and the
 * per-tree margin/gradient update (JavaScript, for Math.exp) — on the calling thread or shared with one worker
 * thread. Results never depend on the thread count: a large histogram range is always cut in two halves summed as
 * A + B, whoever builds B; a split's output layout does not depend on where the work is cut; each record's margin
 * update is independent of every other.
 */

import { Worker } from 'node:worker_threads';
import { updateRecordsByRoute } from './loss.js';
import { BINS_AT, GROUP_HISTOGRAM_BYTES, type RowStore } from './row-store.js';
import { kernelModuleBytes, wasmKernels } from './wasm-kernels.js';
import { trainingWorkerSource } from './worker-source.js';

/** Below this many records a range is done in one piece: a worker round trip (~20–50 µs) would cost more. */
export const HALVE_MIN_ROWS = 8192;

/** How long the caller waits for one worker job before declaring the worker dead. */
const WORKER_TIMEOUT_MS = 60_000;

/** Share of a split's records the caller copies; the worker first counts that share, then copies the rest. */
const CALLER_SPLIT_SHARE = 0.56;

/** Margin updates sent to the worker in one hand-off; a tree with more leaf ranges is done in several. */
export const UPDATE_BATCH = 64;

/** Fields of one margin update in the shared job table. */
const JOB_FIELDS = 6;

/** A record range whose margins move by leftDelta or rightDelta, as route[bin of group] is 1 or 0. */
export interface MarginUpdate {
  buffer: number;
  start: number;
  end: number;
  group: number;
  route: Uint8Array;
  leftDelta: number;
  rightDelta: number;
}

/** Histogram building, record splitting and margin updates over one row store. */
export interface TrainingKernels {
  /** Group histogram of records [start, end) of a store buffer into `out` (overwritten). */
  buildHistogram(buffer: number, start: number, end: number, out: Float64Array): void;
  /**
   * Copies records [start, end) of buffer `from` into the other buffer, those with route[bin of group] === 1 forward
   * from start, the rest backward from end. Returns how many went left.
   */
  split(from: number, start: number, end: number, group: number, route: Uint8Array): number;
  /** Adds each update's deltas to the margins of its records and rewrites their gradients (loss.ts). */
  updateMargins(updates: MarginUpdate[]): void;
  /** Stops the worker thread, if any. */
  close(): void;
}

/** Kernels over the store; groups [0, nDense) are dense. With nThreads = 2 one worker thread starts (close() it). */
export function trainingKernels(store: RowStore, nDense: number, nThreads: number): TrainingKernels {
  const wasm = wasmKernels(store.memory);
  const strideBytes = store.stride * 4;
  const { nGroups, histAt, routeAt } = store;
  const histLength = (nGroups * GROUP_HISTOGRAM_BYTES) / 8;
  const [mine, theirs] = histAt.map((at) => new Float64Array(store.memory.buffer, at, histLength));
  const route = new Uint8Array(store.memory.buffer, routeAt, 256);
  /** Byte address of record k of buffer b. */
  const recordAt = (b: number, k: number) => store.offset[b] + k * strideBytes;
  /** Group histogram of records [start, end) into the workspace histogram `into` (0 = this thread's). */
  const accumulate = (b: number, start: number, end: number, into: number) => {
    (into === 0 ? mine : theirs).fill(0);
    wasm.hist(recordAt(b, start), recordAt(b, end), strideBytes, nDense, nGroups, histAt[into]);
  };
  /** The two halves summed as A + B, the same order whichever thread built B. */
  const addHalves = (out: Float64Array) => {
    for (let i = 0; i < histLength; i++) out[i] = mine[i] + theirs[i];
  };
  /** Copies [start, cut) of buffer `from` to the other buffer from positions left / right; returns the next left. */
  const copySide = (from: number, start: number, cut: number, left: number, right: number, group: number) => {
    const to = 1 - from;
    const nextLeft = wasm.split(
      recordAt(from, start),
      recordAt(from, cut),
      strideBytes,
      BINS_AT + group,
      routeAt,
      recordAt(to, left),
      recordAt(to, right),
    );
    return ((nextLeft >>> 0) - store.offset[to]) / strideBytes;
  };
  const serialSplit = (from: number, start: number, end: number, group: number, table: Uint8Array) => {
    route.set(table);
    return copySide(from, start, end, start, end - 1, group) - start;
  };

  const serialUpdate = (updates: MarginUpdate[]) => {
    for (const u of updates) updateRecordsByRoute(store, u.buffer, u.start, u.end, u.group, u.route, u.leftDelta, u.rightDelta);
  };

  if (nThreads < 2) {
    return {
      buildHistogram(buffer, start, end, out) {
        if (end - start < HALVE_MIN_ROWS) {
          accumulate(buffer, start, end, 0);
          out.set(mine);
          return;
        }
        const mid = start + ((end - start) >> 1);
        accumulate(buffer, start, mid, 0);
        accumulate(buffer, mid, end, 1);
        addHalves(out);
      },
      split: serialSplit,
      updateMargins: serialUpdate,
      close() {},
    };
  }

  const ctrl = new Int32Array(new SharedArrayBuffer(32));
  const jobs = new Float64Array(new SharedArrayBuffer(UPDATE_BATCH * JOB_FIELDS * 8));
  const routes = new Uint8Array(new SharedArrayBuffer(UPDATE_BATCH * 256));
  const worker = new Worker(trainingWorkerSource, { eval: true });
  worker.unref();
  worker.postMessage({
    ctrl: ctrl.buffer,
    memory: store.memory,
    module: kernelModuleBytes,
    offset: store.offset,
    histAt: histAt[1],
    histLength,
    routeAt,
    strideBytes,
    nGroups,
    nDense,
    nRecordWords: store.nRows * store.stride,
    jobs: jobs.buffer,
    routes: routes.buffer,
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
      if (end - start < HALVE_MIN_ROWS) {
        accumulate(buffer, start, end, 0);
        out.set(mine);
        return;
      }
      const mid = start + ((end - start) >> 1);
      ctrl[1] = mid;
      ctrl[2] = end;
      ctrl[3] = buffer;
      ctrl[4] = 1;
      post();
      accumulate(buffer, start, mid, 0);
      wait();
      addHalves(out);
    },
    split(from, start, end, group, table) {
      if (end - start < HALVE_MIN_ROWS) return serialSplit(from, start, end, group, table);
      const cut = start + Math.round((end - start) * CALLER_SPLIT_SHARE);
      route.set(table);
      ctrl[1] = start;
      ctrl[2] = cut;
      ctrl[3] = from;
      ctrl[4] = 2;
      ctrl[5] = group;
      ctrl[6] = end;
      post();
      copySide(from, start, cut, start, end - 1, group);
      wait();
      return ctrl[7];
    },
    updateMargins(updates) {
      for (let first = 0; first < updates.length; first += UPDATE_BATCH) {
        const batch = updates.slice(first, first + UPDATE_BATCH);
        const total = batch.reduce((sum, u) => sum + u.end - u.start, 0);
        if (total < HALVE_MIN_ROWS) {
          serialUpdate(batch);
          continue;
        }
        batch.forEach((u, i) => {
          jobs.set([u.buffer, u.start, u.end, u.group, u.leftDelta, u.rightDelta], i * JOB_FIELDS);
          routes.set(u.route, i * 256);
        });
        // The worker takes the second half of the batch's records (in batch order), the caller the first.
        const half = total >> 1;
        ctrl[1] = batch.length;
        ctrl[2] = half;
        ctrl[4] = 3;
        ctrl[6] = total;
        post();
        let seen = 0;
        for (const u of batch) {
          const stop = Math.min(u.end, u.start + half - seen);
          if (stop > u.start) updateRecordsByRoute(store, u.buffer, u.start, stop, u.group, u.route, u.leftDelta, u.rightDelta);
          seen += u.end - u.start;
          if (seen >= half) break;
        }
        wait();
      }
    },
    close() {
      Atomics.store(ctrl, 0, 3);
      Atomics.notify(ctrl, 0);
      void worker.terminate();
    },
  };
}
