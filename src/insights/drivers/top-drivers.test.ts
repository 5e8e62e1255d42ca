import { describe, expect, it } from 'vitest';
import type { Driver } from '../types.js';
import { driversFrom, risingDrivers, strongestDrivers, topDrivers } from './top-drivers.js';

describe('topDrivers ranks pushes up and down by strength', () => {
  const drivers = driversFrom(['a', 'b', 'c', 'd', 'e', 'f'], [0.3, -0.5, 0.9, 0, -0.1, 0.3], { a: 1, b: 2, c: 3, d: 4, e: 5 });

  it('orders by contribution size, ties by feature name, and skips zeros', () => {
    const { up, down } = topDrivers(drivers, 2);
    expect(up.map((d) => d.feature)).toEqual(['c', 'a']);
    expect(down.map((d) => d.feature)).toEqual(['b', 'e']);
    expect(topDrivers(drivers, 5).up.map((d) => d.feature)).toEqual(['c', 'a', 'f']);
  });

  it('carries each customer value, null when absent', () => {
    expect(drivers[2]).toEqual({ feature: 'c', value: 3, contribution: 0.9 });
    expect(drivers[5].value).toBeNull();
  });
});

describe('strongestDrivers selects what a sort of every driver would', () => {
  // Contributions drawn from a few magnitudes so that equal sizes (ties broken by name) are common, plus zeros.
  const sizes = [0, 0.1, 0.25, 0.5, 1];
  const names = Array.from({ length: 40 }, (_, j) => `f${(j * 17) % 40}`);
  let seed = 11;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const sorted = (drivers: Driver[], sign: 1 | -1) =>
    drivers
      .filter((d) => (sign > 0 ? d.contribution > 0 : d.contribution < 0))
      .sort(
        (a, b) =>
          Math.abs(b.contribution) - Math.abs(a.contribution) || (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0),
      );

  it('for every k from 0 to beyond the list, fractional and negative k, both signs, on 200 random rows', () => {
    for (let row = 0; row < 200; row++) {
      const contributions = names.map(() => (next() < 0.5 ? -1 : 1) * sizes[Math.floor(next() * sizes.length)]);
      const drivers = driversFrom(names, contributions, {});
      for (const sign of [1, -1] as const) {
        const all = sorted(drivers, sign);
        for (const k of [0, 1, 2, 3, 5, 8, 39, 40, 64, 65, 100, 2.5, -1, Number.POSITIVE_INFINITY])
          expect(strongestDrivers(drivers, k, sign)).toEqual(all.slice(0, k));
      }
      expect(risingDrivers(drivers)).toEqual(sorted(drivers, 1));
      expect(topDrivers(drivers, 3)).toEqual({ up: sorted(drivers, 1).slice(0, 3), down: sorted(drivers, -1).slice(0, 3) });
    }
  });

  it('keeps the input order of drivers of equal name and size, as a stable sort does', () => {
    const drivers: Driver[] = [
      { feature: 'a', value: 1, contribution: 0.5 },
      { feature: 'a', value: 2, contribution: 0.5 },
      { feature: 'b', value: 3, contribution: 0.9 },
      { feature: 'a', value: 4, contribution: 0.5 },
    ];
    expect(strongestDrivers(drivers, 3, 1).map((d) => d.value)).toEqual([3, 1, 2]);
  });
});
