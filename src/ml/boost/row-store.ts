/**
 * Training rows as fixed-size records that move with their node:
 *   word 0 row id | label << 31, 1 gradient f32, 2 hessian f32, 3 margin f32, 4 loss weight f32, then the group bins.
 * Splitting a node copies its records into the other of two buffers (left part forward, right part backward), so
 * every node's rows sit contiguously: histogram building and the per-round margin/gradient update are sequential
 * scans, with no scattered reads of a row index. Gradients, margins and weights are float32, as XGBoost keeps them;
 * histograms still sum in float64.
 */

/** Word offsets inside a record. */
export const ROW = 0;
export const GRAD = 1;
export const HESS = 2;
export const MARGIN = 3;
export const WEIGHT = 4;
/** Byte offset of the first group bin inside a record. */
export const BINS_AT = 20;

/** Two record buffers in shared memory (a worker thread reads them). A node's records live in one of them. */
export interface RowStore {
  nRows: number;
  nGroups: number;
  /** Words per record: 5 + ⌈nGroups / 4⌉. */
  stride: number;
  words: [Uint32Array, Uint32Array];
  floats: [Float32Array, Float32Array];
  bytes: [Uint8Array, Uint8Array];
}

/** A store for nRows records of nGroups bins in buffer 0; record k holds row k. */
export function newRowStore(nRows: number, nGroups: number): RowStore {
  const stride = 5 + Math.ceil(nGroups / 4);
  const buffers = [0, 1].map(() => new SharedArrayBuffer(Math.max(1, nRows * stride) * 4));
  const words: [Uint32Array, Uint32Array] = [new Uint32Array(buffers[0]), new Uint32Array(buffers[1])];
  for (let k = 0; k < nRows; k++) words[0][k * stride + ROW] = k;
  return {
    nRows,
    nGroups,
    stride,
    words,
    floats: [new Float32Array(buffers[0]), new Float32Array(buffers[1])],
    bytes: [new Uint8Array(buffers[0]), new Uint8Array(buffers[1])],
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

/**
 * Copies records [start, end) of buffer `from` into the other buffer: those with route[bin of group] === 1 forward
 * from position `left`, the others backward from position `right` (one pass, branch-free: the side is a coin flip
 * to the CPU). Returns the next free left position. Splitting a node is one call with left = start and
 * right = end − 1; the layout depends only on the input order, so a split cut in two pieces (two threads) lands
 * exactly where one pass would put it. The worker thread runs a copy of this loop (worker-source.ts).
 */
export function copySide(
  s: RowStore,
  from: number,
  start: number,
  end: number,
  left: number,
  right: number,
  group: number,
  route: Uint8Array,
): number {
  const src = s.words[from];
  const dst = s.words[1 - from];
  const bytes = s.bytes[from];
  const { stride } = s;
  const binByte = BINS_AT + group;
  let l = left;
  let r = right;
  for (let at = start * stride, stop = end * stride; at < stop; at += stride) {
    const goLeft = route[bytes[at * 4 + binByte]];
    const to = (r + (l - r) * goLeft) * stride;
    for (let i = 0; i < stride; i++) dst[to + i] = src[at + i];
    l += goLeft;
    r -= 1 - goLeft;
  }
  return l;
}

/** Copies records [start, end) from buffer 1 back to buffer 0 (so every tree starts from buffer 0). */
export function returnRecords(s: RowStore, start: number, end: number): void {
  s.words[0].set(s.words[1].subarray(start * s.stride, end * s.stride), start * s.stride);
}

/**
 * Moves the records whose flags[position] === 1 to the front of buffer 0, keeping their order (row sampling).
 * Returns how many.
 */
export function moveFlaggedFirst(s: RowStore, flags: Uint8Array): number {
  const [src, dst] = s.words;
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
