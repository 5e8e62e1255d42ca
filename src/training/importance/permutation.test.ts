import { describe, expect, it } from 'vitest';
import type { EncodedColumn } from '../../features/index.js';
import {
  type ClassifierModel,
  fitGradientBoosting,
  fitHistBoosting,
  fitLogistic,
  fitRandomForest,
  type Matrix,
  permutation,
  predictProba,
  rng,
  rocAuc,
} from '../../ml/index.js';
import { columnGroups, sorted } from './by-feature.js';
import { permutationImportance } from './permutation.js';

/** 600 rows: `usage` (one column) drives churn, `plan` (two one-hot columns) a little, `noise` not at all. */
function data() {
  const rand = rng(11);
  const n = 600;
  const usage = Float64Array.from({ length: n }, () => rand());
  const pro = Float64Array.from({ length: n }, () => (rand() < 0.4 ? 1 : 0));
  const basic = Float64Array.from(pro, (v) => 1 - v);
  const noise = Float64Array.from({ length: n }, () => rand());
  const y = Uint8Array.from(usage, (u, i) => (u + 0.15 * pro[i] + 0.2 * rand() < 0.45 ? 1 : 0));
  const X: Matrix = { nRows: n, columns: [usage, pro, basic, noise] };
  const columns: EncodedColumn[] = [
    { name: 'usage', feature: 'usage' },
    { name: 'plan=pro', feature: 'plan' },
    { name: 'plan=basic', feature: 'plan' },
    { name: 'noise', feature: 'noise' },
  ];
  return { X, y, columns };
}

/** The definition, one shuffled copy scored at a time (what the batched scoring must reproduce exactly). */
function oneAtATime(model: ClassifierModel, X: Matrix, y: Uint8Array, columns: EncodedColumn[], seed: number, repeats = 2) {
  const base = rocAuc(y, predictProba(model, X));
  const rand = rng(seed ^ 0x5eed);
  const drops = new Map<string, number>();
  for (const [feature, js] of columnGroups(columns)) {
    let drop = 0;
    for (let r = 0; r < repeats; r++) {
      const order = permutation(rand, X.nRows);
      const shuffled = X.columns.slice();
      for (const j of js) shuffled[j] = Float64Array.from(order, (i) => X.columns[j][i]);
      drop += base - rocAuc(y, predictProba(model, { nRows: X.nRows, columns: shuffled }));
    }
    drops.set(feature, drop / repeats);
  }
  return sorted(`permutation: mean ROC-AUC drop over ${repeats} shuffles of ${X.nRows} validation rows`, drops);
}

describe('permutation importance', () => {
  it('gives the histogram booster the same values as scoring each shuffled copy whole', () => {
    const { X, y, columns } = data();
    const model = fitHistBoosting(X, y, { nEstimators: 20, maxDepth: 3 });
    const batched = permutationImportance(model, X, y, columns, { seed: 5 });
    expect(batched).toEqual(oneAtATime(model, X, y, columns, 5));
    expect(batched.values[0].feature).toBe('usage');
    expect(batched.values[0].value).toBeGreaterThan(0.1);
  });

  it('gives other families the same values as the definition, the driving feature first', () => {
    const { X, y, columns } = data();
    const model = fitLogistic(X, y);
    const measured = permutationImportance(model, X, y, columns, { seed: 5, repeats: 3 });
    expect(measured).toEqual(oneAtATime(model, X, y, columns, 5, 3));
    expect(measured.values.map((v) => v.feature)).toEqual(['usage', 'plan', 'noise']);
  });

  it('re-walks only the trees a shuffled feature reaches and equals the definition exactly, for every tree ensemble', () => {
    // Ten noise features beside the three of data(): each is split on by a few trees only, usage by nearly all.
    const { X, y, columns } = data();
    const rand = rng(3);
    const wide: Matrix = {
      nRows: X.nRows,
      columns: [...X.columns, ...Array.from({ length: 10 }, () => Float64Array.from({ length: X.nRows }, () => rand()))],
    };
    const wideColumns = [...columns, ...Array.from({ length: 10 }, (_, k) => ({ name: `n${k}`, feature: `n${k}` }))];
    const models: ClassifierModel[] = [
      fitHistBoosting(wide, y, { nEstimators: 30, maxDepth: 2, seed: 1 }),
      fitGradientBoosting(wide, y, { nEstimators: 30, maxDepth: 2, seed: 1 }),
      fitRandomForest(wide, y, { nEstimators: 20, maxDepth: 3, maxFeatures: 0.3, seed: 1 }),
    ];
    for (const model of models) {
      if (!('trees' in model)) throw new Error('a tree ensemble');
      const trees = model.trees as { feature: ArrayLike<number> }[];
      const reach = (j: number) => trees.filter((t) => Array.from(t.feature).includes(j)).length;
      // The data exercises both cases: features reached by a few trees (most leaves reused) and by most of them.
      const reaches = Array.from({ length: 13 }, (_, j) => reach(j));
      expect(reaches.some((r) => r > 0 && r * 2 <= trees.length)).toBe(true);
      expect(reaches.some((r) => r * 2 > trees.length)).toBe(true);
      const measured = permutationImportance(model, wide, y, wideColumns, { seed: 7 });
      expect(measured).toEqual(oneAtATime(model, wide, y, wideColumns, 7));
      expect(measured.values[0].feature).toBe('usage');
    }
  });
});
