import { describe, expect, it } from 'vitest';
import { rng } from '../random.js';
import { logisticPass } from './logistic-loss.js';

/** The textbook sums, one row at a time: loss, gradient Σ w(p−y)x̃ and Hessian Σ w·p(1−p)·x̃x̃ᵀ with x̃ = (x, 1). */
function naive(columns: Float64Array[], y: Uint8Array, w: Float64Array, beta: Float64Array) {
  const p = columns.length;
  const m = p + 1;
  const g = new Float64Array(m);
  const H = new Float64Array(m * m);
  let loss = 0;
  for (let i = 0; i < y.length; i++) {
    const x = [...columns.map((c) => c[i]), 1];
    const z = x.reduce((s, v, j) => s + v * beta[j], 0);
    const pr = 1 / (1 + Math.exp(-z));
    loss += w[i] * (Math.log1p(Math.exp(z)) - y[i] * z);
    for (let j = 0; j < m; j++) {
      g[j] += w[i] * (pr - y[i]) * x[j];
      for (let l = 0; l <= j; l++) H[j * m + l] += w[i] * pr * (1 - pr) * x[j] * x[l];
    }
  }
  return { loss, g, H };
}

describe('logisticPass', () => {
  it('gives the textbook loss, gradient and lower-triangle Hessian for 1 to 9 features over several row blocks', () => {
    const rand = rng(11);
    for (let p = 1; p <= 9; p++) {
      const n = 700; // not a multiple of the 256-row block
      const columns = Array.from({ length: p }, () => Float64Array.from({ length: n }, () => rand() * 4 - 2));
      const y = Uint8Array.from({ length: n }, () => (rand() < 0.4 ? 1 : 0));
      const w = Float64Array.from({ length: n }, () => 0.5 + rand());
      const beta = Float64Array.from({ length: p + 1 }, () => rand() - 0.5);
      const want = naive(columns, y, w, beta);
      const g = new Float64Array(p + 1);
      const H = new Float64Array((p + 1) ** 2).fill(Number.NaN);
      const loss = logisticPass({ columns, nRows: n, y, weights: w }, beta, g, H);
      expect(loss).toBeCloseTo(want.loss, 9);
      for (let j = 0; j <= p; j++) {
        expect(g[j]).toBeCloseTo(want.g[j], 9);
        for (let l = 0; l <= j; l++) expect(H[j * (p + 1) + l]).toBeCloseTo(want.H[j * (p + 1) + l], 9);
      }
    }
  });
});
