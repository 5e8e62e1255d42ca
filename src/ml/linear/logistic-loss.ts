/** One pass over the rows computing the weighted logistic loss and, on request, its gradient and Hessian. */

import type { Column } from '../matrix.js';

/** The training rows as the solvers see them: columns, 0/1 labels and the effective (sample × class) weights. */
export interface LogisticData {
  columns: Column[];
  nRows: number;
  y: Uint8Array;
  weights: Float64Array;
}

/** Rows per block: a block of every column (p × 256 doubles) stays in cache while the Hessian is accumulated. */
const BLOCK = 256;

/** Stable log(1 + e^z). */
export function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/**
 * Weighted data loss Σ wᵢ·(log(1+e^zᵢ) − yᵢzᵢ) at β (coefficients, then the intercept at index p).
 * When `gradient` (length p+1) is given it is overwritten with ∂loss/∂β; when `hessian` ((p+1)², row-major)
 * is given its lower triangle is overwritten with ∂²loss/∂β². The penalty is the caller's business.
 */
export function logisticPass(data: LogisticData, beta: Float64Array, gradient?: Float64Array, hessian?: Float64Array): number {
  const { columns, nRows: n, y, weights } = data;
  const p = columns.length;
  const m = p + 1;
  const padded = Math.ceil(p / 4) * 4 + 4; // the Hessian kernel reads 4 features at a time: zero columns pad the rest
  const blk = new Float64Array(padded * BLOCK);
  const t = new Float64Array(padded * BLOCK);
  const z = new Float64Array(BLOCK);
  const r = new Float64Array(BLOCK);
  const h = new Float64Array(BLOCK);
  gradient?.fill(0);
  hessian?.fill(0);
  let loss = 0;
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    const b = Math.min(BLOCK, n - i0);
    for (let j = 0; j < p; j++) copyBlock(columns[j], i0, b, blk, j * BLOCK);
    z.fill(beta[p], 0, b);
    for (let j = 0; j < p; j++) {
      const w = beta[j];
      if (w === 0) continue;
      const off = j * BLOCK;
      for (let k = 0; k < b; k++) z[k] += w * blk[off + k];
    }
    let blockLoss = 0; // summed per block, then into the total: far less rounding than one running sum
    for (let k = 0; k < b; k++) {
      const zk = z[k];
      const wk = weights[i0 + k];
      const yk = y[i0 + k];
      // One exponential serves both log(1 + e^z) and the probability.
      const e = Math.exp(-Math.abs(zk));
      const pk = zk >= 0 ? 1 / (1 + e) : e / (1 + e);
      blockLoss += wk * (Math.max(zk, 0) + Math.log1p(e) - yk * zk);
      r[k] = wk * (pk - yk);
      h[k] = wk * pk * (1 - pk);
    }
    loss += blockLoss;
    if (gradient) {
      for (let j = 0; j < p; j++) gradient[j] += dot(r, 0, blk, j * BLOCK, b);
      let s = 0;
      for (let k = 0; k < b; k++) s += r[k];
      gradient[p] += s;
    }
    if (hessian) {
      for (let j = 0; j < p; j++) {
        const off = j * BLOCK;
        let s = 0;
        for (let k = 0; k < b; k++) {
          const v = h[k] * blk[off + k];
          t[off + k] = v;
          s += v;
        }
        hessian[p * m + j] += s;
      }
      let s = 0;
      for (let k = 0; k < b; k++) s += h[k];
      hessian[p * m + p] += s;
      accumulateGram(t, blk, b, p, hessian, m);
    }
  }
  return loss;
}

/**
 * Adds the lower triangle of tᵀ·x (both p columns of `len` rows, column-major, stride BLOCK; zero columns pad p to a
 * multiple of 4) into H, four rows by two columns at a time: six loads feed eight multiply-adds, and the eight sums
 * and six operands still fit the CPU's sixteen floating-point registers.
 */
function accumulateGram(t: Float64Array, x: Float64Array, len: number, p: number, H: Float64Array, m: number): void {
  for (let j = 0; j < p; j += 4) {
    const t0 = j * BLOCK;
    const t1 = t0 + BLOCK;
    const t2 = t1 + BLOCK;
    const t3 = t2 + BLOCK;
    for (let l = 0; l <= j + 2; l += 2) {
      const x0 = l * BLOCK;
      const x1 = x0 + BLOCK;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      let s20 = 0;
      let s21 = 0;
      let s30 = 0;
      let s31 = 0;
      for (let k = 0; k < len; k++) {
        const b0 = x[x0 + k];
        const b1 = x[x1 + k];
        const a0 = t[t0 + k];
        const a1 = t[t1 + k];
        const a2 = t[t2 + k];
        const a3 = t[t3 + k];
        s00 += a0 * b0;
        s01 += a0 * b1;
        s10 += a1 * b0;
        s11 += a1 * b1;
        s20 += a2 * b0;
        s21 += a2 * b1;
        s30 += a3 * b0;
        s31 += a3 * b1;
      }
      addLower(H, m, p, j, l, s00, s01);
      addLower(H, m, p, j + 1, l, s10, s11);
      addLower(H, m, p, j + 2, l, s20, s21);
      addLower(H, m, p, j + 3, l, s30, s31);
    }
  }
}

/** H[r][c] += a and H[r][c+1] += b, for the cells inside the p×p lower triangle. */
function addLower(H: Float64Array, m: number, p: number, r: number, c: number, a: number, b: number): void {
  if (r >= p) return;
  if (c <= r) H[r * m + c] += a;
  if (c + 1 <= r) H[r * m + c + 1] += b;
}

function copyBlock(col: Column, from: number, len: number, out: Float64Array, off: number): void {
  for (let k = 0; k < len; k++) out[off + k] = col[from + k];
}

/** Dot product with four accumulators, so the additions pipeline. */
function dot(a: Float64Array, ao: number, b: Float64Array, bo: number, len: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < len; k += 4) {
    s0 += a[ao + k] * b[bo + k];
    s1 += a[ao + k + 1] * b[bo + k + 1];
    s2 += a[ao + k + 2] * b[bo + k + 2];
    s3 += a[ao + k + 3] * b[bo + k + 3];
  }
  for (; k < len; k++) s0 += a[ao + k] * b[bo + k];
  return s0 + s1 + s2 + s3;
}
