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
  const blk = new Float64Array(Math.max(1, p) * BLOCK);
  const z = new Float64Array(BLOCK);
  const r = new Float64Array(BLOCK);
  const h = new Float64Array(BLOCK);
  const t = new Float64Array(BLOCK);
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
      blockLoss += wk * (softplus(zk) - yk * zk);
      const pk = 1 / (1 + Math.exp(-zk));
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
          t[k] = v;
          s += v;
        }
        for (let l = 0; l <= j; l++) hessian[j * m + l] += dot(t, 0, blk, l * BLOCK, b);
        hessian[p * m + j] += s;
      }
      let s = 0;
      for (let k = 0; k < b; k++) s += h[k];
      hessian[p * m + p] += s;
    }
  }
  return loss;
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
