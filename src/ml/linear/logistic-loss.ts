/**
 * The weighted logistic loss and, on request, its gradient and Hessian, in blocks of rows: each block's sums are added
 * into the totals, which rounds far less than one running sum over every row.
 *
 * The work is split by what it needs: logisticPoint computes the loss and every row's gradient and Hessian weights at
 * β; logisticGradient and logisticHessian sum those into Xᵀr and XᵀWX. So a line search that rejects a point has paid
 * for its loss only, and a Hessian wanted later at a point already visited needs no new pass over the margins.
 * Indicator columns are summed over their rows only (logistic-layout.ts) and the loops run in WebAssembly
 * (logistic-kernel.ts); both give, bit for bit, the sums of the plain dense loops over every row: margins column by
 * column in the columns' order, dot products with four sums by row mod 4, each Hessian cell row by row.
 */

import type { Column } from '../matrix.js';
import { BLOCK, type KernelExports, logisticKernels, PAIR } from './logistic-kernel.js';
import { type ColumnLayout, columnLayout } from './logistic-layout.js';

/** The training rows as the solvers see them: columns, 0/1 labels and the effective (sample × class) weights. */
export interface LogisticData {
  columns: Column[];
  nRows: number;
  y: Uint8Array;
  weights: Float64Array;
}

/** The loss at one β, with each row's gradient weight rᵢ = wᵢ(pᵢ − yᵢ) and Hessian weight hᵢ = wᵢpᵢ(1 − pᵢ). */
export interface LogisticPoint {
  loss: number;
  r: Float64Array;
  h: Float64Array;
}

/** Stable log(1 + e^z). */
export function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/**
 * Weighted data loss Σ wᵢ·(log(1+e^zᵢ) − yᵢzᵢ) at β (coefficients, then the intercept at index p).
 * When `gradient` (length p+1) is given it is overwritten with ∂loss/∂β; when `hessian` ((p+1)², row-major)
 * is given its lower triangle is overwritten with ∂²loss/∂β² (the rest with 0). The penalty is the caller's business.
 */
export function logisticPass(data: LogisticData, beta: Float64Array, gradient?: Float64Array, hessian?: Float64Array): number {
  const point = logisticPoint(data, beta);
  if (gradient) logisticGradient(data, point, gradient);
  if (hessian) logisticHessian(data, point, hessian);
  return point.loss;
}

/**
 * The dense columns are held in the kernels' memory for a whole fit when they take at most `residentBytes` (else each
 * pass copies them in block by block). Tests lower it to run the copying path on small data.
 */
export const kernelMemory = { residentBytes: 128 * 2 ** 20 };

/** One fit's data in the thread's kernel memory: byte addresses, see logistic-kernel.ts. */
interface Session {
  data: LogisticData;
  layout: ColumnLayout;
  wasm: KernelExports;
  f64: Float64Array;
  i32: Int32Array;
  /** Dense columns with the intercept, and padded to a multiple of 16. */
  nd: number;
  dpad: number;
  ns: number;
  /** Whether X holds every row (else one block, copied on each pass). */
  resident: boolean;
  stride: number;
  sbStride: number;
  at: Record<
    | 'x'
    | 'x2'
    | 'sb'
    | 'rowStarts'
    | 'rowSparse'
    | 'r'
    | 'h'
    | 'z'
    | 'prog'
    | 't'
    | 'tr'
    | 'd'
    | 's'
    | 'gd'
    | 'gs'
    | 'acc'
    | 'both',
    number
  >;
}

/** Sessions by data (held weakly: a finished fit's data is not kept alive), and the one the memory holds now. */
const sessions = new WeakMap<LogisticData, Session & { id: number }>();
let current = 0;

/** The kernels' memory set up for `data` (as it is when the thread's last session was for this data). */
function sessionOf(data: LogisticData): Session {
  const known = sessions.get(data);
  if (known && known.id === current && known.f64.buffer === logisticKernels(0).memory.buffer) return known;
  const layout = columnLayout(data);
  const { columns, nRows: n } = data;
  const nBlocks = Math.ceil(n / BLOCK);
  const nPad = nBlocks * BLOCK;
  const nd = layout.dense.length + 1;
  const dpad = Math.ceil(nd / 16) * 16;
  const ns = layout.sparse.length;
  const resident = dpad * nPad * 8 <= kernelMemory.residentBytes;
  // Columns a cache line further apart than their rows need: strides of a multiple of 4 KiB would put the rows the
  // kernels read together from neighbouring columns into one set of the L1 cache.
  const colLen = (resident ? nPad : BLOCK) + 8;
  let top = 0;
  const take = (bytes: number) => {
    const at = top;
    top += Math.ceil(bytes / 64) * 64;
    return at;
  };
  const at = {
    x: take(dpad * colLen * 8),
    rows: take(layout.rows.length * 4),
    sb: take(ns * (nBlocks + 1) * 4),
    rowStarts: take((n + 1) * 4),
    rowSparse: take(layout.rowSparse.length * 4),
    r: take(nPad * 8),
    h: take(nPad * 8),
    z: take(BLOCK * 8),
    prog: take(columns.length * 16),
    x2: take((dpad / 2) * PAIR),
    t: take((dpad / 2) * PAIR),
    tr: take(dpad * BLOCK * 8),
    d: take(dpad * dpad * 8),
    s: take(ns * dpad * 8),
    gd: take(dpad * 8),
    gs: take(ns * 8),
    acc: take(ns * ns * 8),
    both: take(ns * ns * 8),
  };
  const { memory, exports: wasm } = logisticKernels(top);
  const f64 = new Float64Array(memory.buffer);
  const i32 = new Int32Array(memory.buffer);
  const X = at.x / 8;
  f64.fill(0, X, X + dpad * colLen);
  f64.fill(1, X + (nd - 1) * colLen, X + nd * colLen); // the intercept's column of ones
  if (resident) for (let c = 0; c < nd - 1; c++) f64.set(columns[layout.dense[c]], X + c * colLen);
  i32.set(layout.rows, at.rows / 4);
  i32.set(layout.rowStarts, at.rowStarts / 4);
  i32.set(layout.rowSparse, at.rowSparse / 4);
  // Where each block starts in each indicator's rows (byte addresses).
  for (let s = 0; s < ns; s++) {
    let e = layout.starts[s];
    for (let b = 0; b <= nBlocks; b++) {
      while (e < layout.starts[s + 1] && layout.rows[e] < b * BLOCK) e++;
      i32[at.sb / 4 + s * (nBlocks + 1) + b] = at.rows + e * 4;
    }
  }
  const session = { data, layout, wasm, f64, i32, nd, dpad, ns, resident, stride: colLen * 8, sbStride: (nBlocks + 1) * 4, at };
  sessions.set(data, { ...session, id: ++current });
  return session;
}

/** Byte address of block [i0, i0 + b)'s dense columns (copied in first unless every row is held). */
function blockColumns(se: Session, i0: number, b: number): number {
  if (se.resident) return se.at.x + i0 * 8;
  const { columns } = se.data;
  se.layout.dense.forEach((j, c) => {
    const col = columns[j];
    se.f64.set(col.subarray(i0, i0 + b), se.at.x / 8 + (c * se.stride) / 8);
  });
  return se.at.x;
}

/** The loss at β and the rows' gradient and Hessian weights. */
export function logisticPoint(data: LogisticData, beta: Float64Array): LogisticPoint {
  const { columns, nRows: n, y, weights } = data;
  const se = sessionOf(data);
  const { f64, i32, at, wasm, layout } = se;
  const p = columns.length;
  // The margins' program: every column with a non-zero coefficient, in order (a zero coefficient adds nothing).
  let nProg = 0;
  for (let j = 0; j < p; j++) {
    if (beta[j] === 0) continue;
    i32[at.prog / 4 + 4 * nProg] = layout.slot[j];
    f64[at.prog / 8 + 2 * nProg + 1] = beta[j];
    nProg++;
  }
  const r = new Float64Array(n);
  const h = new Float64Array(n);
  const Z = at.z / 8;
  let loss = 0;
  for (let i0 = 0, blk = 0; i0 < n; i0 += BLOCK, blk++) {
    const b = Math.min(BLOCK, n - i0);
    f64.fill(beta[p], Z, Z + b);
    wasm.margins(blockColumns(se, i0, b), se.stride, at.z, at.prog, nProg, b, at.sb + blk * 4, se.sbStride, i0);
    let blockLoss = 0;
    for (let k = 0; k < b; k++) {
      const zk = f64[Z + k];
      const wk = weights[i0 + k];
      const yk = y[i0 + k];
      // One exponential serves both log(1 + e^z) and the probability.
      const e = Math.exp(-Math.abs(zk));
      const pk = zk >= 0 ? 1 / (1 + e) : e / (1 + e);
      blockLoss += wk * (Math.max(zk, 0) + Math.log1p(e) - yk * zk);
      r[i0 + k] = wk * (pk - yk);
      h[i0 + k] = wk * pk * (1 - pk);
    }
    loss += blockLoss;
  }
  return { loss, r, h };
}

/** Overwrites `gradient` (length p+1) with Σᵢ rᵢ·(xᵢ, 1). */
export function logisticGradient(data: LogisticData, point: LogisticPoint, gradient: Float64Array): void {
  const n = data.nRows;
  const p = data.columns.length;
  const se = sessionOf(data);
  const { f64, at, wasm, layout, nd, ns } = se;
  f64.set(point.r, at.r / 8);
  f64.fill(0, at.gd / 8, at.gd / 8 + nd);
  f64.fill(0, at.gs / 8, at.gs / 8 + ns);
  for (let i0 = 0, blk = 0; i0 < n; i0 += BLOCK, blk++) {
    const b = Math.min(BLOCK, n - i0);
    const x = blockColumns(se, i0, b);
    wasm.gradient(x, se.stride, at.r + i0 * 8, nd - 1, at.gd, b, at.sb + blk * 4, se.sbStride, i0, ns, at.gs);
  }
  layout.dense.forEach((j, c) => {
    gradient[j] = f64[at.gd / 8 + c];
  });
  layout.sparse.forEach((j, s) => {
    gradient[j] = f64[at.gs / 8 + s];
  });
  gradient[p] = f64[at.gd / 8 + nd - 1];
}

/**
 * Overwrites the lower triangle of `hessian` ((p+1)², row-major) with Σᵢ hᵢ·x̃ᵢx̃ᵢᵀ, x̃ = (x, 1), and the rest with 0.
 * Cell (j, l), j ≥ l, is Σ over blocks of Σₖ (hₖ·xⱼₖ)·xₗₖ: dense pairs by the kernels' gram (the intercept as a
 * dense column of ones, last), a dense column and an indicator by cross (Σ of hₖ·xⱼₖ over the indicator's rows),
 * two indicators by pairs (Σ of hₖ over the rows where both are 1).
 */
export function logisticHessian(data: LogisticData, point: LogisticPoint, hessian: Float64Array): void {
  const { columns, nRows: n } = data;
  const se = sessionOf(data);
  const { f64, at, wasm, layout, nd, dpad, ns } = se;
  const { dense, sparse } = layout;
  const p = columns.length;
  const m = p + 1;
  const D = at.d / 8;
  const S = at.s / 8;
  f64.set(point.h, at.h / 8);
  f64.fill(0, D, D + dpad * dpad);
  f64.fill(0, S, S + ns * dpad);
  f64.fill(0, at.acc / 8, at.acc / 8 + ns * ns);
  f64.fill(0, at.both / 8, at.both / 8 + ns * ns);
  for (let i0 = 0, blk = 0; i0 < n; i0 += BLOCK, blk++) {
    const b = Math.min(BLOCK, n - i0);
    const x = blockColumns(se, i0, b);
    wasm.scale(x, se.stride, at.h + i0 * 8, at.x2, at.t, at.tr, dpad / 2, b, dpad * 8);
    wasm.gram(at.x2, at.t, at.d, dpad / 8, b, dpad * 16);
    if (ns === 0) continue;
    wasm.cross(at.tr, at.s, ns, dpad / 16, dpad * 8, at.sb + blk * 4, se.sbStride, i0);
    wasm.pairs(at.h + i0 * 8, at.rowStarts, at.rowSparse, ns, at.acc, at.both, b, i0);
  }
  hessian.fill(0);
  const original = (c: number) => (c < dense.length ? dense[c] : p);
  for (let rr = 0; rr < nd; rr++) {
    const row = original(rr) * m;
    const from = D + (rr >> 1) * 2 * dpad + (rr & 1);
    for (let c = 0; c <= rr; c++) hessian[row + original(c)] = f64[from + 2 * c];
  }
  for (let s = 0; s < ns; s++) {
    const js = sparse[s];
    for (let c = 0; c < nd; c++) {
      const jd = original(c);
      hessian[jd > js ? jd * m + js : js * m + jd] = f64[S + s * dpad + c];
    }
    for (let c = 0; c <= s; c++) hessian[js * m + sparse[c]] = f64[at.both / 8 + s * ns + c];
  }
}
