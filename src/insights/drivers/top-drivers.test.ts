import { describe, expect, it } from 'vitest';
import { driversFrom, topDrivers } from './top-drivers.js';

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
