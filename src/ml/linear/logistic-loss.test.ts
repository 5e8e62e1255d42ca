import { describe, expect, it, onTestFinished } from 'vitest';
import { rng } from '../random.js';
import { kernelMemory, logisticPass } from './logistic-loss.js';

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

/**
 * The pass as it was before indicator columns and the WebAssembly Hessian: every column dense, 256-row blocks, each
 * block's sums added into the totals; margins column by column; gradient dot products with four accumulators by row
 * (the tail into the first); each Hessian cell Σₖ (hₖ·xⱼₖ)·xₗₖ row by row, the intercept row Σₖ hₖ·xⱼₖ.
 */
function densePass(columns: ArrayLike<number>[], y: Uint8Array, w: Float64Array, beta: Float64Array) {
  const n = y.length;
  const p = columns.length;
  const m = p + 1;
  const g = new Float64Array(m);
  const H = new Float64Array(m * m);
  let loss = 0;
  for (let i0 = 0; i0 < n; i0 += 256) {
    const b = Math.min(256, n - i0);
    const x = columns.map((c) => Float64Array.from({ length: b }, (_, k) => c[i0 + k]));
    const z = new Float64Array(b).fill(beta[p]);
    for (let j = 0; j < p; j++) if (beta[j] !== 0) for (let k = 0; k < b; k++) z[k] += beta[j] * x[j][k];
    const r = new Float64Array(b);
    const h = new Float64Array(b);
    let blockLoss = 0;
    for (let k = 0; k < b; k++) {
      const e = Math.exp(-Math.abs(z[k]));
      const pk = z[k] >= 0 ? 1 / (1 + e) : e / (1 + e);
      blockLoss += w[i0 + k] * (Math.max(z[k], 0) + Math.log1p(e) - y[i0 + k] * z[k]);
      r[k] = w[i0 + k] * (pk - y[i0 + k]);
      h[k] = w[i0 + k] * pk * (1 - pk);
    }
    loss += blockLoss;
    for (let j = 0; j < p; j++) {
      const s = [0, 0, 0, 0];
      const tail = b & ~3;
      for (let k = 0; k < b; k++) s[k < tail ? k & 3 : 0] += r[k] * x[j][k];
      g[j] += s[0] + s[1] + s[2] + s[3];
    }
    g[p] += r.reduce((a, v) => a + v, 0);
    const t = x.map((c) => c.map((v, k) => h[k] * v));
    for (let j = 0; j < p; j++) {
      H[p * m + j] += t[j].reduce((a, v) => a + v, 0);
      for (let l = 0; l <= j; l++) {
        let s = 0;
        for (let k = 0; k < b; k++) s += t[j][k] * x[l][k];
        H[j * m + l] += s;
      }
    }
    H[p * m + p] += h.reduce((a, v) => a + v, 0);
  }
  return { loss, g, H };
}

describe('logisticPass on indicator columns', () => {
  it.each([
    ['held for the whole fit', kernelMemory.residentBytes],
    ['copied in block by block', 0],
  ])(
    'gives the bits of the dense pass whatever the mix of dense and 0/1 columns, block tails and zero coefficients (columns %s)',
    (_, bytes) => {
      const saved = kernelMemory.residentBytes;
      kernelMemory.residentBytes = bytes;
      onTestFinished(() => {
        kernelMemory.residentBytes = saved;
      });
      const rand = rng(5);
      // [dense columns, indicator shares]: 0/1 columns at most half set are summed over their rows, the others as dense;
      // dense counts around 16 (the kernel's padding) with the intercept.
      const mixes: [number, number[]][] = [
        [0, [0.3]],
        [1, [0.01, 0.2, 0.5, 0.51, 0.9, 0, 1]],
        [14, [0.1, 0.3]],
        [15, [0.25, 0.25, 0.05]],
        [16, []],
        [21, [0.4, 0.02, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3]],
      ];
      for (const [nDense, shares] of mixes)
        for (const n of [1, 255, 700, 1024]) {
          const columns: (Float64Array | Float32Array)[] = [];
          for (let j = 0; j < nDense + shares.length; j++) {
            // Dense and indicator columns interleaved; one dense column takes only the values 0 and 2, one is Float32.
            const share = j % 2 === 1 && (j - 1) / 2 < shares.length ? shares[(j - 1) / 2] : undefined;
            const dense = () => (j === 2 ? (rand() < 0.3 ? 2 : 0) : rand() * 4 - 2);
            const col = Float64Array.from({ length: n }, () => (share === undefined ? dense() : rand() < share ? 1 : 0));
            columns.push(j === 4 ? Float32Array.from(col) : col);
          }
          const p = columns.length;
          const y = Uint8Array.from({ length: n }, () => (rand() < 0.3 ? 1 : 0));
          const w = Float64Array.from({ length: n }, () => 0.5 + rand());
          const beta = Float64Array.from({ length: p + 1 }, (_, j) => (j % 5 === 3 ? 0 : rand() - 0.5));
          const want = densePass(columns, y, w, beta);
          const g = new Float64Array(p + 1);
          const H = new Float64Array((p + 1) ** 2).fill(Number.NaN);
          const loss = logisticPass({ columns, nRows: n, y, weights: w }, beta, g, H);
          expect(loss).toBe(want.loss);
          expect(g).toEqual(want.g);
          expect(H).toEqual(want.H);
        }
    },
  );
});
