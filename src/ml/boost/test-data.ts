/** Small seeded datasets for the boosting tests: numeric, low-cardinality, one-hot and missing columns. */

import type { Matrix } from '../matrix.js';
import { rng } from '../random.js';

/** n rows: x0 continuous, x1 integer 0..9 with 10 % NaN, x2..x4 a one-hot of 3 levels, x5 sparse counts; y from a known logit. */
export function mixedData(n: number, seed: number): { X: Matrix; y: Uint8Array } {
  const rand = rng(seed);
  const cols = Array.from({ length: 6 }, () => new Float64Array(n));
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x0 = rand() * 4 - 2;
    const x1 = Math.floor(rand() * 10);
    const level = Math.floor(rand() * 3);
    const x5 = rand() < 0.8 ? 0 : 1 + Math.floor(rand() * 5);
    cols[0][i] = x0;
    cols[1][i] = rand() < 0.1 ? Number.NaN : x1;
    cols[2][i] = level === 0 ? 1 : 0;
    cols[3][i] = level === 1 ? 1 : 0;
    cols[4][i] = level === 2 ? 1 : 0;
    cols[5][i] = x5;
    const logit = 1.2 * x0 - 0.3 * (x1 - 4.5) + (level === 2 ? 1 : 0) + 0.5 * x5 - 0.5;
    y[i] = rand() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
  }
  return { X: { nRows: n, columns: cols }, y };
}

/** Gradients and hessians as log loss gives them at a random margin. */
export function randomGradients(y: Uint8Array, seed: number): { grad: Float64Array; hess: Float64Array } {
  const rand = rng(seed);
  const grad = new Float64Array(y.length);
  const hess = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const p = 1 / (1 + Math.exp(-(rand() * 4 - 2)));
    grad[i] = p - y[i];
    hess[i] = p * (1 - p);
  }
  return { grad, hess };
}
