/** Two-proportion statistics: Wilson score interval, pooled z-test, Wald and Newcombe intervals for a difference. */
import { twoSidedPValue } from './normal.js';

/** A closed interval. */
export interface Interval {
  lower: number;
  upper: number;
}

/** Wilson score interval for x successes out of n at critical value z (no continuity correction). */
export function wilsonInterval(x: number, n: number, z: number): Interval {
  const p = x / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + z2n);
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

/** Pooled two-proportion z-test of p1 = p2: z and two-sided p-value; identical all-0 or all-1 arms give z = 0, p = 1. */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): { z: number; pValue: number } {
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { z: 0, pValue: 1 }; // every customer retained (or lost) in both arms: no difference to test
  const z = (x1 / n1 - x2 / n2) / se;
  return { z, pValue: twoSidedPValue(z) };
}

/** Wald interval for p1 − p2: d ± z·√(p1(1−p1)/n1 + p2(1−p2)/n2). */
export function waldDifferenceInterval(x1: number, n1: number, x2: number, n2: number, z: number): Interval {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const half = z * Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  return { lower: p1 - p2 - half, upper: p1 - p2 + half };
}

/** Newcombe's hybrid score interval for p1 − p2 (Newcombe 1998, method 10), built from the two Wilson intervals. */
export function newcombeDifferenceInterval(x1: number, n1: number, x2: number, n2: number, z: number): Interval {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const w1 = wilsonInterval(x1, n1, z);
  const w2 = wilsonInterval(x2, n2, z);
  const d = p1 - p2;
  return {
    lower: d - Math.sqrt((p1 - w1.lower) ** 2 + (w2.upper - p2) ** 2),
    upper: d + Math.sqrt((w1.upper - p1) ** 2 + (p2 - w2.lower) ** 2),
  };
}
