// Differential test: TreeSHAP on an XGBoost model (imported into FlatTree) against XGBoost 1.7.4's own pred_contribs.
// Fixture made by fixtures/xgboost-shap.py.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../matrix.js';
import { sumTreeValues } from '../tree/tree-predict.js';
import { fromXgboostTree, type XgboostTree } from './fixtures/xgboost-trees.js';
import { explainEnsemble } from './tree-shap-ensemble.js';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/xgboost-shap.json', import.meta.url), 'utf8')) as {
  base_score: number;
  trees: XgboostTree[];
  rows: (number | null)[][];
  contribs: number[][];
  margin: number[];
};
const trees = fixture.trees.map(fromXgboostTree);
const X: Matrix = {
  nRows: fixture.rows.length,
  columns: [0, 1, 2, 3, 4].map((f) => Float32Array.from(fixture.rows, (r) => r[f] ?? Number.NaN)),
};
const offset = Math.log(fixture.base_score / (1 - fixture.base_score));

describe('TreeSHAP matches XGBoost pred_contribs', () => {
  // XGBoost accumulates in float32; contributions here are O(1), so agreement is to ~1e-6. 1e-5 leaves room.
  it('routes rows (missing values by default direction) to the same margins', () => {
    const margin = sumTreeValues(trees, X, 1, offset, 1);
    fixture.margin.forEach((m, i) => {
      expect(Math.abs(margin[i] - m)).toBeLessThan(1e-5);
    });
  });

  it('gives the same per-feature contributions and bias for 30 rows', () => {
    const shap = explainEnsemble({ trees, scale: 1, offset, nFeatures: 5, unit: 'log-odds' }, X);
    fixture.contribs.forEach((ref, i) => {
      for (let f = 0; f < 5; f++) expect(Math.abs(shap.values[i * 5 + f] - ref[f])).toBeLessThan(1e-5);
      expect(Math.abs(shap.baseValue - ref[5])).toBeLessThan(1e-5);
    });
  });
});
