/** Ranking a customer's drivers: the strongest pushes up (raise risk) and down (lower risk). */
import type { Driver, FeatureValue } from '../types.js';

/** Builds drivers from parallel arrays of feature names and contributions plus the customer's feature values. */
export function driversFrom(
  names: readonly string[],
  contributions: ArrayLike<number>,
  values: Readonly<Record<string, FeatureValue>>,
): Driver[] {
  return names.map((feature, j) => ({ feature, value: values[feature] ?? null, contribution: contributions[j] }));
}

// Larger |contribution| first; equal sizes by feature name so the order never depends on input order.
const byStrength = (a: Driver, b: Driver) =>
  Math.abs(b.contribution) - Math.abs(a.contribution) || (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0);

/** Every driver raising the risk, strongest first. */
export function risingDrivers(drivers: readonly Driver[]): Driver[] {
  return drivers.filter((d) => d.contribution > 0).sort(byStrength);
}

/** The `k` strongest drivers raising the risk and the `k` strongest lowering it; zero contributions are neither. */
export function topDrivers(drivers: readonly Driver[], k: number): { up: Driver[]; down: Driver[] } {
  const down = drivers.filter((d) => d.contribution < 0).sort(byStrength);
  return { up: risingDrivers(drivers).slice(0, k), down: down.slice(0, k) };
}
