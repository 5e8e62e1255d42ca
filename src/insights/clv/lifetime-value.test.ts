import { describe, expect, it } from 'vitest';
import { customerValue, lifetimeValue, monthlyHazard } from './lifetime-value.js';
import { summariseValues, summariseValuesBy } from './value-summary.js';

/** The definition itself, summed month by month: the oracle for the closed form. */
function bruteForce(m: number, h: number, T: number, d: number): number {
  let s = 0;
  for (let t = 1; t <= T; t++) s += (m * (1 - h) ** t) / (1 + d) ** t;
  return s;
}

describe('monthlyHazard converts a horizon probability to a 30-day hazard', () => {
  it('equals p for a 30-day horizon', () => {
    expect(monthlyHazard(0.2, 30)).toBeCloseTo(0.2, 15);
  });
  it('takes the square root of survival for a 60-day horizon: p = 0.19 → h = 0.1', () => {
    expect(monthlyHazard(0.19, 60)).toBeCloseTo(0.1, 15);
  });
  it('takes the cube root for a 90-day horizon: p = 1 − 0.9³ → h = 0.1', () => {
    expect(monthlyHazard(1 - 0.9 ** 3, 90)).toBeCloseTo(0.1, 15);
  });
  it('keeps the edges: p = 0 → 0, p = 1 → 1', () => {
    expect([monthlyHazard(0, 30), monthlyHazard(1, 30)]).toEqual([0, 1]);
  });
});

describe('lifetimeValue is the discounted sum of surviving monthly revenue', () => {
  it('matches a hand sum: m = 10, h = 0.1, 3 months → 10 × (0.9 + 0.81 + 0.729) = 24.39', () => {
    expect(lifetimeValue(10, 0.1, { horizonMonths: 3 })).toBeCloseTo(24.39, 12);
  });
  it('matches a hand sum with discounting: d = 0.1 → 10 × (0.9/1.1 + 0.81/1.21 + 0.729/1.331)', () => {
    expect(lifetimeValue(10, 0.1, { horizonMonths: 3, monthlyDiscountRate: 0.1 })).toBeCloseTo(20.353118, 6);
  });
  it('is m × T without churn or discounting', () => {
    expect(lifetimeValue(12.5, 0, { horizonMonths: 24 })).toBe(300);
  });
  it('is the perpetuity m(1 − h)/h for an infinite horizon: 10 × 0.9 / 0.1 = 90', () => {
    expect(lifetimeValue(10, 0.1, { horizonMonths: Number.POSITIVE_INFINITY })).toBeCloseTo(90, 12);
  });
  it('is 0 when churn is certain', () => {
    expect(lifetimeValue(10, 1)).toBe(0);
  });
  it('agrees with the month-by-month sum over a grid of hazards, horizons and rates', () => {
    for (const h of [0.001, 0.04, 0.3, 0.95])
      for (const T of [1, 12, 24, 120])
        for (const d of [0, 0.005, 0.05]) {
          const expected = bruteForce(19.99, h, T, d);
          expect(Math.abs(lifetimeValue(19.99, h, { horizonMonths: T, monthlyDiscountRate: d }) - expected)).toBeLessThan(
            1e-12 * Math.max(1, expected),
          );
        }
  });
  it('rejects a bad horizon, rate or revenue naming the field', () => {
    expect(() => lifetimeValue(10, 0.1, { horizonMonths: 2.5 })).toThrow(/horizonMonths must be an integer ≥ 1/);
    expect(() => lifetimeValue(10, 0.1, { monthlyDiscountRate: -0.1 })).toThrow(/monthlyDiscountRate/);
    expect(() => lifetimeValue(-1, 0.1)).toThrow(/monthlyRevenue/);
    expect(() => lifetimeValue(10, 0, { horizonMonths: Number.POSITIVE_INFINITY })).toThrow(/finite when hazard/);
    expect(() => monthlyHazard(1.2)).toThrow(/probability must be in \[0, 1\], got 1.2/);
  });
});

describe('customerValue and the summaries', () => {
  const a = customerValue({ probability: 0.3, monthlyRevenue: 20 }, { horizonMonths: 2 });
  const b = customerValue({ probability: 0.1, monthlyRevenue: 10 }, { horizonMonths: 2 });

  it('computes CLV, lifetime and revenue at risk for one customer', () => {
    // h = 0.3; months = 0.7 + 0.49 = 1.19; CLV = 20 × 1.19 = 23.8; at risk = 0.3 × 20 = 6, × 12 = 72.
    expect(a.monthlyHazard).toBeCloseTo(0.3, 15);
    expect(a.expectedLifetimeMonths).toBeCloseTo(1.19, 12);
    expect(a.clv).toBeCloseTo(23.8, 12);
    expect(a.revenueAtRisk).toBeCloseTo(6, 15);
    expect(a.revenueAtRiskAnnual).toBeCloseTo(72, 12);
  });

  it('sums and averages a portfolio', () => {
    // b: CLV = 10 × (0.9 + 0.81) = 17.1; at risk 1.
    const s = summariseValues([a, b]);
    expect(s.customers).toBe(2);
    expect(s.expectedChurners).toBeCloseTo(0.4, 15);
    expect(s.monthlyRevenue).toBe(30);
    expect(s.clvTotal).toBeCloseTo(40.9, 12);
    expect(s.clvMean).toBeCloseTo(20.45, 12);
    expect(s.revenueAtRisk).toBeCloseTo(7, 12);
    expect(s.revenueAtRiskAnnual).toBeCloseTo(84, 12);
    expect(s.meanProbability).toBeCloseTo(0.2, 15);
    expect(summariseValues([])).toMatchObject({ customers: 0, clvMean: 0, meanProbability: 0 });
  });

  it('summarises by group, groups in name order', () => {
    const rows = [
      { ...a, plan: 'Premium' },
      { ...b, plan: 'Basic' },
      { ...b, plan: 'Premium' },
    ];
    const by = summariseValuesBy(rows, (r) => r.plan);
    expect(by.map((g) => [g.group, g.customers])).toEqual([
      ['Basic', 1],
      ['Premium', 2],
    ]);
    expect(by[1].clvTotal).toBeCloseTo(40.9, 12);
    expect(by[0].revenueAtRisk).toBeCloseTo(1, 15);
  });
});
