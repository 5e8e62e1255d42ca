/**
 * The two hot loops of training — histogram accumulation and record splitting — as a small hand-written
 * WebAssembly module over the row store's shared memory. The same loops in JavaScript pay a bounds check and a
 * typed-array reload on every access; here they run about twice as fast, with the same arithmetic in the same
 * order, so results are bit-identical to the JavaScript loops they replace. The caller and the worker thread each
 * instantiate the module on the one shared memory.
 *
 * All addresses are byte offsets into the memory; record layout as in row-store.ts (gradient at byte 4, hessian at
 * 8, group bins from BINS_AT). A group histogram is 256 slots of (Σg, Σh) float64 per group, 4096 bytes per group.
 */

import {
  block,
  br,
  brIf,
  type Code,
  type FunctionDef,
  f64x2Add,
  f64x2PromoteLowF32x4,
  get,
  I32,
  i32Add,
  i32Const,
  i32GeU,
  i32GtU,
  i32Load,
  i32Load8u,
  i32Mul,
  i32Shl,
  i32Store,
  i32Sub,
  ifThen,
  loop,
  moduleBytes,
  type SharedMemory,
  select,
  set,
  tee,
  V128,
  v128Load,
  v128Load64Zero,
  v128Store,
  wasmApi,
} from './wasm-encoding.js';

/** Byte offset of the first group bin inside a record (row-store.ts BINS_AT). */
const BINS_AT = 20;

/**
 * hist(p, end, strideBytes, nDense, nGroups, out): adds the records at [p, end) into the group histogram at `out`:
 * each dense group's bin, and each encoded group's bin unless it is 0 (the default bin, recovered from node totals).
 * One vector add per (record, group) updates Σg and Σh together.
 */
function histogram(): FunctionDef {
  const [p, end, stride, nDense, nGroups, out, j, slot, bin, gh] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const groupBase = [get(out), get(j), i32Const(12), i32Shl, i32Add].flat();
  const addPair = [tee(slot), get(slot), v128Load(0), get(gh), f64x2Add, v128Store(0)].flat();
  const nextGroup = [get(j), i32Const(1), i32Add, set(j), br(0)].flat();
  const body = block(
    loop(
      [get(p), get(end), i32GeU, brIf(1)].flat(),
      [get(p), v128Load64Zero(4), f64x2PromoteLowF32x4, set(gh), i32Const(0), set(j)].flat(),
      block(
        loop(
          [get(j), get(nDense), i32GeU, brIf(1)].flat(),
          [groupBase, get(p), get(j), i32Add, i32Load8u(BINS_AT), i32Const(4), i32Shl, i32Add, addPair].flat(),
          nextGroup,
        ),
      ),
      block(
        loop(
          [get(j), get(nGroups), i32GeU, brIf(1)].flat(),
          [get(p), get(j), i32Add, i32Load8u(BINS_AT), tee(bin)].flat(),
          ifThen([groupBase, get(bin), i32Const(4), i32Shl, i32Add, addPair].flat()),
          nextGroup,
        ),
      ),
      [get(p), get(stride), i32Add, set(p), br(0)].flat(),
    ),
  );
  return {
    name: 'hist',
    params: [I32, I32, I32, I32, I32, I32],
    results: [],
    locals: [
      [3, I32],
      [1, V128],
    ],
    body,
  };
}

/** route[bin of the record at p] (1 = left), with `binAt` = BINS_AT + group. */
const goesLeft = (p: number, binAt: number, route: number): Code =>
  [get(route), get(p), get(binAt), i32Add, i32Load8u(0), i32Add, i32Load8u(0)].flat();

/** countLeft(p, end, strideBytes, binAt, route) → how many records of [p, end) go left. */
function countLeft(): FunctionDef {
  const [p, end, stride, binAt, route, count] = [0, 1, 2, 3, 4, 5];
  const body = [
    ...block(
      loop(
        [get(p), get(end), i32GeU, brIf(1)].flat(),
        [get(count), goesLeft(p, binAt, route), i32Add, set(count)].flat(),
        [get(p), get(stride), i32Add, set(p), br(0)].flat(),
      ),
    ),
    ...get(count),
  ];
  return { name: 'countLeft', params: [I32, I32, I32, I32, I32], results: [I32], locals: [[1, I32]], body };
}

/**
 * split(p, end, strideBytes, binAt, route, left, right) → the next left address: copies each record of [p, end) to
 * `left` (advancing) when it goes left, else to `right` (retreating), word by word. `left` and `right` are record
 * addresses in the other buffer; the side is data, not a branch. Records are copied 16 bytes at a time.
 */
function split(): FunctionDef {
  const [p, end, stride, binAt, route, left, right, go, to, i] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const body = [
    ...block(
      loop(
        [get(p), get(end), i32GeU, brIf(1)].flat(),
        [goesLeft(p, binAt, route), set(go), get(left), get(right), get(go), select, set(to)].flat(),
        [i32Const(0), set(i)].flat(),
        // 16 bytes at a time, then the remaining words.
        block(
          loop(
            [get(i), i32Const(16), i32Add, get(stride), i32GtU, brIf(1)].flat(),
            [get(to), get(i), i32Add, get(p), get(i), i32Add, v128Load(0), v128Store(0)].flat(),
            [get(i), i32Const(16), i32Add, set(i), br(0)].flat(),
          ),
        ),
        block(
          loop(
            [get(i), get(stride), i32GeU, brIf(1)].flat(),
            [get(to), get(i), i32Add, get(p), get(i), i32Add, i32Load(0), i32Store(0)].flat(),
            [get(i), i32Const(4), i32Add, set(i), br(0)].flat(),
          ),
        ),
        [get(left), get(go), get(stride), i32Mul, i32Add, set(left)].flat(),
        [get(right), i32Const(1), get(go), i32Sub, get(stride), i32Mul, i32Sub, set(right)].flat(),
        [get(p), get(stride), i32Add, set(p), br(0)].flat(),
      ),
    ),
    ...get(left),
  ];
  return {
    name: 'split',
    params: [I32, I32, I32, I32, I32, I32, I32],
    results: [I32],
    locals: [[3, I32]],
    body,
  };
}

/** The kernels' module bytes (also sent to the worker thread, which compiles its own copy). */
export const kernelModuleBytes: Uint8Array = moduleBytes([histogram(), countLeft(), split()]);

/** The kernels of one instance, on one shared memory. */
export interface WasmKernels {
  hist(p: number, end: number, strideBytes: number, nDense: number, nGroups: number, out: number): void;
  countLeft(p: number, end: number, strideBytes: number, binAt: number, route: number): number;
  split(p: number, end: number, strideBytes: number, binAt: number, route: number, left: number, right: number): number;
}

/** A shared memory of exactly `pages` 64-KiB pages. */
export const sharedMemory = (pages: number): SharedMemory => new wasmApi.Memory({ initial: pages, maximum: pages, shared: true });

let compiled: object | undefined;

/** Instantiates the kernels on `memory` (compiled once per thread). */
export function wasmKernels(memory: SharedMemory): WasmKernels {
  compiled ??= new wasmApi.Module(kernelModuleBytes);
  return new wasmApi.Instance(compiled, { env: { memory } }).exports as WasmKernels;
}
