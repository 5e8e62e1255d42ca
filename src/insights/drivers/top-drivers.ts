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

/** Driver order: larger |contribution| first; equal sizes by feature name so the order never depends on input order. */
export const compareStrength = (fa: string, ca: number, fb: string, cb: number): number =>
  Math.abs(cb) - Math.abs(ca) || (fa < fb ? -1 : fa > fb ? 1 : 0);

const byStrength = (a: Driver, b: Driver) => compareStrength(a.feature, a.contribution, b.feature, b.contribution);

/** Every driver raising the risk, strongest first. */
export function risingDrivers(drivers: readonly Driver[]): Driver[] {
  return drivers.filter((d) => d.contribution > 0).sort(byStrength);
}

/** The counts the selections below handle by insertion; other counts fall back to filter, sort and slice. */
export const isSelectableCount = (k: number): boolean => Number.isInteger(k) && k >= 1 && k <= 64;

const pushes = (c: number, sign: 1 | -1) => (sign > 0 ? c > 0 : c < 0);

/**
 * The `k` strongest drivers raising the risk (`sign` 1) or lowering it (`sign` -1), strongest first: the first `k` of
 * the filtered list sorted by strength (a stable sort, so ties of equal name keep their input order), found by one
 * insertion pass instead of a sort of every driver — a row has dozens of drivers and shows three each way.
 */
export function strongestDrivers(drivers: readonly Driver[], k: number, sign: 1 | -1): Driver[] {
  // Any other k (0, fractions, huge or negative counts) as slice(0, k) of the sorted list reads it.
  if (!isSelectableCount(k))
    return drivers
      .filter((d) => pushes(d.contribution, sign))
      .sort(byStrength)
      .slice(0, k);
  const out: Driver[] = [];
  for (let j = 0; j < drivers.length; j++) {
    const d = drivers[j];
    if (!pushes(d.contribution, sign)) continue;
    let i = out.length;
    if (i === k) {
      if (byStrength(d, out[k - 1]) >= 0) continue; // not stronger than the weakest kept
      i = k - 1;
    } else out.push(d);
    while (i > 0 && byStrength(d, out[i - 1]) < 0) {
      out[i] = out[i - 1];
      i--;
    }
    out[i] = d;
  }
  return out;
}

/** The `k` strongest drivers raising the risk and the `k` strongest lowering it; zero contributions are neither. */
export function topDrivers(drivers: readonly Driver[], k: number): { up: Driver[]; down: Driver[] } {
  return { up: strongestDrivers(drivers, k, 1), down: strongestDrivers(drivers, k, -1) };
}
