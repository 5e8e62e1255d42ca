// TreeSHAP against its oracle: brute-force Shapley values over every feature subset (shapley-brute.ts).
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../matrix.js';
import { rng } from '../random.js';
import type { FlatTree } from '../tree/flat-tree.js';
import { NodeBuffer } from '../tree/node-buffer.js';
import { bruteForceShapley } from './shapley-brute.js';
import { TreeShapWorkspace } from './tree-shap.js';
import { explainEnsemble } from './tree-shap-ensemble.js';

/** A random tree over few features (so paths repeat features), random missing directions, consistent positive covers. */
function randomTree(rand: () => number, nFeatures: number, maxDepth: number): FlatTree {
  const b = new NodeBuffer();
  const build = (depth: number): { id: number; cover: number } => {
    const id = b.addLeaf(rand() * 4 - 2, 0);
    if (depth >= maxDepth || (depth > 0 && rand() < 0.25)) {
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
  it('on 200 random single trees (depth ≤ 6, 5 features, repeated features, missing values) to 1e-9', () => {
    const rand = rng(11);
    let checked = 0;
    for (let k = 0; k < 200; k++) {
      const tree = randomTree(rand, 5, 1 + (k % 6));
      const ws = new TreeShapWorkspace(6);
      for (let r = 0; r < 5; r++) {
        const x = randomRow(rand, 5);
        const phi = new Float64Array(5);
        ws.explain(tree, x, phi, 0, 1);
        const want = bruteForceShapley([tree], x, 5);
        for (let f = 0; f < 5; f++) expect(Math.abs(phi[f] - want.phi[f])).toBeLessThan(1e-9);
        checked++;
      }
    }
    expect(checked).toBe(1000);
  });

  it('on random ensembles (sum of margins and mean of probabilities) to 1e-9, with additivity on every row', () => {
    const rand = rng(12);
    for (let k = 0; k < 20; k++) {
      const trees = Array.from({ length: 1 + (k % 7) }, () => randomTree(rand, 6, 5));
      const scale = k % 2 === 0 ? 1 : 1 / trees.length;
      const offset = k % 2 === 0 ? -0.7 : 0;
      const rows = Array.from({ length: 8 }, () => randomRow(rand, 6));
      const X: Matrix = { nRows: 8, columns: Array.from({ length: 6 }, (_, f) => Float64Array.from(rows, (r) => r[f])) };
      const got = explainEnsemble({ trees, scale, offset, nFeatures: 6, unit: 'log-odds' }, X);
      rows.forEach((x, i) => {
        const want = bruteForceShapley(trees, x, 6, scale);
        expect(Math.abs(got.baseValue - (offset + want.base))).toBeLessThan(1e-12);
        let output = offset;
        for (const t of trees) output += scale * t.value[leafOf(t, x)];
        let sum = got.baseValue;
        for (let f = 0; f < 6; f++) {
          expect(Math.abs(got.values[i * 6 + f] - want.phi[f])).toBeLessThan(1e-9);
          sum += got.values[i * 6 + f];
        }
        expect(Math.abs(sum - output)).toBeLessThan(1e-9);
      });
    }
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
