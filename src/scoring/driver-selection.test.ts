import { describe, expect, it } from 'vitest';
import { defaultRules, driversFrom, isSelectableCount, type RetentionRule, rulesTopK, topDrivers } from '../insights/index.js';
import { strongestIndices } from './driver-selection.js';

describe('strongestIndices picks the drivers topDrivers ranks first, without driver objects', () => {
  const sizes = [0, 0.1, 0.25, 0.5, 1, Number.NaN];
  let seed = 5;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };

  it('same drivers in the same order for k = 1..64 and both signs on 300 random rows (ties, zeros, NaN)', () => {
    const names = Array.from({ length: 50 }, (_, j) => `feature_${(j * 7) % 50}`);
    for (let row = 0; row < 300; row++) {
      const offset = 3 + row;
      const flat = new Float64Array(offset + names.length + 2).fill(9); // values outside the row must not be read
      names.forEach((_, j) => {
        flat[offset + j] = (next() < 0.5 ? -1 : 1) * sizes[Math.floor(next() * sizes.length)];
      });
      const drivers = driversFrom(names, flat.subarray(offset, offset + names.length), {});
      for (const k of [1, 2, 3, 4, 10, 50, 64]) {
        const { up, down } = topDrivers(drivers, k);
        expect(strongestIndices(names, flat, offset, k, 1).map((j) => drivers[j])).toEqual(up);
        expect(strongestIndices(names, flat, offset, k, -1).map((j) => drivers[j])).toEqual(down);
      }
    }
  });
});

describe('rulesTopK', () => {
  const rule = defaultRules[0];
  const withTopK = (topK: number | undefined): RetentionRule => ({ ...rule, when: { ...rule.when, topK } });

  it('is the largest topK of the rules (default 3 each, at least 1), or null when one is not a small count', () => {
    expect(rulesTopK(defaultRules)).toBe(Math.max(...defaultRules.map((r) => r.when.topK ?? 3)));
    expect(rulesTopK([])).toBe(1);
    expect(rulesTopK([withTopK(undefined)])).toBe(3);
    expect(rulesTopK([withTopK(1), withTopK(7)])).toBe(7);
    for (const bad of [0, 2.5, -1, 65, Number.POSITIVE_INFINITY]) expect(rulesTopK([withTopK(1), withTopK(bad)])).toBeNull();
    expect([0, 1, 64, 65, 1.5].map(isSelectableCount)).toEqual([false, true, true, false, false]);
  });
});
