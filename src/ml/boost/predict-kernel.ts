/**
 * Batch prediction in WebAssembly: each model's trees are laid out, once, as complete binary trees in a shared
 * memory of their own (forestMemory), and a small module written here by hand, specialised for the forest's depth
 * (levels unrolled, eight rows descending together), scores column-major rows copied into that memory.
 * Why WebAssembly: a fresh process runs JavaScript loops in the interpreter until the JIT has compiled them (a cold
 * first batch took ~1.6x a warm one), while a wasm module is compiled when it is built — its baseline code is close
 * to optimised from the first row, and V8 tiers it up in the background between calls. Each row's margin is the base
 * plus every tree's leaf value in tree order, with the same comparisons (x > t, NaN → the node's missing side) as
 * the node-by-node walk, so the bits are those of the reference traversal.
 */

import type { Matrix } from '../matrix.js';
import type { FlatTree } from '../tree/flat-tree.js';
import { F64, type FunctionDef, I32, moduleBytes, type SharedMemory, s32, wasmApi } from './wasm-encoding.js';

/*
 * The kernel is built on a batch's first call, so its bytes are pushed into arrays by plain calls and loops (building
 * them from many small arrays and spreads cost 15–60 ms of cold JavaScript here, more than scoring 10k rows).
 * Opcodes: WebAssembly core specification 2.0, §5.4; memory instructions take (alignment log2, offset 0).
 */
const GET = 0x20;
const SET = 0x21;
const TEE = 0x22;
const CONST = 0x41;
const ADD = 0x6a;
const SUB = 0x6b;
const MUL = 0x6c;
const AND = 0x71;
const OR = 0x72;
const SHL = 0x74;
const LT_U = 0x49;
const GT_U = 0x4b;
const GE_U = 0x4f;
const SELECT = 0x1b;
const F64_NE = 0x62;
const F64_GT = 0x64;
const F64_ADD = 0xa0;
const F64_PROMOTE_F32 = 0xbb;
const EQ = 0x46;
const NE = 0x47;
const GT_S = 0x4a;
const F64_CONST = 0x44;
// Memory instructions, each followed by its memarg: alignment (log2 of the access size) and a static offset.
const I32_LOAD = 0x28;
const I32_LOAD8_U = 0x2d;
const I32_STORE = 0x36;
const F32_LOAD = 0x2a;
const F64_LOAD = 0x2b;
const F64_STORE = 0x39;
const U8_STORE = 0x3a;

const int = (c: number[], v: number) => {
  c.push(CONST);
  for (const b of s32(v)) c.push(b);
};
/** block { loop { … } }: br_if 1 leaves, br 0 repeats. */
const open = (c: number[]) => c.push(0x02, 0x40, 0x03, 0x40);
const close = (c: number[]) => c.push(0x0c, 0, 0x0b, 0x0b);
/** Leaves the enclosing block/loop pair when local `l` ≥ local `limit`. */
const exitWhenAtLeast = (c: number[], l: number, limit: number) => c.push(GET, l, GET, limit, GE_U, 0x0d, 1);
const increment = (c: number[], l: number, by: number) => {
  c.push(GET, l);
  int(c, by);
  c.push(ADD, SET, l);
};

/** Rows that descend together: their chains of dependent loads overlap in the CPU. */
const LANES = 8;
/** Rows swept by each tree in turn: their column slices (~51 × 256 × 4 bytes) stay in L1/L2 while all trees run. */
const SWEEP = 256;

// score(from, to, nTrees, thrAt, leafAt, foAt, mrAt, outAt, colAt, base): margins of rows [from, to).
const P = { from: 0, to: 1, nTrees: 2, thrAt: 3, leafAt: 4, foAt: 5, mrAt: 6, outAt: 7, colAt: 8, base: 9 };
const L = { blk: 10, end: 11, k: 12, tb: 13, kk: 14, lk: 15, i: 16, a: 17, ra: 17 + LANES, x: 17 + 2 * LANES };

/** One level for lane r: a ← 2a + (1 − tb) + (x > t or (x is NaN and missing goes right)). */
function level(c: number[], r: number, f32: boolean, dense: boolean): void {
  const a = L.a + r;
  const x = L.x + r;
  c.push(GET, P.foAt, GET, a, CONST, 2, SHL, ADD, I32_LOAD, 2, 0, GET, L.ra + r, ADD);
  c.push(f32 ? F32_LOAD : F64_LOAD, f32 ? 2 : 3, 0);
  if (f32) c.push(F64_PROMOTE_F32);
  c.push(TEE, x, GET, P.thrAt, GET, a, CONST, 3, SHL, ADD, F64_LOAD, 3, 0, F64_GT);
  if (!dense) c.push(GET, x, GET, x, F64_NE, GET, P.mrAt, GET, a, ADD, I32_LOAD8_U, 0, 0, AND, OR);
  c.push(GET, a, GET, a, ADD, ADD, GET, L.kk, ADD, SET, a);
}

/** `lanes` rows from row i descend tree tb to a leaf, and out[i + r] += leaf[a_r + k − nInner]. */
function descend(c: number[], lanes: number, depth: number, f32: boolean, dense: boolean): void {
  for (let r = 0; r < lanes; r++) {
    c.push(GET, L.tb, SET, L.a + r, GET, P.colAt, GET, L.i, CONST, r, ADD);
    int(c, f32 ? 4 : 8);
    c.push(MUL, ADD, SET, L.ra + r);
  }
  for (let d = 0; d < depth; d++) for (let r = 0; r < lanes; r++) level(c, r, f32, dense);
  // The row address is no longer needed: it holds out's address for the add.
  for (let r = 0; r < lanes; r++) {
    c.push(GET, P.outAt, GET, L.i, CONST, r, ADD, CONST, 3, SHL, ADD, TEE, L.ra + r);
    c.push(GET, L.ra + r, F64_LOAD, 3, 0);
    c.push(GET, P.leafAt, GET, L.a + r, GET, L.lk, ADD, CONST, 3, SHL, ADD, F64_LOAD, 3, 0, F64_ADD, F64_STORE, 3, 0);
  }
}

function score(depth: number, f32: boolean, dense: boolean): FunctionDef {
  const nInner = 2 ** depth - 1;
  const c: number[] = [GET, P.from, SET, L.blk];
  open(c); // rows in sweeps of SWEEP
  exitWhenAtLeast(c, L.blk, P.to);
  c.push(GET, L.blk);
  int(c, SWEEP);
  c.push(ADD, TEE, L.end, GET, P.to, GET, L.end, GET, P.to, LT_U, SELECT, SET, L.end);
  c.push(GET, L.blk, SET, L.i);
  open(c); // out[i] = base
  exitWhenAtLeast(c, L.i, L.end);
  c.push(GET, P.outAt, GET, L.i, CONST, 3, SHL, ADD, GET, P.base, F64_STORE, 3, 0);
  increment(c, L.i, 1);
  close(c);
  c.push(CONST, 0, SET, L.k, CONST, 0, SET, L.tb);
  open(c); // trees in order
  exitWhenAtLeast(c, L.k, P.nTrees);
  c.push(CONST, 1, GET, L.tb, SUB, SET, L.kk, GET, L.k);
  int(c, nInner);
  c.push(SUB, SET, L.lk, GET, L.blk, SET, L.i);
  open(c); // LANES rows at a time
  c.push(GET, L.i, CONST, LANES, ADD, GET, L.end, GT_U, 0x0d, 1);
  descend(c, LANES, depth, f32, dense);
  increment(c, L.i, LANES);
  close(c);
  open(c); // the rest one by one
  exitWhenAtLeast(c, L.i, L.end);
  descend(c, 1, depth, f32, dense);
  increment(c, L.i, 1);
  close(c);
  increment(c, L.k, 1);
  increment(c, L.tb, nInner);
  close(c);
  c.push(GET, L.end, SET, L.blk);
  close(c);
  return {
    name: (f32 ? 'score32' : 'score64') + (dense ? 'dense' : ''),
    params: [I32, I32, I32, I32, I32, I32, I32, I32, I32, F64],
    results: [],
    locals: [
      [7 + 2 * LANES, I32],
      [LANES, F64],
    ],
    body: c,
  };
}

/**
 * missing32 / missing64(colAt, stride, nF, from, to) → 1 when rows [from, to) of any column hold a NaN: chunks
 * without one are scored by the dense variant, which skips the missing-direction test (~30 % faster).
 */
function missing(f32: boolean): FunctionDef {
  const [colAt, stride, nF, from, to, f, p, end] = [0, 1, 2, 3, 4, 5, 6, 7];
  const shift = f32 ? 2 : 3;
  const c: number[] = [];
  open(c);
  exitWhenAtLeast(c, f, nF);
  c.push(GET, colAt, GET, f, GET, stride, MUL, ADD, TEE, p, GET, to, CONST, shift, SHL, ADD, SET, end);
  c.push(GET, p, GET, from, CONST, shift, SHL, ADD, SET, p);
  open(c);
  exitWhenAtLeast(c, p, end);
  c.push(GET, p);
  c.push(f32 ? F32_LOAD : F64_LOAD, f32 ? 2 : 3, 0);
  if (f32) c.push(F64_PROMOTE_F32);
  c.push(TEE, 8, GET, 8, F64_NE, 0x04, 0x40, CONST, 1, 0x0f, 0x0b); // NaN ≠ NaN: return 1
  increment(c, p, f32 ? 4 : 8);
  close(c);
  increment(c, f, 1);
  close(c);
  c.push(CONST, 0);
  return {
    name: f32 ? 'missing32' : 'missing64',
    params: [I32, I32, I32, I32, I32],
    results: [I32],
    locals: [
      [3, I32],
      [1, F64],
    ],
    body: c,
  };
}

/** offsets(featAt, foAt, n, stride): fo[j] = feature[j] · stride, the byte offset of node j's column. */
function offsets(): FunctionDef {
  const [at, to, n, stride, end] = [0, 1, 2, 3, 4];
  const c: number[] = [GET, at, GET, n, CONST, 2, SHL, ADD, SET, end];
  open(c);
  exitWhenAtLeast(c, at, end);
  c.push(GET, to, GET, at, I32_LOAD, 2, 0, GET, stride, MUL, I32_STORE, 2, 0);
  increment(c, at, 4);
  increment(c, to, 4);
  close(c);
  return { name: 'offsets', params: [I32, I32, I32, I32], results: [], locals: [[1, I32]], body: c };
}

/** c ← address of element `index` (a local) of the array at local `base`, `shift` = log2 of its element size. */
const addr = (c: number[], base: number, index: number, shift: number) => {
  c.push(GET, base, GET, index);
  if (shift > 0) c.push(CONST, shift, SHL);
  c.push(ADD);
};

/**
 * depth(nTrees, startsAt, featAt, leftAt, rightAt, queueAt) → the deepest leaf of any tree (root alone = 0), by a
 * breadth-first walk of each tree (node indices are tree-local; tree k's nodes start at starts[k]).
 */
function depthOf(): FunctionDef {
  const [nTrees, startsAt, featAt, leftAt, rightAt, queueAt] = [0, 1, 2, 3, 4, 5];
  const [k, s, head, tail, n, d, max, q, child] = [6, 7, 8, 9, 10, 11, 12, 13, 14];
  const c: number[] = [];
  const enqueue = (side: number) => {
    // queue[tail] = (s + side[n], d + 1)
    c.push(GET, queueAt, GET, tail, CONST, 3, SHL, ADD, SET, q, GET, s);
    addr(c, side, n, 2);
    c.push(I32_LOAD, 2, 0, ADD, SET, child, GET, q, GET, child, I32_STORE, 2, 0);
    c.push(GET, q, GET, d, CONST, 1, ADD, I32_STORE, 2, 4);
    increment(c, tail, 1);
  };
  open(c);
  exitWhenAtLeast(c, k, nTrees);
  addr(c, startsAt, k, 2);
  c.push(I32_LOAD, 2, 0, SET, s, GET, queueAt, GET, s, I32_STORE, 2, 0, GET, queueAt, CONST, 0, I32_STORE, 2, 4);
  c.push(CONST, 0, SET, head, CONST, 1, SET, tail);
  open(c);
  exitWhenAtLeast(c, head, tail);
  c.push(GET, queueAt, GET, head, CONST, 3, SHL, ADD, TEE, q, I32_LOAD, 2, 0, SET, n, GET, q, I32_LOAD, 2, 4, SET, d);
  increment(c, head, 1);
  addr(c, featAt, n, 2);
  c.push(I32_LOAD, 2, 0, CONST, 0x7f, EQ, 0x04, 0x40); // if leaf: max = max(max, d)
  c.push(GET, d, GET, max, GET, d, GET, max, GT_S, SELECT, SET, max);
  c.push(0x05); // else: both children, one level down
  enqueue(leftAt);
  enqueue(rightAt);
  c.push(0x0b);
  close(c);
  increment(c, k, 1);
  close(c);
  c.push(GET, max);
  return { name: 'depth', params: [I32, I32, I32, I32, I32, I32], results: [I32], locals: [[9, I32]], body: c };
}

/**
 * complete(nTrees, depth, startsAt, featAt, thrAt, leftAt, rightAt, mlAt, valAt, srcAt, outThr, outLeaf, outFeat,
 * outMr): lays every tree out as a complete tree of `depth` levels in heap order (children 2·dst + 1, 2·dst + 2).
 * src[dst] is the node position dst stands for; a leaf above the last level is padded with always-left nodes
 * (threshold +Infinity, missing left) ending in copies of its value.
 */
function complete(): FunctionDef {
  const [nTrees, depth, startsAt, featAt, thrAt, leftAt, rightAt, mlAt, valAt, srcAt] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const [outThr, outLeaf, outFeat, outMr] = [10, 11, 12, 13];
  const [k, s, nInner, dst, n, f, at, j, sa] = [14, 15, 16, 17, 18, 19, 20, 21, 22];
  const c: number[] = [CONST, 1, GET, depth, SHL, CONST, 1, SUB, SET, nInner];
  open(c);
  exitWhenAtLeast(c, k, nTrees);
  addr(c, startsAt, k, 2);
  c.push(I32_LOAD, 2, 0, SET, s, GET, srcAt, GET, s, I32_STORE, 2, 0);
  c.push(GET, k, GET, nInner, MUL, SET, at, CONST, 0, SET, dst);
  open(c);
  exitWhenAtLeast(c, dst, nInner);
  addr(c, srcAt, dst, 2);
  c.push(I32_LOAD, 2, 0, SET, n);
  addr(c, featAt, n, 2);
  c.push(I32_LOAD, 2, 0, TEE, f, CONST, 0x7f, EQ, 0x04, 0x40);
  // padding: feature 0, +Infinity, missing left; both children stand for the same leaf
  c.push(
    GET,
    outThr,
    GET,
    at,
    GET,
    dst,
    ADD,
    CONST,
    3,
    SHL,
    ADD,
    F64_CONST,
    0,
    0,
    0,
    0,
    0,
    0,
    0xf0,
    0x7f, // +Infinity
    F64_STORE,
    3,
    0,
  );
  c.push(GET, srcAt, GET, dst, CONST, 3, SHL, ADD, TEE, sa, GET, n, I32_STORE, 2, 4, GET, sa, GET, n, I32_STORE, 2, 8);
  c.push(0x05);
  c.push(GET, outFeat, GET, at, GET, dst, ADD, CONST, 2, SHL, ADD, GET, f, I32_STORE, 2, 0);
  c.push(GET, outThr, GET, at, GET, dst, ADD, CONST, 3, SHL, ADD);
  addr(c, thrAt, n, 3);
  c.push(F64_LOAD, 3, 0, F64_STORE, 3, 0);
  c.push(GET, outMr, GET, at, GET, dst, ADD, ADD);
  addr(c, mlAt, n, 0);
  c.push(I32_LOAD8_U, 0, 0, CONST, 1, NE, U8_STORE, 0, 0);
  c.push(GET, srcAt, GET, dst, CONST, 3, SHL, ADD, TEE, sa, GET, s);
  addr(c, leftAt, n, 2);
  c.push(I32_LOAD, 2, 0, ADD, I32_STORE, 2, 4, GET, sa, GET, s);
  addr(c, rightAt, n, 2);
  c.push(I32_LOAD, 2, 0, ADD, I32_STORE, 2, 8);
  c.push(0x0b);
  increment(c, dst, 1);
  close(c);
  // leaves: outLeaf[k·(nInner + 1) + j] = value[src[nInner + j]]
  c.push(CONST, 0, SET, j);
  open(c);
  c.push(GET, j, GET, nInner, GT_U, 0x0d, 1);
  c.push(GET, outLeaf, GET, at, GET, k, ADD, GET, j, ADD, CONST, 3, SHL, ADD);
  c.push(GET, valAt, GET, srcAt, GET, nInner, GET, j, ADD, CONST, 2, SHL, ADD, I32_LOAD, 2, 0, CONST, 3, SHL, ADD);
  c.push(F64_LOAD, 3, 0, F64_STORE, 3, 0);
  increment(c, j, 1);
  close(c);
  increment(c, k, 1);
  close(c);
  const params: number[] = new Array(14).fill(I32);
  return { name: 'complete', params, results: [], locals: [[9, I32]], body: c };
}

type Score = (
  from: number,
  to: number,
  nTrees: number,
  thrAt: number,
  leafAt: number,
  foAt: number,
  mrAt: number,
  outAt: number,
  colAt: number,
  base: number,
) => void;

/** The exports of one instance. */
export interface PredictKernel {
  score32: Score;
  score64: Score;
  score32dense: Score;
  score64dense: Score;
  missing32(colAt: number, stride: number, nF: number, from: number, to: number): number;
  missing64(colAt: number, stride: number, nF: number, from: number, to: number): number;
  offsets(featAt: number, foAt: number, n: number, stride: number): void;
}

const modules = new Map<number, object>();

/** The compiled kernel module for trees of `depth` (built once per depth and thread; posted to the worker as is). */
function predictModule(depth: number): object {
  let m = modules.get(depth);
  if (m === undefined) {
    m = new wasmApi.Module(
      moduleBytes([
        score(depth, true, false),
        score(depth, false, false),
        score(depth, true, true),
        score(depth, false, true),
        missing(true),
        missing(false),
        offsets(),
      ]),
    );
    modules.set(depth, m);
  }
  return m;
}

/** Largest row region a forest's memory grows to: larger batches go through it in segments of rows. */
const SEGMENT_BYTES = 32 * 2 ** 20;
const PAGE = 65536;

/**
 * One model's forest in its own shared memory, kept with the model: the trees as given (flat arrays, used once to
 * lay the forest out), then the complete forest — thresholds (f64), leaf values (f64), feature indices (i32),
 * per-node column offsets (i32, for the current row stride), missing-goes-right flags (u8) — then a row region
 * (margins, then the columns) that grows with the largest batch seen, up to SEGMENT_BYTES.
 */
export interface ForestMemory {
  module: object;
  memory: SharedMemory;
  kernel: PredictKernel;
  nTrees: number;
  nNodes: number;
  thrAt: number;
  leafAt: number;
  featAt: number;
  foAt: number;
  mrAt: number;
  /** Start of the row region. */
  rowsAt: number;
  /** Bytes between two columns that fo currently holds (0 = not computed). */
  stride: number;
}

/** Trees up to this depth are laid out as complete trees (2^depth leaves each); deeper trees are walked. */
export const MAX_COMPLETE_DEPTH = 10;

let layoutModule: object | undefined;

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/**
 * Copies the trees into a fresh memory and lays them out there as complete trees of the ensemble's largest depth,
 * in WebAssembly: the same walk in JavaScript cost ~20 ms of interpreted code on a cold first batch of 300 trees.
 * Null when the trees are too deep for the complete layout to pay.
 */
export function forestMemory(trees: readonly FlatTree[]): ForestMemory | null {
  const nTrees = trees.length;
  let total = 0;
  let widest = 1;
  for (const t of trees) {
    total += t.feature.length;
    widest = Math.max(widest, t.feature.length);
  }
  const inThr = 0;
  const inVal = inThr + total * 8;
  const inFeat = inVal + total * 8;
  const inLeft = inFeat + total * 4;
  const inRight = inLeft + total * 4;
  const startsAt = inRight + total * 4;
  const queueAt = startsAt + (nTrees + 1) * 4;
  const inMl = queueAt + widest * 8;
  const forestAt = align8(inMl + total);
  const maxForest = nTrees * ((2 ** MAX_COMPLETE_DEPTH - 1) * 17 + 2 ** MAX_COMPLETE_DEPTH * 12) + 64;
  const memory = new wasmApi.Memory({
    initial: Math.ceil(forestAt / PAGE) + 1,
    maximum: Math.ceil((forestAt + maxForest + SEGMENT_BYTES) / PAGE) + 2,
    shared: true,
  });
  let buf = memory.buffer;
  const thr = new Float64Array(buf, inThr, total);
  const val = new Float64Array(buf, inVal, total);
  const feat = new Int32Array(buf, inFeat, total);
  const left = new Int32Array(buf, inLeft, total);
  const right = new Int32Array(buf, inRight, total);
  const starts = new Int32Array(buf, startsAt, nTrees + 1);
  const ml = new Uint8Array(buf, inMl, total);
  let at = 0;
  for (let k = 0; k < nTrees; k++) {
    const t = trees[k];
    starts[k] = at;
    thr.set(t.threshold, at);
    val.set(t.value, at);
    feat.set(t.feature, at);
    left.set(t.left, at);
    right.set(t.right, at);
    ml.set(t.missingLeft, at);
    at += t.feature.length;
  }
  layoutModule ??= new wasmApi.Module(moduleBytes([depthOf(), complete()]));
  const lay = new wasmApi.Instance(layoutModule, { env: { memory } }).exports as {
    depth(...args: number[]): number;
    complete(...args: number[]): void;
  };
  const depth = lay.depth(nTrees, startsAt, inFeat, inLeft, inRight, queueAt);
  if (depth > MAX_COMPLETE_DEPTH) return null;
  const nNodes = nTrees * (2 ** depth - 1);
  const nLeaves = nTrees * 2 ** depth;
  const thrAt = forestAt;
  const leafAt = thrAt + nNodes * 8;
  const featAt = leafAt + nLeaves * 8;
  const foAt = featAt + nNodes * 4;
  const srcAt = foAt + nNodes * 4;
  const mrAt = srcAt + 2 ** (depth + 1) * 4;
  const rowsAt = align8(mrAt + nNodes);
  const pages = Math.ceil(rowsAt / PAGE) + 1;
  const have = buf.byteLength / PAGE;
  if (pages > have) memory.grow(pages - have);
  buf = memory.buffer;
  lay.complete(nTrees, depth, startsAt, inFeat, inThr, inLeft, inRight, inMl, inVal, srcAt, thrAt, leafAt, featAt, mrAt);
  const module = predictModule(depth);
  const kernel = new wasmApi.Instance(module, { env: { memory } }).exports as PredictKernel;
  return { module, memory, kernel, nTrees, nNodes, thrAt, leafAt, featAt, foAt, mrAt, rowsAt, stride: 0 };
}

/** Where one call's rows live in the forest's memory; `args` are score's arguments after (from, to). */
export interface PredictLayout {
  memory: SharedMemory;
  f32: boolean;
  /** Rows the memory holds at once (a batch larger than this is scored in segments). */
  rows: number;
  nF: number;
  stride: number;
  colAt: number;
  outAt: number;
  /** nTrees, thrAt, leafAt, foAt, mrAt, outAt, colAt. */
  args: [number, number, number, number, number, number, number];
}

/**
 * Makes room in the forest's memory for min(nRows, a segment) rows of X (columns f32 when every column of X is
 * float32, else f64) and points the nodes at their columns for that stride.
 */
export function layoutFor(fm: ForestMemory, X: Matrix): PredictLayout {
  const nF = X.columns.length;
  const f32 = X.columns.every((c) => c instanceof Float32Array);
  const es = f32 ? 4 : 8;
  const rows = Math.max(1, Math.min(X.nRows, Math.floor(SEGMENT_BYTES / (nF * es + 8))));
  const outAt = fm.rowsAt;
  const colAt = outAt + rows * 8;
  const stride = rows * es;
  const pages = Math.ceil((colAt + nF * stride) / PAGE);
  const have = fm.memory.buffer.byteLength / PAGE;
  if (pages > have) fm.memory.grow(pages - have);
  if (fm.stride !== stride) {
    fm.kernel.offsets(fm.featAt, fm.foAt, fm.nNodes, stride);
    fm.stride = stride;
  }
  const args: PredictLayout['args'] = [fm.nTrees, fm.thrAt, fm.leafAt, fm.foAt, fm.mrAt, outAt, colAt];
  return { memory: fm.memory, f32, rows, nF, stride, colAt, outAt, args };
}

/** Copies rows [from, from + count) of every column into the layout's column slots (one native copy each). */
export function loadRows(layout: PredictLayout, X: Matrix, from: number, count: number): void {
  const per = layout.stride / (layout.f32 ? 4 : 8);
  const n = X.columns.length * per;
  const buf = layout.memory.buffer;
  const cols = layout.f32 ? new Float32Array(buf, layout.colAt, n) : new Float64Array(buf, layout.colAt, n);
  X.columns.forEach((c, f) => {
    cols.set(c.subarray(from, from + count), f * per);
  });
}

/** Scores rows [from, to) of the layout's segment: the dense variant when none of their values is missing. */
export function scoreChunk(k: PredictKernel, layout: PredictLayout, from: number, to: number, base: number): void {
  const [nTrees, thrAt, leafAt, foAt, mrAt, outAt, colAt] = layout.args;
  const { f32, stride, nF } = layout;
  const missing = f32 ? k.missing32(colAt, stride, nF, from, to) : k.missing64(colAt, stride, nF, from, to);
  const score = f32 ? (missing ? k.score32 : k.score32dense) : missing ? k.score64 : k.score64dense;
  score(from, to, nTrees, thrAt, leafAt, foAt, mrAt, outAt, colAt, base);
}

/** The margins of the segment's first `count` rows, as written by score. */
export const marginsOf = (layout: PredictLayout, count: number): Float64Array =>
  new Float64Array(layout.memory.buffer, layout.outAt, count);
