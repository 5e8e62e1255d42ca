import { describe, expect, it } from 'vitest';
import { categoricalBaseline, driftBaseline, numericBaseline } from './baseline.js';

describe('drift baseline', () => {
  it('cuts present values at quantiles taken as actual values, lower edge inclusive, missing counted apart', () => {
    // Present values 1..10 (n = 10), two missing. Quantile k/4 → sorted[floor(k/4 · 9)] = sorted[2], [4], [6] = 3, 5, 7.
    const v = Float64Array.from([5, 1, Number.NaN, 2, 3, 4, 10, 6, 7, Number.NaN, 8, 9]);
    const b = numericBaseline(v, 4);
    expect(b.edges).toEqual([3, 5, 7]);
    // [−∞,3): 1,2 · [3,5): 3,4 · [5,7): 5,6 · [7,∞): 7,8,9,10
    expect(b.shares).toEqual([0.2, 0.2, 0.2, 0.4]);
    expect(b.missingShare).toBe(0.166666667);
  });

  it('merges tied quantiles and never opens an empty first bin below the minimum', () => {
    // Quantiles k/10 → sorted[floor(k/10 · 9)] = sorted[0..8] = 0 ×7, 1, 1: only the edge 1 is above the minimum.
    const b = numericBaseline(Float64Array.from([0, 0, 0, 0, 0, 0, 0, 1, 1, 2]), 10);
    expect(b.edges).toEqual([1]);
    expect(b.shares).toEqual([0.7, 0.3]);
    expect(numericBaseline(Float64Array.from([Number.NaN]), 10)).toEqual({
      kind: 'numeric',
      edges: [],
      shares: [],
      missingShare: 1,
    });
  });

  it('gives category shares among present labels, sorted by name, and the missing share of all rows', () => {
    expect(categoricalBaseline(['b', 'a', null, 'b', 'b'])).toEqual({
      kind: 'categorical',
      levels: [
        { value: 'a', share: 0.25 },
        { value: 'b', share: 0.75 },
      ],
      missingShare: 0.2,
    });
  });

  it('takes features from the training rows only and the score from the given validation probabilities', () => {
    const frame = {
      nRows: 4,
      customerId: ['a', 'b', 'c', 'd'],
      cutoff: ['', '', '', ''],
      columns: { x: Float64Array.from([1, 2, 100, 200]), plan: ['p', 'q', 'q', 'q'] },
    };
    const b = driftBaseline(
      frame,
      Int32Array.from([0, 1]),
      [
        { name: 'x', type: 'numeric' },
        { name: 'plan', type: 'categorical' },
      ],
      Float64Array.from([0.1, 0.9]),
      2,
    );
    expect(b.featureRows).toBe(2);
    expect(b.features[0]).toEqual({ feature: 'x', kind: 'numeric', edges: [], shares: [1], missingShare: 0 });
    expect(b.features[1]).toMatchObject({
      feature: 'plan',
      levels: [
        { value: 'p', share: 0.5 },
        { value: 'q', share: 0.5 },
      ],
    });
    expect(b.score).toEqual({ kind: 'numeric', edges: [], shares: [1], missingShare: 0, rows: 2 });
  });
});
