// TreeSHAP against its oracle: brute-force Shapley values over every feature subset (shapley-brute.ts).
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../matrix.js';
import { rng } from '../random.js';
import type { FlatTree } from '../tree/flat-tree.js';
import { NodeBuffer } from '../tree/node-buffer.js';
import { bruteForceShapley } from './shapley-brute.js';
import { TreeShapWorkspace } from './tree-shap.js';
import { explainEnsemble } from './tree-shap-ensemble.js';
import { treeShapExplainer } from './tree-shap-parallel.js';
import { gaussLegendre, QuadratureTreeShap } from './tree-shap-quadrature.js';
import { buildPatternTree, PatternShap } from './tree-shap-table.js';

/** The pattern-table form behind the same explain() signature (tables built per call: tests only). */
const tableForm = {
  explain(tree: FlatTree, x: ArrayLike<number>, xOffset: number, phi: Float64Array, phiOffset: number, scale: number) {
    const pt = buildPatternTree(tree, scale, 1 << 22);
    if (!pt) throw new Error('table over budget');
    new PatternShap(tree.feature.length).explain(pt, x, xOffset, phi, phiOffset);
  },
};

/** A random tree over few features (so paths repeat features), random missing directions, consistent positive covers. */
function randomTree(rand: () => number, nFeatures: number, maxDepth: number, stop = 0.25): FlatTree {
  const b = new NodeBuffer();
  const build = (depth: number): { id: number; cover: number } => {
    const id = b.addLeaf(rand() * 4 - 2, 0);
    if (depth >= maxDepth || (depth > 0 && rand() < stop)) {
      b.cover[id] = 0.5 + rand() * 10;
      return { id, cover: b.cover[id] };
    }
    b.setSplit(id, Math.floor(rand() * nFeatures), Math.round(rand() * 10) / 2, rand() < 0.5);
    const l = build(depth + 1);
    const r = build(depth + 1);
    b.left[id] = l.id;
    b.right[id] = r.id;
    b.cover[id] = l.cover + r.cover;
    return { id, cover: b.cover[id] };
  };
  build(0);
  return b.toFlatTree();
}

/** Rows with values on both sides of the thresholds (0–5), exact threshold hits and missing values. */
function randomRow(rand: () => number, nFeatures: number): Float64Array {
  return Float64Array.from({ length: nFeatures }, () => (rand() < 0.2 ? Number.NaN : Math.round(rand() * 12) / 2 - 0.5));
}

describe('TreeSHAP equals brute-force Shapley values', () => {
  for (const [name, make] of [
    ['Algorithm 2 (EXTEND/UNWIND)', (d: number) => new TreeShapWorkspace(d)],
    ['Gauss–Legendre walk', (d: number) => new QuadratureTreeShap(d)],
    ['per-leaf pattern tables', (_d: number) => tableForm],
  ] as const)
    it(`${name}: 200 random single trees (depth ≤ 8, 5 features, repeated features, missing values) to 1e-9`, () => {
      const rand = rng(11);
      let checked = 0;
      for (let k = 0; k < 200; k++) {
        const tree = randomTree(rand, 5, 1 + (k % 8));
        const ws = make(8);
        for (let r = 0; r < 5; r++) {
          const x = randomRow(rand, 5);
          const phi = new Float64Array(5);
          ws.explain(tree, x, 0, phi, 0, 1);
          const want = bruteForceShapley([tree], x, 5);
          for (let f = 0; f < 5; f++) expect(Math.abs(phi[f] - want.phi[f])).toBeLessThan(1e-9);
          checked++;
        }
      }
      expect(checked).toBe(1000);
    });

  it('Gauss–Legendre rules integrate t^m exactly up to m = 2·points − 1', () => {
    for (let points = 1; points <= 20; points++) {
      const { t, w } = gaussLegendre(points);
      for (let m = 0; m < 2 * points; m++) {
        let s = 0;
        for (let k = 0; k < points; k++) s += w[k] * t[k] ** m;
        expect(Math.abs(s - 1 / (m + 1))).toBeLessThan(1e-14);
      }
    }
  });

  it('both forms agree to 1e-12 on deep trees (depth 30, 12 features) where brute force is out of reach', () => {
    const rand = rng(13);
    for (let k = 0; k < 10; k++) {
      const tree = randomTree(rand, 12, 30, 0.4);
      const x = randomRow(rand, 12);
      const a = new Float64Array(12);
      const b = new Float64Array(12);
      new TreeShapWorkspace(30).explain(tree, x, 0, a, 0, 1);
      new QuadratureTreeShap(30).explain(tree, x, 0, b, 0, 1);
      for (let f = 0; f < 12; f++) expect(Math.abs(a[f] - b[f])).toBeLessThan(1e-12);
    }
  });

  it('on random ensembles (sum of margins and mean of probabilities), all three algorithms, to 1e-9, with additivity on every row', () => {
    const rand = rng(12);
    for (let k = 0; k < 20; k++) {
      const trees = Array.from({ length: 1 + (k % 7) }, () => randomTree(rand, 6, 5));
      const scale = k % 2 === 0 ? 1 : 1 / trees.length;
      const offset = k % 2 === 0 ? -0.7 : 0;
      // 130 rows: enough for 'auto' to use its pattern tables (from 128 rows); brute force checks the first 12.
      const rows = Array.from({ length: 130 }, () => randomRow(rand, 6));
      const X: Matrix = { nRows: 130, columns: Array.from({ length: 6 }, (_, f) => Float64Array.from(rows, (r) => r[f])) };
      const algorithm = (['auto', 'quadrature', 'path'] as const)[k % 3];
      const got = explainEnsemble({ trees, scale, offset, nFeatures: 6, unit: 'log-odds' }, X, algorithm);
      rows.forEach((x, i) => {
        let output = offset;
        for (const t of trees) output += scale * t.value[leafOf(t, x)];
        let sum = got.baseValue;
        for (let f = 0; f < 6; f++) sum += got.values[i * 6 + f];
        expect(Math.abs(sum - output)).toBeLessThan(1e-9);
        if (i >= 12) return;
        const want = bruteForceShapley(trees, x, 6, scale);
        expect(Math.abs(got.baseValue - (offset + want.base))).toBeLessThan(1e-12);
        for (let f = 0; f < 6; f++) expect(Math.abs(got.values[i * 6 + f] - want.phi[f])).toBeLessThan(1e-9);
      });
    }
  });

  it('a reused explainer (tables built once) gives the brute-force values for single rows and batches, call after call', () => {
    const rand = rng(13);
    const trees = Array.from({ length: 9 }, () => randomTree(rand, 6, 4));
    const model = { trees, scale: 1, offset: -1.3, nFeatures: 6, unit: 'log-odds' as const };
    const explainer = treeShapExplainer(model);
    const rows = Array.from({ length: 40 }, () => randomRow(rand, 6));
    const matrixOf = (xs: Float64Array[]): Matrix => ({
      nRows: xs.length,
      columns: Array.from({ length: 6 }, (_, f) => Float64Array.from(xs, (r) => r[f])),
    });
    const batch = explainer.explain(matrixOf(rows));
    rows.forEach((x, i) => {
      const one = explainer.explain(matrixOf([x])); // a single row, as a server asks
      const want = bruteForceShapley(trees, x, 6, 1);
      expect(Math.abs(one.baseValue - (-1.3 + want.base))).toBeLessThan(1e-12);
      for (let f = 0; f < 6; f++) {
        expect(Math.abs(one.values[f] - want.phi[f])).toBeLessThan(1e-9);
        expect(one.values[f]).toBe(batch.values[i * 6 + f]); // the same tables whatever the batch size
      }
    });
  });
});

function leafOf(t: FlatTree, x: ArrayLike<number>): number {
  let n = 0;
  while (t.feature[n] !== -1) {
    const v = x[t.feature[n]];
    n = v <= t.threshold[n] || (v !== v && t.missingLeft[n] === 1) ? t.left[n] : t.right[n];
  }
  return n;
}
