import { describe, expect, it } from 'vitest';
import type { FeatureFrame } from '../frame.js';
import { fitPreprocessor } from './fit.js';
import { transform } from './transform.js';
import type { InputFeature } from './types.js';

const frame = (x: number[], flag: number[], cat: (string | null)[]): FeatureFrame => ({
  nRows: x.length,
  customerId: x.map((_, i) => `C${i}`),
  cutoff: x.map(() => '2025-01-31'),
  columns: { x: Float64Array.from(x), flag: Float64Array.from(flag), cat },
});
const train = frame([1, 2, Number.NaN, 4, 100], [1, 1, 0, Number.NaN, 1], ['a', 'a', 'b', null, 'c']);
const features: InputFeature[] = [
  { name: 'x', type: 'numeric' },
  { name: 'flag', type: 'boolean' },
  { name: 'cat', type: 'categorical' },
];
const rows = (m: { nRows: number; columns: ArrayLike<number>[] }) =>
  Array.from({ length: m.nRows }, (_, i) => m.columns.map((c) => c[i]));

describe('linear preprocessing', () => {
  const pre = fitPreprocessor(train, features, { mode: 'linear', minCategoryShare: 0.3 });

  it('learns median / most-frequent fills, indicators, scaling and one-hot levels from the training rows', () => {
    expect(pre.columns.map((c) => c.name)).toEqual([
      'x',
      'x__missing',
      'flag',
      'flag__missing',
      'cat=a',
      'cat=__other__',
      'cat=__missing__',
    ]);
    expect(pre.columns.map((c) => c.feature)).toEqual(['x', 'x', 'flag', 'flag', 'cat', 'cat', 'cat']);
    expect(pre.steps[0]).toEqual({ kind: 'numeric', feature: 'x', fill: 3, indicator: true, center: 22, scale: Math.sqrt(1522) });
    expect(pre.steps[1]).toEqual({ kind: 'numeric', feature: 'flag', fill: 1, indicator: true, center: 0, scale: 1 });
    expect(pre.steps[2]).toEqual({ kind: 'onehot', feature: 'cat', levels: ['a'], fill: 'a', missingLevel: true });
  });

  it('encodes rare and unseen categories as __other__ and missing ones as __missing__', () => {
    const m = transform(pre, frame([22, Number.NaN, 22], [0, Number.NaN, 1], ['b', null, 'never-seen']));
    expect(rows(m)).toEqual([
      [0, 0, 0, 0, 0, 1, 0],
      [(3 - 22) / Math.sqrt(1522), 1, 1, 1, 0, 0, 1],
      [0, 0, 1, 0, 0, 1, 0],
    ]);
  });

  it('gives scaled training columns mean 0 and variance 1', () => {
    const x = Array.from(transform(pre, train).columns[0]);
    const mean = x.reduce((s, v) => s + v, 0) / x.length;
    expect(mean).toBeCloseTo(0, 12);
    expect(x.reduce((s, v) => s + (v - mean) ** 2, 0) / x.length).toBeCloseTo(1, 12);
  });

  it('imputes a missing category with the most frequent level when missing values were too rare for a column', () => {
    const p = fitPreprocessor(frame([1, 2], [0, 1], ['b', 'b']), features, { mode: 'linear' });
    expect(p.columns.map((c) => c.name).slice(2)).toEqual(['cat=b', 'cat=__other__']);
    expect(rows(transform(p, frame([1], [0], [null])))[0].slice(2)).toEqual([1, 0]);
  });
});

describe('tree preprocessing', () => {
  const pre = fitPreprocessor(train, features, { mode: 'tree', minCategoryShare: 0.3 });

  it('keeps numbers raw (NaN included) and gives categories ordinal codes, rare ones grouped, unknown NaN', () => {
    expect(pre.columns.map((c) => c.name)).toEqual(['x', 'flag', 'cat']);
    const m = transform(pre, frame([5, Number.NaN, 7, 8], [1, Number.NaN, 0, 0], ['a', 'c', null, 'never-seen']));
    expect(rows(m)).toEqual([
      [5, 1, 0],
      [Number.NaN, Number.NaN, 1],
      [7, 0, Number.NaN],
      [8, 0, Number.NaN],
    ]);
  });
});

describe('a fitted preprocessor', () => {
  it('survives a JSON round trip and transforms identically afterwards', () => {
    for (const mode of ['linear', 'tree'] as const) {
      const pre = fitPreprocessor(train, features, { mode });
      const back = JSON.parse(JSON.stringify(pre));
      expect(back).toEqual(pre);
      expect(rows(transform(back, train))).toEqual(rows(transform(pre, train)));
    }
  });

  it('does not modify the training rows', () => {
    const copy = structuredClone(train);
    fitPreprocessor(train, features, { mode: 'linear' });
    expect(train).toEqual(copy);
  });

  it('names the feature a frame lacks and rejects bad options', () => {
    const pre = fitPreprocessor(train, features, { mode: 'linear' });
    const { x: _, ...rest } = train.columns;
    const lacking = { ...train, columns: rest };
    expect(() => transform(pre, lacking)).toThrow(/Feature "x" is missing/);
    expect(() => fitPreprocessor(train, features, { mode: 'linear', minCategoryShare: 2 })).toThrow(
      expect.objectContaining({ code: 'CHURN_ERR_PARAM', message: 'minCategoryShare must be in [0, 1] (got 2)' }),
    );
    expect(() => fitPreprocessor(train, [{ name: 'cat', type: 'numeric' }], { mode: 'tree' })).toThrow(/must be numeric/);
  });
});
