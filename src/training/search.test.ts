import { describe, expect, it } from 'vitest';
import { fitLogistic, type Matrix, rng } from '../ml/index.js';
import type { EstimatorSpec } from './estimators/spec.js';
import { familyOfModel, mlKindOf, parseFamilies } from './families.js';
import { plannedConfigs, searchFamily } from './search.js';

// A spec whose cost estimate is its configuration's `cost`: the budget arithmetic is visible in the test.
const spec: EstimatorSpec = {
  family: 'logistic',
  mode: 'linear',
  imbalance: 'none',
  grid: () => [
    { C: 1, cost: 5 },
    { C: 0.001, cost: 3 },
    { C: 0.1, cost: 4 },
    { C: 10, cost: 1 },
  ],
  estimateSeconds: (c) => c.cost as number,
  fit: (X, y, config) => ({ model: fitLogistic(X, y, { C: config.C as number }), config }),
};

function data(n: number, seed: number): { X: Matrix; y: Uint8Array } {
  const r = rng(seed);
  const x = Float64Array.from({ length: n }, () => r() * 4 - 2);
  const noise = Float64Array.from({ length: n }, () => r());
  return { X: { nRows: n, columns: [x, noise] }, y: Uint8Array.from(x, (v) => (r() < 1 / (1 + Math.exp(-2 * v)) ? 1 : 0)) };
}

describe('the budgeted search', () => {
  it('always runs the default, then further configurations while the estimated seconds fit the budget', () => {
    expect(plannedConfigs(spec, 100, 2, 0).configs.map((c) => c.C)).toEqual([1]);
    expect(plannedConfigs(spec, 100, 2, 8)).toMatchObject({ seconds: 8, skipped: 2 });
    // 5 + 3 = 8 fits a budget of 9, + 4 would not: the search stops there even though the last (1 s) would fit.
    expect(plannedConfigs(spec, 100, 2, 9).configs.map((c) => c.C)).toEqual([1, 0.001]);
    expect(plannedConfigs(spec, 100, 2, 13).skipped).toBe(0);
  });

  it('keeps the configuration with the best held-out PR-AUC (the earliest on ties) and its probabilities', () => {
    const r = searchFamily(spec, { fit: data(400, 1), score: data(300, 2), seed: 0 }, 100);
    expect(r.trials).toHaveLength(4);
    const best = Math.max(...r.trials.map((t) => t.prAuc));
    expect(r.trials[r.bestIndex].prAuc).toBe(best);
    expect(r.best).toBe(r.trials[r.bestIndex].config);
    expect(r.scores).toHaveLength(300);
    expect(r.bestIndex).toBe(r.trials.findIndex((t) => t.prAuc === best)); // ties keep the earlier configuration
  });
});

describe('family names', () => {
  it('maps the artifact families to src/ml model kinds in one table, both ways', () => {
    expect(mlKindOf).toEqual({
      logistic: 'logistic',
      cart: 'decision-tree',
      random_forest: 'random-forest',
      gradient_boosting: 'gradient-boosting',
      hist_boosting: 'hist_boosting',
    });
    for (const [family, kind] of Object.entries(mlKindOf)) expect(familyOfModel({ kind })).toBe(family);
    expect(() => familyOfModel({ kind: 'svm' })).toThrow(expect.objectContaining({ code: 'CHURN_ERR_ARTIFACT' }));
  });

  it('parses --models codes into families in simplicity order', () => {
    expect(parseFamilies('hgb, lr,rf')).toEqual(['logistic', 'random_forest', 'hist_boosting']);
    expect(parseFamilies(['gradient_boosting', 'xgb'])).toEqual(['gradient_boosting', 'hist_boosting']);
    expect(() => parseFamilies('')).toThrow(expect.objectContaining({ code: 'CHURN_ERR_PARAM' }));
  });
});
