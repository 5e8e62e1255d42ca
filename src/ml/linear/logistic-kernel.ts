/**
 * The loops of the logistic passes in WebAssembly SIMD: margins, gradient and Hessian, one block of BLOCK rows at a
 * time. Every sum keeps the order of the scalar loops it replaces (see logistic-loss.ts): a vector lane is one margin,
 * one partial sum of a dot product or one Hessian cell, and adds its own products one row after another, multiply
 * then add (WebAssembly has no fused multiply-add) — so the bits are those of the scalar loops, two values at a time.
 *
 * Memory layout (byte offsets in `at`): the dense columns, then a column of ones for the intercept, padded with zero
 * columns to dpad (a multiple of 16), column-major in X with `stride` bytes between columns — every row of the data
 * when it fits (copied once per fit), else one block, copied on each pass; the indicators' rows (ascending, all
 * rows) in ROWS, and in SB where each block starts in them (indicator s, block b at (s·(nBlocks + 1) + b)·4); the rows'
 * gradient and Hessian weights in R and H. Per block: X2 = X and T = h·X as pairs of columns interleaved (column
 * 2q + lane of row k at q·PAIR + (2k + lane)·8), T also row by row in TR (column c of row k at (k·dpad + c)·8); the
 * dense Hessian D (cell (2q + lane, c) at ((q·dpad + c)·2 + lane)·8); per indicator s the sums of T over its rows, S
 * at (s·dpad + c)·8.
 */

import {
  block,
  br,
  brIf,
  type Code,
  F64,
  type FunctionDef,
  f64Add,
  f64Load,
  f64Mul,
  f64Store,
  f64x2Add,
  f64x2ExtractLane,
  f64x2Mul,
  f64x2ReplaceLane,
  f64x2Splat,
  f64Zero,
  get,
  I32,
  i32Add,
  i32And,
  i32Const,
  i32Eq,
  i32GeU,
  i32Load,
  i32LtS,
  i32LtU,
  i32Mul,
  i32Shl,
  i32Sub,
  ifElse,
  ifThen,
  loop,
  moduleBytes,
  type SharedMemory,
  select,
  set,
  tee,
  V128,
  v128Load,
  v128Load64Splat,
  v128Store,
  v128Zero,
  wasmApi,
} from '../boost/wasm-encoding.js';

/** Rows per block (the logistic passes' block: their sums are per block, then into the total). */
export const BLOCK = 256;
/**
 * Bytes from one interleaved column pair of T to the next: a cache line more than the pair's 4 KiB, so the kernels'
 * loads from neighbouring pairs do not all fall into one set of the L1 cache (4 KiB aliasing).
 */
export const PAIR = BLOCK * 16 + 64;

/** local += value (i32). */
const bump = (local: number, value: Code): Code => [...get(local), ...value, ...i32Add, ...set(local)];
/** for (i = from; i < to; i += step) body — unsigned compare, body may not branch out. */
const forLoop = (i: number, from: Code, to: Code, step: number, ...body: Code[]): Code => [
  ...from,
  ...set(i),
  ...block(loop(get(i), to, i32GeU, brIf(1), ...body, bump(i, i32Const(step)), br(0))),
];
/** acc += a · b (v128 locals and code). */
const mulAdd = (acc: number, a: Code, b: Code): Code => [...get(acc), ...a, ...b, ...f64x2Mul, ...f64x2Add, ...set(acc)];
/** store(ptr + offset, load(ptr + offset) + acc), v128. */
const addInto = (ptr: number, offset: number, acc: number): Code => [
  ...get(ptr),
  ...get(ptr),
  ...v128Load(offset),
  ...get(acc),
  ...f64x2Add,
  ...v128Store(offset),
];
/** The block's range [e0, e1) of indicator s's rows: SB entries at sb + s·sbStride and 4 bytes on. */
const blockRange = (sb: number, s: number, sbStride: number, e0: number, e1: number): Code => [
  ...get(sb),
  ...get(s),
  ...get(sbStride),
  ...i32Mul,
  ...i32Add,
  ...tee(e1),
  ...i32Load(0),
  ...set(e0),
  ...get(e1),
  ...i32Load(4),
  ...set(e1),
];

/**
 * margins(x, stride, z, prog, nProg, len, sb, sbStride, row0): for each (slot, weight) of prog (16 bytes each: i32
 * slot, f64 weight at +8), in order: a dense column (slot ≥ 0) adds weight·x to z[0 … len−1], two rows per vector;
 * an indicator (slot = −1 − s) adds the weight at each of its rows in the block (row − row0 in z).
 */
function margins(): FunctionDef {
  const [x, stride, z, prog, nProg, len, sb, sbStride, row0] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const [op, slot, px, pz, end, e0, e1, s] = [9, 10, 11, 12, 13, 14, 15, 16];
  const w = 17;
  const ws = 18;
  const opAt = [...get(prog), ...get(op), ...i32Const(4), ...i32Shl, ...i32Add];
  const zAtRow = [...get(e0), ...i32Load(0), ...get(row0), ...i32Sub, ...i32Const(3), ...i32Shl, ...get(z), ...i32Add];
  const indicator = [
    [...i32Const(-1), ...get(slot), ...i32Sub, ...set(s)],
    blockRange(sb, s, sbStride, e0, e1),
    forLoop(e0, get(e0), get(e1), 4, [...zAtRow, ...tee(pz), ...get(pz), ...f64Load(0), ...get(w), ...f64Add, ...f64Store(0)]),
  ].flat();
  const dense = [
    [...get(x), ...get(slot), ...get(stride), ...i32Mul, ...i32Add, ...set(px)],
    [...get(w), ...f64x2Splat, ...set(ws)],
    [...get(len), ...i32Const(-2), ...i32And, ...i32Const(3), ...i32Shl, ...get(z), ...i32Add, ...set(end)],
    forLoop(
      pz,
      get(z),
      get(end),
      16,
      [...get(pz), ...get(pz), ...v128Load(0), ...get(ws), ...get(px), ...v128Load(0), ...f64x2Mul, ...f64x2Add, ...v128Store(0)],
      bump(px, i32Const(16)),
    ),
    [...get(len), ...i32Const(1), ...i32And],
    ifThen([...get(pz), ...get(pz), ...f64Load(0), ...get(w), ...get(px), ...f64Load(0), ...f64Mul, ...f64Add, ...f64Store(0)]),
  ].flat();
  const body = forLoop(
    op,
    i32Const(0),
    get(nProg),
    1,
    [...opAt, ...i32Load(0), ...set(slot)],
    [...opAt, ...f64Load(8), ...set(w)],
    [...get(slot), ...i32Const(0), ...i32LtS],
    ifElse(indicator, dense),
  );
  return {
    name: 'margins',
    params: [I32, I32, I32, I32, I32, I32, I32, I32, I32],
    results: [],
    locals: [
      [8, I32],
      [1, F64],
      [1, V128],
    ],
    body,
  };
}

/**
 * gradient(x, stride, r, nDots, gd, len, sb, sbStride, row0, ns, gs): over the block's first `len` rows, gd[c] += r·x_c
 * for the first nDots dense columns (sums s0 … s3 by row mod 4, the rows after the last multiple of 4 into s0, then
 * s0 + s1 + s2 + s3: s0, s1 are the lanes of one vector sum and s2, s3 of the other), gs[s] += the same sums of r over
 * indicator s's rows, and gd[nDots] += Σ r in row order (the intercept).
 */
function gradient(): FunctionDef {
  const [x, stride, r, nDots, gd, len, sb, sbStride, row0, ns, gs] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const [c, px, k, tail, e0, e1, s, lane, pa] = [11, 12, 13, 14, 15, 16, 17, 18, 19];
  const [s0, s1, s2, s3, v] = [20, 21, 22, 23, 24];
  const [a01, a23] = [25, 26];
  const at = (base: number, index: number): Code => [...get(base), ...get(index), ...i32Const(3), ...i32Shl, ...i32Add];
  const total = [...get(s0), ...get(s1), ...f64Add, ...get(s2), ...f64Add, ...get(s3), ...f64Add];
  const addTotal = (base: number, index: number): Code => [
    ...at(base, index),
    ...tee(pa),
    ...get(pa),
    ...f64Load(0),
    ...total,
    ...f64Add,
    ...f64Store(0),
  ];
  /** sᵢ = lane = i ? sᵢ + v : sᵢ, without a branch. */
  const pick = (acc: number, i: number): Code => [
    ...get(acc),
    ...get(v),
    ...f64Add,
    ...get(acc),
    ...get(lane),
    ...i32Const(i),
    ...i32Eq,
    ...select,
    ...set(acc),
  ];
  const zeroSums = [s0, s1, s2, s3].flatMap((a) => [...f64Zero, ...set(a)]);
  const body = [
    [...get(len), ...i32Const(-4), ...i32And, ...set(tail)],
    forLoop(
      c,
      i32Const(0),
      get(nDots),
      1,
      [...get(x), ...get(c), ...get(stride), ...i32Mul, ...i32Add, ...set(px)],
      [...v128Zero, ...set(a01), ...v128Zero, ...set(a23)],
      forLoop(
        k,
        i32Const(0),
        get(tail),
        4,
        mulAdd(a01, [...at(r, k), ...v128Load(0)], [...at(px, k), ...v128Load(0)]),
        mulAdd(a23, [...at(r, k), ...v128Load(16)], [...at(px, k), ...v128Load(16)]),
      ),
      [...get(a01), ...f64x2ExtractLane(0), ...set(s0), ...get(a01), ...f64x2ExtractLane(1), ...set(s1)],
      [...get(a23), ...f64x2ExtractLane(0), ...set(s2), ...get(a23), ...f64x2ExtractLane(1), ...set(s3)],
      forLoop(k, get(tail), get(len), 1, [
        ...get(s0),
        ...at(r, k),
        ...f64Load(0),
        ...at(px, k),
        ...f64Load(0),
        ...f64Mul,
        ...f64Add,
        ...set(s0),
      ]),
      addTotal(gd, c),
    ),
    forLoop(
      s,
      i32Const(0),
      get(ns),
      1,
      blockRange(sb, s, sbStride, e0, e1),
      zeroSums,
      forLoop(
        e0,
        get(e0),
        get(e1),
        4,
        [...get(e0), ...i32Load(0), ...get(row0), ...i32Sub, ...set(k)],
        [...at(r, k), ...f64Load(0), ...set(v)],
        [...get(k), ...i32Const(3), ...i32And, ...i32Const(0), ...get(k), ...get(tail), ...i32LtU, ...select, ...set(lane)],
        pick(s0, 0),
        pick(s1, 1),
        pick(s2, 2),
        pick(s3, 3),
      ),
      addTotal(gs, s),
    ),
    zeroSums,
    forLoop(k, i32Const(0), get(len), 1, [...get(s0), ...at(r, k), ...f64Load(0), ...f64Add, ...set(s0)]),
    addTotal(gd, nDots),
  ].flat();
  return {
    name: 'gradient',
    params: [I32, I32, I32, I32, I32, I32, I32, I32, I32, I32, I32],
    results: [],
    locals: [
      [9, I32],
      [5, F64],
      [2, V128],
    ],
    body,
  };
}

/**
 * scale(x, stride, h, x2, t, tr, nPairs, len, rowBytes): for the block's first `len` rows, X2 = X as pairs of columns
 * interleaved, T = h·X the same way and row by row in TR (rowBytes = dpad·8).
 */
function scale(): FunctionDef {
  const [x, stride, h, x2, t, tr, nPairs, len, rowBytes] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const [q, k, p0, pt, ptr, px2] = [9, 10, 11, 12, 13, 14];
  const [xv, v] = [15, 16];
  const body = forLoop(
    q,
    i32Const(0),
    get(nPairs),
    1,
    [...get(x), ...get(q), ...i32Const(1), ...i32Shl, ...get(stride), ...i32Mul, ...i32Add, ...set(p0)],
    [...get(t), ...get(q), ...i32Const(PAIR), ...i32Mul, ...i32Add, ...set(pt)],
    [...get(x2), ...get(q), ...i32Const(PAIR), ...i32Mul, ...i32Add, ...set(px2)],
    [...get(tr), ...get(q), ...i32Const(4), ...i32Shl, ...i32Add, ...set(ptr)],
    forLoop(
      k,
      i32Const(0),
      get(len),
      1,
      [...get(p0), ...f64Load(0), ...f64x2Splat],
      [...get(p0), ...get(stride), ...i32Add, ...f64Load(0), ...f64x2ReplaceLane(1), ...set(xv)],
      [...get(px2), ...get(xv), ...v128Store(0)],
      [...get(xv), ...get(h), ...get(k), ...i32Const(3), ...i32Shl, ...i32Add, ...v128Load64Splat(0), ...f64x2Mul, ...set(v)],
      [...get(pt), ...get(v), ...v128Store(0), ...get(ptr), ...get(v), ...v128Store(0)],
      bump(p0, i32Const(8)),
      bump(pt, i32Const(16)),
      bump(px2, i32Const(16)),
      bump(ptr, get(rowBytes)),
    ),
  );
  return {
    name: 'scale',
    params: [I32, I32, I32, I32, I32, I32, I32, I32, I32],
    results: [],
    locals: [
      [6, I32],
      [2, V128],
    ],
    body,
  };
}

/**
 * gram(x2, t, d, nGroups, len, rowBytes): D += Tᵀ·X over the block's first `len` rows, in tiles of 8 rows (4 pairs of
 * T) by 2 columns of X (one pair of X2): eight vector sums, each of two cells, fed by four vector loads and two splats
 * per row. Only tiles that reach the lower triangle are computed (the upper cells they also hold are never read).
 * rowBytes = dpad·16.
 */
function gram(): FunctionDef {
  const [x2, t, d, nGroups, len, rowBytes] = [0, 1, 2, 3, 4, 5];
  const [a, b, nb, pt, px, end, o] = [6, 7, 8, 9, 10, 11, 12];
  const [xs0, xs1, tv] = [13, 14, 15];
  const acc = [16, 17, 18, 19, 20, 21, 22, 23];
  const rowStep: Code[] = [];
  for (let i = 0; i < 4; i++) {
    rowStep.push([...get(pt), ...v128Load(i * PAIR), ...set(tv)]);
    rowStep.push(mulAdd(acc[2 * i], get(tv), get(xs0)));
    rowStep.push(mulAdd(acc[2 * i + 1], get(tv), get(xs1)));
  }
  const writeBack: Code[] = [];
  for (let i = 0; i < 4; i++) {
    writeBack.push(addInto(o, 0, acc[2 * i]), addInto(o, 16, acc[2 * i + 1]));
    if (i < 3) writeBack.push(bump(o, get(rowBytes)));
  }
  const body = forLoop(
    a,
    i32Const(0),
    get(nGroups),
    1,
    [...get(a), ...i32Const(1), ...i32Add, ...i32Const(2), ...i32Shl, ...set(nb)],
    forLoop(
      b,
      i32Const(0),
      get(nb),
      1,
      acc.flatMap((v) => [...v128Zero, ...set(v)]),
      [...get(t), ...get(a), ...i32Const(4 * PAIR), ...i32Mul, ...i32Add, ...set(pt)],
      [...get(x2), ...get(b), ...i32Const(PAIR), ...i32Mul, ...i32Add, ...set(px)],
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
    ),
  );
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
 * cross(tr, sOut, ns, nGroups, rowBytes, sb, sbStride, row0): for each indicator s, S[s] += Σ of TR's rows at its rows
 * of the block (ascending), 16 dense columns (8 vector sums, two cache lines of a row) at a time. rowBytes = dpad·8;
 * nGroups = dpad / 16.
 */
function cross(): FunctionDef {
  const [tr, sOut, ns, nGroups, rowBytes, sb, sbStride, row0] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [s, e0, e1, g, base, pt, o, e] = [8, 9, 10, 11, 12, 13, 14, 15];
  const acc = [16, 17, 18, 19, 20, 21, 22, 23];
  const rowStep: Code[] = acc.map((v, i) => [...get(v), ...get(pt), ...v128Load(16 * i), ...f64x2Add, ...set(v)]);
  const writeBack: Code[] = acc.map((v, i) => addInto(o, 16 * i, v));
  const body = forLoop(
    s,
    i32Const(0),
    get(ns),
    1,
    blockRange(sb, s, sbStride, e0, e1),
    [...get(e0), ...get(e1), ...i32LtU],
    ifThen(
      forLoop(
        g,
        i32Const(0),
        get(nGroups),
        1,
        acc.flatMap((v) => [...v128Zero, ...set(v)]),
        [...get(tr), ...get(g), ...i32Const(7), ...i32Shl, ...i32Add, ...set(base)],
        [...get(e0), ...set(e)],
        loop(
          [...get(e), ...i32Load(0), ...get(row0), ...i32Sub, ...get(rowBytes), ...i32Mul, ...get(base), ...i32Add, ...set(pt)],
          ...rowStep,
          bump(e, i32Const(4)),
          get(e),
          get(e1),
          i32LtU,
          brIf(0),
        ),
        [...get(sOut), ...get(s), ...get(rowBytes), ...i32Mul, ...i32Add],
        [...get(g), ...i32Const(7), ...i32Shl, ...i32Add, ...set(o)],
        ...writeBack,
      ),
    ),
  );
  return {
    name: 'cross',
    params: [I32, I32, I32, I32, I32, I32, I32, I32],
    results: [],
    locals: [
      [8, I32],
      [8, V128],
    ],
    body,
  };
}

/**
 * pairs(h, rowStarts, rowSparse, ns, acc, both, len, row0): for each row of the block, h of the row added to the cell
 * (a, b), a ≥ b, of every two indicators a, b set in it (rowSparse[rowStarts[i] …], ascending: the row's indicators),
 * into acc (ns × ns, zero); then both += acc and acc = 0, cell by cell.
 */
function pairs(): FunctionDef {
  const [h, rowStarts, rowSparse, ns, acc, both, len, row0] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [i, u0, u1, u, v, a, pc, cells] = [8, 9, 10, 11, 12, 13, 14, 15];
  const hi = 16;
  const body = [
    forLoop(
      i,
      i32Const(0),
      get(len),
      1,
      [...get(h), ...get(i), ...i32Const(3), ...i32Shl, ...i32Add, ...f64Load(0), ...set(hi)],
      [...get(rowStarts), ...get(row0), ...get(i), ...i32Add, ...i32Const(2), ...i32Shl, ...i32Add, ...tee(u1)],
      [...i32Load(0), ...i32Const(2), ...i32Shl, ...get(rowSparse), ...i32Add, ...set(u0)],
      [...get(u1), ...i32Load(4), ...i32Const(2), ...i32Shl, ...get(rowSparse), ...i32Add, ...set(u1)],
      forLoop(
        u,
        get(u0),
        get(u1),
        4,
        [...get(acc), ...get(u), ...i32Load(0), ...get(ns), ...i32Mul, ...i32Const(3), ...i32Shl, ...i32Add, ...set(a)],
        forLoop(
          v,
          get(u0),
          [...get(u), ...i32Const(4), ...i32Add],
          4,
          [...get(a), ...get(v), ...i32Load(0), ...i32Const(3), ...i32Shl, ...i32Add, ...tee(pc)],
          [...get(pc), ...f64Load(0), ...get(hi), ...f64Add, ...f64Store(0)],
        ),
      ),
    ),
    [...get(ns), ...get(ns), ...i32Mul, ...i32Const(3), ...i32Shl, ...set(cells)],
    forLoop(
      pc,
      i32Const(0),
      get(cells),
      8,
      [...get(both), ...get(pc), ...i32Add, ...tee(a), ...get(a), ...f64Load(0)],
      [...get(acc), ...get(pc), ...i32Add, ...f64Load(0), ...f64Add, ...f64Store(0)],
      [...get(acc), ...get(pc), ...i32Add, ...f64Zero, ...f64Store(0)],
    ),
  ].flat();
  return {
    name: 'pairs',
    params: [I32, I32, I32, I32, I32, I32, I32, I32],
    results: [],
    locals: [
      [8, I32],
      [1, F64],
    ],
    body,
  };
}

/** The kernels' exports (byte addresses; see each function). */
export interface KernelExports {
  margins(
    x: number,
    stride: number,
    z: number,
    prog: number,
    nProg: number,
    len: number,
    sb: number,
    sbStride: number,
    row0: number,
  ): void;
  gradient(
    x: number,
    stride: number,
    r: number,
    nDots: number,
    gd: number,
    len: number,
    sb: number,
    sbStride: number,
    row0: number,
    ns: number,
    gs: number,
  ): void;
  scale(
    x: number,
    stride: number,
    h: number,
    x2: number,
    t: number,
    tr: number,
    nPairs: number,
    len: number,
    rowBytes: number,
  ): void;
  gram(x2: number, t: number, d: number, nGroups: number, len: number, rowBytes: number): void;
  cross(tr: number, s: number, ns: number, nGroups: number, rowBytes: number, sb: number, sbStride: number, row0: number): void;
  pairs(h: number, rowStarts: number, rowSparse: number, ns: number, acc: number, both: number, len: number, row0: number): void;
}

let compiled: object | undefined;
let memory: SharedMemory | undefined;
let instance: KernelExports | undefined;

/** The thread's kernels on a memory of at least `bytes` bytes (a new memory, empty, when the last one is smaller). */
export function logisticKernels(bytes: number): { memory: SharedMemory; exports: KernelExports } {
  if (!memory || !instance || memory.buffer.byteLength < bytes) {
    compiled ??= new wasmApi.Module(moduleBytes([margins(), gradient(), scale(), gram(), cross(), pairs()]));
    const pages = Math.max(1, Math.ceil(bytes / 65536));
    memory = new wasmApi.Memory({ initial: pages, maximum: pages, shared: true });
    instance = new wasmApi.Instance(compiled, { env: { memory } }).exports as KernelExports;
  }
  return { memory, exports: instance };
}
