/**
 * The weighted logistic loss and, on request, its gradient and Hessian, in blocks of rows: each block's sums are added
 * into the totals, which rounds far less than one running sum over every row.
 *
 * The work is split by what it needs: logisticPoint computes the loss and every row's gradient and Hessian weights at
 * β; logisticGradient and logisticHessian sum those into Xᵀr and XᵀWX. So a line search that rejects a point has paid
 * for its loss only, and a Hessian wanted later at a point already visited needs no new pass over the margins.
 * Indicator columns are summed over their rows only (logistic-layout.ts) and the Hessian's dense part runs in
 * WebAssembly (hessian-kernel.ts); both give, bit for bit, the sums of the plain dense loops over every row.
 */

import type { Column } from '../matrix.js';
import { BLOCK, hessianKernel, PAIR } from './hessian-kernel.js';
import { columnLayout } from './logistic-layout.js';

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

/** The loss at β and the rows' gradient and Hessian weights. */
export function logisticPoint(data: LogisticData, beta: Float64Array): LogisticPoint {
  const { columns, nRows: n, y, weights } = data;
  const { slot, starts, rows } = columnLayout(data);
  const p = columns.length;
  const r = new Float64Array(n);
  const h = new Float64Array(n);
  const z = new Float64Array(BLOCK);
  const next = starts.slice(0, -1); // each indicator's first row not yet reached
  let loss = 0;
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    const b = Math.min(BLOCK, n - i0);
    const i1 = i0 + b;
    z.fill(beta[p], 0, b);
    // Column by column in the original order: each margin adds the same terms in the same order as x·β.
    for (let j = 0; j < p; j++) {
      const w = beta[j];
      const sl = slot[j];
      if (sl >= 0) {
        if (w === 0) continue;
        const col = columns[j];
        for (let k = 0; k < b; k++) z[k] += w * col[i0 + k];
      } else {
        const s = -1 - sl;
        const end = starts[s + 1];
        let e = next[s];
        if (w !== 0) for (; e < end && rows[e] < i1; e++) z[rows[e] - i0] += w;
        else while (e < end && rows[e] < i1) e++;
        next[s] = e;
      }
    }
    let blockLoss = 0;
    for (let k = 0; k < b; k++) {
      const zk = z[k];
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
  const { columns, nRows: n } = data;
  const { dense, sparse, starts, rows } = columnLayout(data);
  const p = columns.length;
  const r = point.r;
  gradient.fill(0);
  const next = starts.slice(0, -1);
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    const b = Math.min(BLOCK, n - i0);
    const i1 = i0 + b;
    for (let c = 0; c < dense.length; c++) gradient[dense[c]] += dot(r, columns[dense[c]], i0, b);
    // An indicator's dot product: the terms at its rows, into the accumulators the dense one gives them.
    const tail = i0 + (b & ~3);
    for (let s = 0; s < sparse.length; s++) {
      const end = starts[s + 1];
      let e = next[s];
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (; e < end && rows[e] < i1; e++) {
        const i = rows[e];
        const v = r[i];
        if (i >= tail) s0 += v;
        else {
          const lane = (i - i0) & 3;
          if (lane === 0) s0 += v;
          else if (lane === 1) s1 += v;
          else if (lane === 2) s2 += v;
          else s3 += v;
        }
      }
      next[s] = e;
      gradient[sparse[s]] += s0 + s1 + s2 + s3;
    }
    let s = 0;
    for (let k = i0; k < i1; k++) s += r[k];
    gradient[p] += s;
  }
}

/** Dot product of r and a column over rows i0 … i0+len−1, four accumulators (by row within the block) so the adds pipeline. */
function dot(r: Float64Array, col: Column, i0: number, len: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = i0;
  const end = i0 + len;
  for (; k + 3 < end; k += 4) {
    s0 += r[k] * col[k];
    s1 += r[k + 1] * col[k + 1];
    s2 += r[k + 2] * col[k + 2];
    s3 += r[k + 3] * col[k + 3];
  }
  for (; k < end; k++) s0 += r[k] * col[k];
  return s0 + s1 + s2 + s3;
}

/**
 * Overwrites the lower triangle of `hessian` ((p+1)², row-major) with Σᵢ hᵢ·x̃ᵢx̃ᵢᵀ, x̃ = (x, 1), and the rest with 0.
 * Cell (j, l), j ≥ l, is Σ over blocks of Σₖ (hₖ·xⱼₖ)·xₗₖ: dense pairs by the kernel's gram (the intercept as a
 * dense column of ones, last), a dense column and an indicator by its cross (Σ of hₖ·xⱼₖ over the indicator's rows),
 * two indicators here (Σ of hₖ over the rows where both are 1).
 */
export function logisticHessian(data: LogisticData, point: LogisticPoint, hessian: Float64Array): void {
  const { columns, nRows: n } = data;
  const { dense, sparse, starts, rows, rowStarts, rowSparse } = columnLayout(data);
  const p = columns.length;
  const m = p + 1;
  const nd = dense.length + 1; // with the intercept
  const dpad = Math.ceil(nd / 16) * 16;
  const ns = sparse.length;
  const kernel = hessianKernel(dpad, ns);
  const { f64, i32, at, exports: wasm } = kernel;
  const X = at.x / 8;
  const D = at.d / 8;
  const S = at.s / 8;
  const Hb = at.h / 8;
  const OFF = at.off / 4;
  const IDX = at.idx / 4;
  const pair = PAIR / 8;
  f64.fill(0, X, X + (dpad / 2) * pair);
  for (let k = 0; k < BLOCK; k++) f64[X + ((nd - 1) >> 1) * pair + 2 * k + ((nd - 1) & 1)] = 1;
  f64.fill(0, D, D + dpad * dpad);
  f64.fill(0, S, S + ns * dpad);
  const pairs = new Float64Array(ns * ns); // indicator × indicator sums of one block, lower triangle
  const both = new Float64Array(ns * ns); // … and of every block
  const h = point.h;
  const next = starts.slice(0, -1);
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    const b = Math.min(BLOCK, n - i0);
    const i1 = i0 + b;
    for (let c = 0; c < dense.length; c++) {
      const col = columns[dense[c]];
      const base = X + (c >> 1) * pair + (c & 1) - 2 * i0;
      for (let i = i0; i < i1; i++) f64[base + 2 * i] = col[i];
    }
    f64.set(h.subarray(i0, i1), Hb);
    wasm.scale(at.x, at.t, at.tr, at.h, dpad / 2, b, dpad * 8);
    wasm.gram(at.x, at.t, at.d, dpad / 8, b, dpad * 16);
    if (ns === 0) continue;
    let e = 0;
    for (let s = 0; s < ns; s++) {
      i32[OFF + s] = e;
      const end = starts[s + 1];
      let q = next[s];
      for (; q < end && rows[q] < i1; q++) i32[IDX + e++] = (rows[q] - i0) * dpad * 8;
      next[s] = q;
    }
    i32[OFF + ns] = e;
    wasm.cross(at.tr, at.s, at.idx, at.off, ns, dpad / 16, dpad * 8);
    for (let i = i0; i < i1; i++) {
      const hi = h[i];
      const e1 = rowStarts[i + 1];
      for (let u = rowStarts[i]; u < e1; u++) {
        const row = rowSparse[u] * ns;
        for (let v = rowStarts[i]; v <= u; v++) pairs[row + rowSparse[v]] += hi;
      }
    }
    for (let a = 0; a < ns; a++)
      for (let c = 0; c <= a; c++) {
        both[a * ns + c] += pairs[a * ns + c];
        pairs[a * ns + c] = 0;
      }
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
    for (let c = 0; c <= s; c++) hessian[js * m + sparse[c]] = both[s * ns + c];
  }
}
