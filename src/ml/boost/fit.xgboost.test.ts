import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitHistBoosting } from './fit.js';
import { predictMargin } from './predictor.js';

/** XGBoost 1.7.4 `hist` on a 400-row dataset, frozen by fixtures/make-xgboost-fixture.py. */
interface Fixture {
  X: (number | null)[][];
  y: number[];
  rounds: number;
  margin: number[];
  root_splits: { feature: number; threshold: number; gain: number; missing_left: boolean }[];
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/xgboost-hist.json', import.meta.url), 'utf8')) as Fixture;
const X = { nRows: fixture.y.length, columns: fixture.X.map((c) => Float64Array.from(c, (v) => v ?? Number.NaN)) };
const y = Uint8Array.from(fixture.y);
// XGBoost's parameters of the fixture; base_score 0.5 = margin 0.
const model = fitHistBoosting(X, y, {
  nEstimators: fixture.rounds,
  maxDepth: 3,
  learningRate: 0.3,
  lambda: 1,
  minChildWeight: 1,
  baseScore: 0.5,
});

describe('differential test against XGBoost hist (frozen fixture)', () => {
  it('grows every root on the same feature, the same cut of the training values and the same missing side', () => {
    model.trees.forEach((t, k) => {
      const xgbRoot = fixture.root_splits[k];
      expect(t.feature[0]).toBe(xgbRoot.feature);
      expect(t.missingLeft[0] === 1).toBe(xgbRoot.missing_left);
      // XGBoost writes "x < cut"; churnlab "x <= midpoint below cut": the same rows go left.
      for (const x of X.columns[t.feature[0]]) if (x === x) expect(x <= t.threshold[0]).toBe(x < xgbRoot.threshold);
    });
  });

  it('reports the root gain XGBoost reports (to its float32 precision)', () => {
    // Round 0 starts at margin 0 (p = 0.5): g = 0.5 − y, h = 0.25. A leaf's weight is −G/(H + λ)·η, so the left
    // child's gradient sum is read back from its value and cover; the right child's is the rest.
    const t = model.trees[0];
    const G = fixture.y.reduce((s, v) => s + (0.5 - v), 0);
    const H = 0.25 * fixture.y.length;
    const hl = t.cover[t.left[0]];
    const gl = (-t.value[t.left[0]] / 0.3) * (hl + 1);
    const score = (g: number, h: number) => (g * g) / (h + 1);
    const gain = score(gl, hl) + score(G - gl, H - hl) - score(G, H);
    expect(Math.abs(gain - fixture.root_splits[0].gain) / fixture.root_splits[0].gain).toBeLessThan(1e-5);
  });

  it('gives the margins XGBoost gives after 10 rounds, to float32 precision', () => {
    const m = predictMargin(model, X);
    // Both keep gradients and margins in float32; 10 rounds of rounding stay below 1e-5.
    fixture.margin.forEach((ref, i) => {
      expect(Math.abs(m[i] - ref)).toBeLessThan(1e-5);
    });
  });
});
