/**
 * The Hessian XᵀWX of the logistic passes in WebAssembly SIMD, on one block of rows at a time. Each vector lane holds
 * a different Hessian cell and adds its own products one row after another, multiply then add (WebAssembly has no
 * fused multiply-add), so every cell gets the same operations in the same order as the scalar loop
 * Σₖ (hₖ·x_rₖ)·x_cₖ it replaces: the bits are the same, only two cells at a time.
 *
 * Memory layout (byte offsets; BLOCK rows per block; dense columns, then a column of ones for the intercept, padded
 * with zero columns to a multiple of 16): X and T hold pairs of columns interleaved, column 2q + lane of row k at
 * q·PAIR + (2k + lane)·8, T = h·X, and TR holds T row by row (column c of row k at (k·dpad + c)·8); the dense Hessian D holds cell (2q + lane, c) at ((q·dpad + c)·2 + lane)·8; the
 * indicator rows S hold, per indicator s, Σ over its rows of T, at (s·dpad + r)·8.
 */

import {
  block,
  br,
  brIf,
  type Code,
  type FunctionDef,
  f64x2Add,
  get,
  I32,
  i32Add,
  i32Const,
  i32GeU,
  i32Load,
  i32Mul,
  i32Shl,
  ifThen,
  loop,
  moduleBytes,
  type SharedMemory,
  set,
  u32,
  V128,
  v128Load,
  v128Store,
  wasmApi,
} from '../boost/wasm-encoding.js';

/** Rows per block (the logistic passes' block: their sums are per block, then into the total). */
export const BLOCK = 256;
/**
 * Bytes from one interleaved column pair of a block to the next: a cache line more than the pair's 4 KiB, so the
 * kernels' loads from neighbouring pairs do not all fall into one set of the L1 cache (4 KiB aliasing).
 */
export const PAIR = BLOCK * 16 + 64;

const simd = (op: number, ...immediates: number[]): Code => [0xfd, ...u32(op), ...immediates];
const f64x2Mul = simd(0xf2);
/** Loads one f64 into both lanes. */
const v128Load64Splat = (offset: number): Code => simd(0x0a, 3, ...u32(offset));
const v128Zero = simd(0x0c, ...new Array<number>(16).fill(0));
const i32LtU: Code = [0x49];
const i32Ne: Code = [0x47];

/** local += value (i32). */
const bump = (local: number, value: Code): Code => [...get(local), ...value, ...i32Add, ...set(local)];
/** acc += load(ptr + offset) · factor, for v128 locals. */
const fma = (acc: number, loaded: Code, factor: number): Code => [
  ...get(acc),
  ...loaded,
  ...get(factor),
  ...f64x2Mul,
  ...f64x2Add,
  ...set(acc),
];
/** store(ptr + offset, load(ptr + offset) + acc). */
const addInto = (ptr: number, offset: number, acc: number): Code => [
  ...get(ptr),
  ...get(ptr),
  ...v128Load(offset),
  ...get(acc),
  ...f64x2Add,
  ...v128Store(offset),
];

/** scale(x, t, tr, h, nPairs, len, rowBytes): T = h·X for the first `len` rows of every column pair, also row by row into TR. */
function scale(): FunctionDef {
  const [x, t, tr, h, nPairs, len, rowBytes, q, k, hs, addr, v] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const body = [
    block(
      loop(
        get(q),
        get(nPairs),
        i32GeU,
        brIf(1),
        i32Const(0),
        set(k),
        block(
          loop(
            get(k),
            get(len),
            i32GeU,
            brIf(1),
            [...get(h), ...get(k), ...i32Const(3), ...i32Shl, ...i32Add, ...v128Load64Splat(0), ...set(hs)],
            [...get(q), ...i32Const(PAIR), ...i32Mul, ...get(k), ...i32Const(4), ...i32Shl, ...i32Add, ...set(addr)],
            [...get(x), ...get(addr), ...i32Add, ...v128Load(0), ...get(hs), ...f64x2Mul, ...set(v)],
            [...get(t), ...get(addr), ...i32Add, ...get(v), ...v128Store(0)],
            [...get(tr), ...get(k), ...get(rowBytes), ...i32Mul, ...i32Add, ...get(q), ...i32Const(4), ...i32Shl, ...i32Add],
            [...get(v), ...v128Store(0)],
            bump(k, i32Const(1)),
            br(0),
          ),
        ),
        bump(q, i32Const(1)),
        br(0),
      ),
    ),
  ].flat();
  return {
    name: 'scale',
    params: [I32, I32, I32, I32, I32, I32, I32],
    results: [],
    locals: [
      [2, I32],
      [1, V128],
      [1, I32],
      [1, V128],
    ],
    body,
  };
}

/**
 * gram(x, t, d, nGroups, len, rowBytes): D += Tᵀ·X over the block's first `len` rows, in tiles of 8 rows (4 pairs of
 * T) by 2 columns of X: eight vector sums, each of two cells, fed by four vector loads and two splats per row. Only
 * tiles that reach the lower triangle are computed (the upper cells they also hold are never read). rowBytes = dpad·16.
 */
function gram(): FunctionDef {
  const [x, t, d, nGroups, len, rowBytes] = [0, 1, 2, 3, 4, 5];
  const [a, b, nb, pt, px, end, o] = [6, 7, 8, 9, 10, 11, 12];
  const [xs0, xs1, tv] = [13, 14, 15];
  const acc = [16, 17, 18, 19, 20, 21, 22, 23];
  const rowStep: Code[] = [];
  for (let i = 0; i < 4; i++) {
    rowStep.push([...get(pt), ...v128Load(i * PAIR), ...set(tv)]);
    rowStep.push(fma(acc[2 * i], get(tv), xs0));
    rowStep.push(fma(acc[2 * i + 1], get(tv), xs1));
  }
  const writeBack: Code[] = [];
  for (let i = 0; i < 4; i++) {
    writeBack.push(addInto(o, 0, acc[2 * i]), addInto(o, 16, acc[2 * i + 1]));
    if (i < 3) writeBack.push(bump(o, get(rowBytes)));
  }
  const body = [
    block(
      loop(
        get(a),
        get(nGroups),
        i32GeU,
        brIf(1),
        [...get(a), ...i32Const(1), ...i32Add, ...i32Const(2), ...i32Shl, ...set(nb)],
        i32Const(0),
        set(b),
        block(
          loop(
            get(b),
            get(nb),
            i32GeU,
            brIf(1),
            acc.flatMap((v) => [...v128Zero, ...set(v)]),
            [...get(t), ...get(a), ...i32Const(4 * PAIR), ...i32Mul, ...i32Add, ...set(pt)],
            [...get(x), ...get(b), ...i32Const(PAIR), ...i32Mul, ...i32Add, ...set(px)],
            [...get(px), ...get(len), ...i32Const(4), ...i32Shl, ...i32Add, ...set(end)],
            loop(
              [...get(px), ...v128Load64Splat(0), ...set(xs0)],
              [...get(px), ...v128Load64Splat(8), ...set(xs1)],
              ...rowStep,
              bump(pt, i32Const(16)),
              bump(px, i32Const(16)),
              get(px),
              get(end),
              i32LtU,
              brIf(0),
            ),
            [...get(d), ...get(a), ...i32Const(2), ...i32Shl, ...get(rowBytes), ...i32Mul, ...i32Add],
            [...get(b), ...i32Const(5), ...i32Shl, ...i32Add, ...set(o)],
            ...writeBack,
            bump(b, i32Const(1)),
            br(0),
          ),
        ),
        bump(a, i32Const(1)),
        br(0),
      ),
    ),
  ].flat();
  return {
    name: 'gram',
    params: [I32, I32, I32, I32, I32, I32],
    results: [],
    locals: [
      [7, I32],
      [11, V128],
    ],
    body,
  };
}

/**
 * cross(tr, s, idx, off, ns, nGroups, rowBytes): for each indicator s, S[s] += Σ of TR's rows at byte offsets
 * idx[off[s]] … idx[off[s+1]−1] (ascending rows), 16 dense columns (8 vector sums, two cache lines of a row) at a time.
 * rowBytes = dpad·8; nGroups = dpad / 16.
 */
function cross(): FunctionDef {
  const [t, sOut, idx, off, ns, nGroups, rowBytes] = [0, 1, 2, 3, 4, 5, 6];
  const [s, pe, pend, g, base, pt, o] = [7, 8, 9, 10, 11, 12, 13];
  const acc = [14, 15, 16, 17, 18, 19, 20, 21];
  const rowStep: Code[] = acc.map((v, i) => [...get(v), ...get(pt), ...v128Load(16 * i), ...f64x2Add, ...set(v)]);
  const writeBack: Code[] = acc.map((v, i) => addInto(o, 16 * i, v));
  const body = [
    block(
      loop(
        get(s),
        get(ns),
        i32GeU,
        brIf(1),
        [...get(off), ...get(s), ...i32Const(2), ...i32Shl, ...i32Add, ...i32Load(0)],
        [...i32Const(2), ...i32Shl, ...get(idx), ...i32Add, ...set(pe)],
        [...get(off), ...get(s), ...i32Const(2), ...i32Shl, ...i32Add, ...i32Load(4)],
        [...i32Const(2), ...i32Shl, ...get(idx), ...i32Add, ...set(pend)],
        get(pe),
        get(pend),
        i32Ne,
        ifThen(
          i32Const(0),
          set(g),
          block(
            loop(
              get(g),
              get(nGroups),
              i32GeU,
              brIf(1),
              acc.flatMap((v) => [...v128Zero, ...set(v)]),
              [...get(t), ...get(g), ...i32Const(7), ...i32Shl, ...i32Add, ...set(base)],
              [...get(pe), ...set(o)], // o walks the rows while summing
              loop(
                [...get(base), ...get(o), ...i32Load(0), ...i32Add, ...set(pt)],
                ...rowStep,
                bump(o, i32Const(4)),
                get(o),
                get(pend),
                i32LtU,
                brIf(0),
              ),
              [...get(sOut), ...get(s), ...get(rowBytes), ...i32Mul, ...i32Add],
              [...get(g), ...i32Const(7), ...i32Shl, ...i32Add, ...set(o)],
              ...writeBack,
              bump(g, i32Const(1)),
              br(0),
            ),
          ),
        ),
        bump(s, i32Const(1)),
        br(0),
      ),
    ),
  ].flat();
  return {
    name: 'cross',
    params: [I32, I32, I32, I32, I32, I32, I32],
    results: [],
    locals: [
      [7, I32],
      [8, V128],
    ],
    body,
  };
}

interface KernelExports {
  scale(x: number, t: number, tr: number, h: number, nPairs: number, len: number, rowBytes: number): void;
  gram(x: number, t: number, d: number, nGroups: number, len: number, rowBytes: number): void;
  cross(tr: number, s: number, idx: number, off: number, ns: number, nGroups: number, rowBytes: number): void;
}

/** The kernels on a memory laid out for `dpad` dense columns (a multiple of 16) and `ns` indicators. */
export interface HessianKernel {
  dpad: number;
  ns: number;
  memory: SharedMemory;
  /** Views of the whole memory. */
  f64: Float64Array;
  i32: Int32Array;
  /** Byte offsets of X, T, T row by row, D, S, the block's h, the indicators' row offsets and their block-local rows. */
  at: { x: number; t: number; tr: number; d: number; s: number; h: number; off: number; idx: number };
  exports: KernelExports;
}

let compiled: object | undefined;
let current: HessianKernel | undefined;

/** A kernel for dpad dense columns and ns indicators: the thread's last one when it is big enough, else a new one. */
export function hessianKernel(dpad: number, ns: number): HessianKernel {
  if (current && current.dpad === dpad && current.ns === ns) return current;
  const x = 0;
  const t = x + (dpad / 2) * PAIR;
  const tr = t + (dpad / 2) * PAIR;
  const d = tr + dpad * BLOCK * 8;
  const s = d + dpad * dpad * 8;
  const h = s + ns * dpad * 8;
  const off = h + BLOCK * 8;
  const idx = off + Math.ceil(((ns + 1) * 4) / 16) * 16;
  const bytes = idx + ns * BLOCK * 4;
  const pages = Math.max(1, Math.ceil(bytes / 65536));
  let { memory, exports } = current ?? {};
  if (!memory || !exports || memory.buffer.byteLength < bytes) {
    compiled ??= new wasmApi.Module(moduleBytes([scale(), gram(), cross()]));
    memory = new wasmApi.Memory({ initial: pages, maximum: pages, shared: true });
    exports = new wasmApi.Instance(compiled, { env: { memory } }).exports as KernelExports;
  }
  current = {
    dpad,
    ns,
    memory,
    f64: new Float64Array(memory.buffer),
    i32: new Int32Array(memory.buffer),
    at: { x, t, tr, d, s, h, off, idx },
    exports,
  };
  return current;
}
