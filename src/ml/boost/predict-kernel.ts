/**
 * The batch-prediction kernel: complete trees (complete-forest.ts) scored over column-major rows in one shared
 * WebAssembly memory, by a small module written here by hand and specialised for the forest's depth (levels unrolled).
 * Why WebAssembly: a fresh process runs a JavaScript loop in the interpreter until the JIT has compiled it (a cold
 * first batch took ~1.6x a warm one), while a wasm module is compiled when it is built — its baseline code is close
 * to optimised from the first row, and V8 tiers it up in the background on its own. Each row's margin is the base
 * plus every tree's leaf value in tree order, with the same comparisons (x > t, NaN → the node's missing side) as
 * the JavaScript walk, so the bits are those of the reference traversal.
 *
 * Memory layout of one call (byte addresses, see layoutFor): thresholds (f64), leaf values (f64), per node the
 * byte offset of its feature's column (i32), missing-goes-right flags (u8), margins (f64, one per row), then the
 * columns (f32 when every input column is float32, else f64), `stride` bytes apart.
 */

import type { Matrix } from '../matrix.js';
import type { CompleteForest } from './complete-forest.js';
import { F64, type FunctionDef, I32, s32, u32 } from './wasm-encoding.js';

/*
 * The kernel is built on a batch's first call, so its bytes are pushed into arrays by plain calls and loops: building
 * them from many small arrays and spreads, as wasm-encoding.ts does for the training kernels, cost 15–60 ms of cold
 * JavaScript here (more than scoring 10k rows).
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
const I32_LOAD = [0x28, 2, 0];
const I32_LOAD8_U = [0x2d, 0, 0];
const I32_STORE = [0x36, 2, 0];
const F32_LOAD = [0x2a, 2, 0];
const F64_LOAD = [0x2b, 3, 0];
const F64_STORE = [0x39, 3, 0];

const int = (c: number[], v: number) => {
  c.push(CONST);
  for (const b of s32(v)) c.push(b);
};
const push = (c: number[], ops: readonly number[]) => {
  for (const b of ops) c.push(b);
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
const LANES = 4;
/** Rows swept by each tree in turn: their column slices (~51 × 256 × 4 bytes) stay in L1/L2 while all trees run. */
const SWEEP = 256;

// score(from, to, nTrees, thrAt, leafAt, foAt, mrAt, outAt, colAt, base): margins of rows [from, to).
const P = { from: 0, to: 1, nTrees: 2, thrAt: 3, leafAt: 4, foAt: 5, mrAt: 6, outAt: 7, colAt: 8, base: 9 };
const L = { blk: 10, end: 11, k: 12, tb: 13, kk: 14, lk: 15, i: 16, a: 17, ra: 17 + LANES, x: 17 + 2 * LANES };

/** One level for lane r: a ← 2a + (1 − tb) + (x > t or (x is NaN and missing goes right)). */
function level(c: number[], r: number, f32: boolean): void {
  const a = L.a + r;
  const x = L.x + r;
  c.push(GET, P.foAt, GET, a, CONST, 2, SHL, ADD, ...I32_LOAD, GET, L.ra + r, ADD);
  push(c, f32 ? F32_LOAD : F64_LOAD);
  if (f32) c.push(F64_PROMOTE_F32);
  c.push(TEE, x, GET, P.thrAt, GET, a, CONST, 3, SHL, ADD, ...F64_LOAD, F64_GT);
  c.push(GET, x, GET, x, F64_NE, GET, P.mrAt, GET, a, ADD, ...I32_LOAD8_U, AND, OR);
  c.push(GET, a, GET, a, ADD, ADD, GET, L.kk, ADD, SET, a);
}

/** `lanes` rows from row i descend tree tb to a leaf, and out[i + r] += leaf[a_r + k − nInner]. */
function descend(c: number[], lanes: number, depth: number, f32: boolean): void {
  for (let r = 0; r < lanes; r++) {
    c.push(GET, L.tb, SET, L.a + r, GET, P.colAt, GET, L.i, CONST, r, ADD);
    int(c, f32 ? 4 : 8);
    c.push(MUL, ADD, SET, L.ra + r);
  }
  for (let d = 0; d < depth; d++) for (let r = 0; r < lanes; r++) level(c, r, f32);
  // The row address is no longer needed: it holds out's address for the add.
  for (let r = 0; r < lanes; r++) {
    c.push(GET, P.outAt, GET, L.i, CONST, r, ADD, CONST, 3, SHL, ADD, TEE, L.ra + r);
    c.push(GET, L.ra + r, ...F64_LOAD);
    c.push(GET, P.leafAt, GET, L.a + r, GET, L.lk, ADD, CONST, 3, SHL, ADD, ...F64_LOAD, F64_ADD, ...F64_STORE);
  }
}

function score(depth: number, f32: boolean): FunctionDef {
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
  c.push(GET, P.outAt, GET, L.i, CONST, 3, SHL, ADD, GET, P.base, ...F64_STORE);
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
  descend(c, LANES, depth, f32);
  increment(c, L.i, LANES);
  close(c);
  open(c); // the rest one by one
  exitWhenAtLeast(c, L.i, L.end);
  descend(c, 1, depth, f32);
  increment(c, L.i, 1);
  close(c);
  increment(c, L.k, 1);
  increment(c, L.tb, nInner);
  close(c);
  c.push(GET, L.end, SET, L.blk);
  close(c);
  return {
    name: f32 ? 'score32' : 'score64',
    params: [I32, I32, I32, I32, I32, I32, I32, I32, I32, F64],
    results: [],
    locals: [
      [7 + 2 * LANES, I32],
      [LANES, F64],
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
  c.push(GET, to, GET, at, ...I32_LOAD, GET, stride, MUL, ...I32_STORE);
  increment(c, at, 4);
  increment(c, to, 4);
  close(c);
  return { name: 'offsets', params: [I32, I32, I32, I32], results: [], locals: [[1, I32]], body: c };
}

const append = (c: number[], bytes: readonly number[]) => {
  for (let i = 0; i < bytes.length; i++) c.push(bytes[i]);
};
const section = (c: number[], id: number, body: number[]) => {
  c.push(id);
  append(c, u32(body.length));
  append(c, body);
};
const text = (c: number[], s: string) => {
  c.push(s.length);
  for (let i = 0; i < s.length; i++) c.push(s.charCodeAt(i));
};

/** The module: imports one shared memory as env.memory (any size up to 4 GiB), exports `functions` (§5.5). */
function moduleBytes(functions: FunctionDef[]): Uint8Array {
  const n = functions.length;
  const types = [n];
  for (const f of functions) {
    types.push(0x60, f.params.length);
    append(types, f.params);
    types.push(f.results.length);
    append(types, f.results);
  }
  const imports = [1];
  text(imports, 'env');
  text(imports, 'memory');
  imports.push(0x02, 0x03, 1);
  append(imports, u32(65536));
  const indices = [n];
  const exports = [n];
  const code = [n];
  functions.forEach((f, i) => {
    indices.push(i);
    text(exports, f.name);
    exports.push(0x00, i);
    const body = [f.locals.length];
    for (const [count, type] of f.locals) body.push(count, type);
    append(body, f.body);
    body.push(0x0b);
    append(code, u32(body.length));
    append(code, body);
  });
  const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  section(out, 1, types);
  section(out, 2, imports);
  section(out, 3, indices);
  section(out, 7, exports);
  section(out, 10, code);
  return Uint8Array.from(out);
}

/** The part of the WebAssembly JavaScript API used here (the project's lib settings carry no WebAssembly types). */
export interface GrowableMemory {
  readonly buffer: SharedArrayBuffer;
  grow(pages: number): number;
}
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Memory: new (descriptor: { initial: number; maximum: number; shared: true }) => GrowableMemory;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

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
  offsets(featAt: number, foAt: number, n: number, stride: number): void;
}

const modules = new Map<number, object>();

/** The compiled kernel module for trees of `depth` (built once per depth and thread; posted to the worker as is). */
function predictModule(depth: number): object {
  let m = modules.get(depth);
  if (m === undefined) {
    m = new wasmApi.Module(moduleBytes([score(depth, true), score(depth, false), offsets()]));
    modules.set(depth, m);
  }
  return m;
}

/** Largest row region a forest's memory grows to: larger batches go through it in segments of rows. */
const SEGMENT_BYTES = 32 * 2 ** 20;
const PAGE = 65536;

/**
 * One model's forest in its own shared memory, kept with the model: thresholds (f64), leaf values (f64), feature
 * indices (i32), per-node column offsets (i32, for the current row stride) and missing-goes-right flags (u8), then a
 * row region (margins, then the columns) that grows with the largest batch seen, up to SEGMENT_BYTES.
 */
export interface ForestMemory {
  module: object;
  memory: GrowableMemory;
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

/** Lays the complete forest out in a fresh memory (once per model). */
export function forestMemory(forest: CompleteForest): ForestMemory {
  const { nTrees, depth } = forest;
  const nNodes = nTrees * (2 ** depth - 1);
  const nLeaves = nTrees * 2 ** depth;
  const thrAt = 0;
  const leafAt = thrAt + nNodes * 8;
  const featAt = leafAt + nLeaves * 8;
  const foAt = featAt + nNodes * 4;
  const mrAt = foAt + nNodes * 4;
  const rowsAt = Math.ceil((mrAt + nNodes) / 8) * 8;
  const pages = Math.ceil(rowsAt / PAGE) + 1;
  const memory = new wasmApi.Memory({ initial: pages, maximum: pages + Math.ceil(SEGMENT_BYTES / PAGE), shared: true });
  const buf = memory.buffer;
  new Float64Array(buf, thrAt, nNodes).set(forest.threshold);
  new Float64Array(buf, leafAt, nLeaves).set(forest.leaf);
  new Int32Array(buf, featAt, nNodes).set(forest.feature);
  new Uint8Array(buf, mrAt, nNodes).set(forest.missingRight);
  const module = predictModule(depth);
  const kernel = new wasmApi.Instance(module, { env: { memory } }).exports as PredictKernel;
  return { module, memory, kernel, nTrees, nNodes, thrAt, leafAt, featAt, foAt, mrAt, rowsAt, stride: 0 };
}

/** Where one call's rows live in the forest's memory; `args` are score's arguments after (from, to). */
export interface PredictLayout {
  memory: GrowableMemory;
  f32: boolean;
  /** Rows the memory holds at once (a batch larger than this is scored in segments). */
  rows: number;
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
  return { memory: fm.memory, f32, rows, stride, colAt, outAt, args };
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

/** The margins of the segment's first `count` rows, as written by score. */
export const marginsOf = (layout: PredictLayout, count: number): Float64Array =>
  new Float64Array(layout.memory.buffer, layout.outAt, count);
