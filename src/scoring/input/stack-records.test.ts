import { describe, expect, it } from 'vitest';
import { stackRecords } from './stack-records.js';

describe('stackRecords', () => {
  const features = [
    { name: 'a', type: 'numeric' },
    { name: 'plan', type: 'categorical' },
    { name: 'b', type: 'boolean' },
    { name: 'c', type: 'numeric' },
  ];
  const records = [
    { id: 'x', cutoff: '2025-01-01', values: { a: 1.5, plan: 'Basic', b: 1, c: null } },
    { id: 'y', cutoff: '', values: { a: null, plan: null, b: 0, c: -0 } },
    { id: 'z', cutoff: '2025-02-01', values: { a: 3, plan: 'Premium', b: null, c: 7 } },
  ];

  it('stacks each feature into its own column (NaN / null for missing) with ids and cutoffs', () => {
    const f = stackRecords(features, records);
    expect(f.nRows).toBe(3);
    expect(f.customerId).toEqual(['x', 'y', 'z']);
    expect(f.cutoff).toEqual(['2025-01-01', '', '2025-02-01']);
    expect(Object.keys(f.columns)).toEqual(['a', 'plan', 'b', 'c']);
    expect(Array.from(f.columns.a as Float64Array)).toEqual([1.5, Number.NaN, 3]);
    expect(f.columns.plan).toEqual(['Basic', null, 'Premium']);
    expect(Array.from(f.columns.b as Float64Array)).toEqual([1, 0, Number.NaN]);
    expect(Object.is((f.columns.c as Float64Array)[1], -0)).toBe(true);
  });

  it('gives numeric columns of their own length that do not overlap (views of one buffer)', () => {
    const f = stackRecords(features, records);
    const [a, b, c] = [f.columns.a, f.columns.b, f.columns.c] as Float64Array[];
    for (const col of [a, b, c]) expect(col.length).toBe(3);
    a.fill(42);
    expect(Array.from(b)).toEqual([1, 0, Number.NaN]);
    expect(Array.from(c)).toEqual([Number.NaN, -0, 7]);
    expect(stackRecords(features, []).columns.a).toEqual(new Float64Array(0));
  });
});
