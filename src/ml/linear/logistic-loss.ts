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
  const padded = p + (p % 2); // the 2×2 Hessian kernel reads feature pairs; an odd count gets a zero column
  const blk = new Float64Array(Math.max(2, padded) * BLOCK);
  const t = new Float64Array(Math.max(2, padded) * BLOCK);
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
 * Adds the lower triangle of tᵀ·x (both p columns of `len` rows, column-major, stride BLOCK) into H, two rows by
 * two columns at a time: four loads feed four multiply-adds, twice the work per load of a plain dot product.
 */
function accumulateGram(t: Float64Array, x: Float64Array, len: number, p: number, H: Float64Array, m: number): void {
  for (let j = 0; j < p; j += 2) {
    const tj = j * BLOCK;
    const tj1 = tj + BLOCK;
    for (let l = 0; l <= j; l += 2) {
      const xl = l * BLOCK;
      const xl1 = xl + BLOCK;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      for (let k = 0; k < len; k++) {
        const a0 = t[tj + k];
        const a1 = t[tj1 + k];
        const b0 = x[xl + k];
        const b1 = x[xl1 + k];
        s00 += a0 * b0;
        s01 += a0 * b1;
        s10 += a1 * b0;
        s11 += a1 * b1;
      }
      H[j * m + l] += s00;
      if (l + 1 <= j) H[j * m + l + 1] += s01;
      if (j + 1 < p) {
        H[(j + 1) * m + l] += s10;
        if (l + 1 < p) H[(j + 1) * m + l + 1] += s11;
      }
    }
  }
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
