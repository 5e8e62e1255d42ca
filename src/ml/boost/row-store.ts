/**
 * Training rows as fixed-size records that move with their node:
 *   word 0 row id | label << 31, 1 gradient f32, 2 hessian f32, 3 margin f32, 4 loss weight f32, then the group bins.
 * Splitting a node copies its records into the other of two buffers (left part forward, right part backward), so
 * every node's rows sit contiguously: histogram building and the per-round margin/gradient update are sequential
 * scans, with no scattered reads of a row index. Gradients, margins and weights are float32, as XGBoost keeps them;
 * histograms still sum in float64.
 *
 * Both buffers live in one shared WebAssembly memory, beside a workspace for the training kernels (wasm-kernels.ts):
 * the WebAssembly loops and the worker thread read the records where JavaScript writes them, with no copies.
 */

import type { SharedMemory } from './wasm-encoding.js';
import { sharedMemory } from './wasm-kernels.js';

/** Word offsets inside a record. */
export const ROW = 0;
export const GRAD = 1;
export const HESS = 2;
export const MARGIN = 3;
export const WEIGHT = 4;
/** Byte offset of the first group bin inside a record. */
export const BINS_AT = 20;

/** Bytes of one group's histogram: 256 bins × (Σg, Σh) float64. */
export const GROUP_HISTOGRAM_BYTES = 4096;

/** WebAssembly memories hold at most 65,536 pages of 64 KiB (4 GiB). */
const MAX_PAGES = 65536;
const PAGE = 65536;

/** Two record buffers and the kernels' workspace in one shared memory (a worker thread reads it too). */
export interface RowStore {
  nRows: number;
  nGroups: number;
  /** Words per record: 5 + ⌈nGroups / 4⌉. */
  stride: number;
  words: [Uint32Array, Uint32Array];
  floats: [Float32Array, Float32Array];
  bytes: [Uint8Array, Uint8Array];
  memory: SharedMemory;
  /** Byte address of each record buffer in `memory`. */
  offset: [number, number];
  /** Byte addresses of two group histograms (one per thread) the kernels accumulate into. */
  histAt: [number, number];
  /** Byte address of the 256-byte route table of the split in progress. */
  routeAt: number;
}

const align16 = (n: number) => Math.ceil(n / 16) * 16;

/** A store for nRows records of nGroups bins in buffer 0; record k holds row k. */
export function newRowStore(nRows: number, nGroups: number): RowStore {
  const stride = 5 + Math.ceil(nGroups / 4);
  const recordBytes = align16(Math.max(1, nRows * stride) * 4);
  const offset: [number, number] = [0, recordBytes];
  const histAt: [number, number] = [2 * recordBytes, 2 * recordBytes + nGroups * GROUP_HISTOGRAM_BYTES];
  const routeAt = histAt[1] + nGroups * GROUP_HISTOGRAM_BYTES;
  const pages = Math.ceil((routeAt + 256) / PAGE);
  if (pages > MAX_PAGES)
    throw new RangeError(
      `hist_boosting: ${nRows} training rows × ${nGroups} histogram columns need ${((pages * PAGE) / 2 ** 30).toFixed(1)} GiB of row records, over the 4 GiB a WebAssembly memory can hold; subsample the rows`,
    );
  const memory = sharedMemory(pages);
  const buffer = memory.buffer;
  const n = nRows * stride;
  const words: [Uint32Array, Uint32Array] = [new Uint32Array(buffer, 0, n), new Uint32Array(buffer, offset[1], n)];
  for (let k = 0; k < nRows; k++) words[0][k * stride + ROW] = k;
  return {
    nRows,
    nGroups,
    stride,
    words,
    floats: [new Float32Array(buffer, 0, n), new Float32Array(buffer, offset[1], n)],
    bytes: [new Uint8Array(buffer, 0, 4 * n), new Uint8Array(buffer, offset[1], 4 * n)],
    memory,
    offset,
    histAt,
    routeAt,
  };
}

/** Row id of the record at position k of buffer b. */
export const rowAt = (s: RowStore, k: number, b = 0) => s.words[b][k * s.stride + ROW] & 0x7fffffff;

/** Group bin of group g in the record at position k of buffer b. */
export const binAt = (s: RowStore, k: number, g: number, b = 0) => s.bytes[b][k * s.stride * 4 + BINS_AT + g];

/** Writes each row's label, loss weight and starting margin into its record (buffer 0, records in row order). */
export function initRecords(s: RowStore, y: ArrayLike<number>, w: Float64Array, margin: number): void {
  const [words] = s.words;
  const [floats] = s.floats;
  for (let k = 0, at = 0; k < s.nRows; k++, at += s.stride) {
    words[at + ROW] = (k | (y[k] === 1 ? 0x80000000 : 0)) >>> 0;
    floats[at + MARGIN] = margin;
    floats[at + WEIGHT] = w[k];
  }
}

/** Copies records [start, end) of buffer `from` to the same positions of the other buffer. */
export function copyRecordsAcross(s: RowStore, from: number, start: number, end: number): void {
  s.words[1 - from].set(s.words[from].subarray(start * s.stride, end * s.stride), start * s.stride);
}

/**
 * Moves the records whose flags[position] === 1 to the front of buffer b (0 by default), keeping their order (row
 * sampling). Returns how many.
 */
export function moveFlaggedFirst(s: RowStore, flags: Uint8Array, b = 0): number {
  const src = s.words[b];
  const dst = s.words[1 - b];
  const { stride, nRows } = s;
  let nFirst = 0;
  for (let k = 0; k < nRows; k++) nFirst += flags[k];
  let l = 0;
  let r = nFirst;
  for (let k = 0, at = 0; k < nRows; k++, at += stride) {
    const to = (r + (l - r) * flags[k]) * stride;
    for (let i = 0; i < stride; i++) dst[to + i] = src[at + i];
    l += flags[k];
    r += 1 - flags[k];
  }
  src.set(dst.subarray(0, nRows * stride));
  return nFirst;
}
