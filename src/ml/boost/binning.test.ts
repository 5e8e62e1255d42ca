import { describe, expect, it } from 'vitest';
import { binColumn, binOf, cutBetween, edgesFromSorted, fitColumnEdges, MISSING_BIN } from './binning.js';

describe('binning', () => {
  it('gives every distinct value its own bin, cut at midpoints, when there are at most maxBins of them', () => {
    const edges = edgesFromSorted(Float64Array.from([1, 1, 2, 4, 4, 4, 10]), 255);
    expect([...edges]).toEqual([1.5, 3, 7, Number.POSITIVE_INFINITY]);
    expect([1, 2, 4, 10, 1e9].map((x) => binOf(edges, x))).toEqual([0, 1, 2, 3, 3]);
  });

  it('sends NaN to the missing bin and ignores it when placing edges', () => {
    const edges = fitColumnEdges(Float64Array.from([Number.NaN, 3, Number.NaN, 5]), 255);
    expect([...edges]).toEqual([4, Number.POSITIVE_INFINITY]);
    expect(binOf(edges, Number.NaN)).toBe(MISSING_BIN);
  });

  it('splits 10,000 distinct values into exactly maxBins bins of near-equal counts', () => {
    const values = Float64Array.from({ length: 10_000 }, (_, i) => i);
    const edges = edgesFromSorted(values, 16);
    expect(edges.length).toBe(16);
    const counts = new Array(16).fill(0);
    for (const v of values) counts[binOf(edges, v)]++;
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(620);
    expect(Math.max(...counts)).toBeLessThanOrEqual(630);
  });

  it('closes a bin after a heavy value and spreads the rest evenly', () => {
    // 5,000 zeros then 1..5000: the zero gets a bin alone, the other 3 bins share 5,000 values.
    const values = Float64Array.from({ length: 10_000 }, (_, i) => (i < 5000 ? 0 : i - 4999));
    const edges = edgesFromSorted(values, 4);
    expect(edges[0]).toBe(0.5);
    const counts = [0, 0, 0, 0];
    for (const v of values) counts[binOf(edges, v)]++;
    expect(counts[0]).toBe(5000);
    expect(Math.max(...counts.slice(1)) - Math.min(...counts.slice(1))).toBeLessThanOrEqual(2);
  });

  it('cuts strictly between adjacent doubles', () => {
    const a = 1;
    const b = 1 + Number.EPSILON;
    const t = cutBetween(a, b);
    expect(a <= t && t < b).toBe(true);
  });

  it('fits the same edges from counted distinct values as from sorting every value, with few or many distinct values', () => {
    const sortedEdges = (c: Float64Array) => edgesFromSorted(c.filter((x) => x === x).sort(), 32);
    // 600 distinct values (counted in the hash table), with -0, 0 and NaN among them; then 9,000 (sorted whole).
    const few = Float64Array.from({ length: 20_000 }, (_, i) => (i % 7 === 0 ? Number.NaN : i % 3 === 0 ? -0 : (i * 7919) % 600));
    const many = Float64Array.from({ length: 9_000 }, (_, i) => ((i * 7919) % 9_000) / 3);
    for (const column of [few, many]) expect([...fitColumnEdges(column, 32)]).toEqual([...sortedEdges(column)]);
    const sample = Int32Array.from({ length: 5_000 }, (_, i) => i * 4);
    const sampled = Float64Array.from(sample, (i) => few[i]);
    expect([...fitColumnEdges(few, 32, sample)]).toEqual([...sortedEdges(sampled)]);
  });

  it('bins every value to the first edge at or above it, for edge counts around powers of two', () => {
    for (const nEdges of [1, 2, 3, 4, 5, 7, 8, 9, 255]) {
      const edges = Float64Array.from({ length: nEdges }, (_, b) => (b === nEdges - 1 ? Number.POSITIVE_INFINITY : 2 * b));
      const values = Float64Array.from({ length: 2 * nEdges + 2 }, (_, i) => i - 1.5);
      const out = new Uint8Array(values.length);
      binColumn(edges, values, out);
      const expected = [...values].map((x) => edges.findIndex((e) => x <= e));
      expect([...out]).toEqual(expected);
    }
  });
});
