import { describe, expect, it } from 'vitest';
import { addMonths, dayOf } from './calendar.js';
import { type Business, generateForTest } from './test-kit.js';

/** The monthly churn rate recomputed from the subscription rows alone (spells = rows chained by plan changes). */
function rateFromRows(b: Business, start: string, months: number): number {
  const starts = Array.from({ length: months + 1 }, (_, m) => addMonths(dayOf(start), m));
  let active = 0;
  let churned = 0;
  for (const h of b.histories) {
    let from = dayOf(h.subs[0].start_date);
    h.subs.forEach((s, i) => {
      if (i > 0 && h.subs[i - 1].cancel_reason !== 'plan_change') from = dayOf(s.start_date);
      if (s.cancel_reason === 'plan_change') return;
      const to = s.end_date === null ? starts[months] - 1 : dayOf(s.end_date);
      for (let m = 0; m < months; m++) {
        if (starts[m] < from || starts[m] > to) continue;
        active++;
        if (s.end_date !== null && to < starts[m + 1]) churned++;
      }
    });
  }
  return churned / active;
}

describe('the overall monthly churn rate is calibrated to the target', () => {
  for (const target of [0.02, 0.04, 0.06]) {
    it(`realises ${target * 100} % within ±1 percentage point (3,000 customers × 12 months)`, async () => {
      const b = await generateForTest({ customers: 3000, months: 12, seed: 17, monthlyChurnRate: target });
      expect(Math.abs(b.summary.realisedMonthlyChurnRate - target)).toBeLessThan(0.01);
      expect(b.summary.realisedMonthlyChurnRate).toBeCloseTo(rateFromRows(b, '2025-01-01', 12), 12);
      // Every month, not only the average, stays in a sane band around the target.
      for (const r of b.summary.monthlyChurnRates) expect(Math.abs(r - target)).toBeLessThan(0.5 * target + 0.01);
    });
  }

  it('holds for another start date and window length (3 % over 8 months from 2024-03-15)', async () => {
    const b = await generateForTest({ customers: 3000, months: 8, seed: 5, start: '2024-03-15', monthlyChurnRate: 0.03 });
    expect(b.summary.start).toBe('2024-03-15');
    expect(b.summary.end).toBe('2024-11-14');
    expect(Math.abs(b.summary.realisedMonthlyChurnRate - 0.03)).toBeLessThan(0.01);
    expect(b.summary.realisedMonthlyChurnRate).toBeCloseTo(rateFromRows(b, '2024-03-15', 8), 12);
  });

  it('about a fifth to a third of churn is involuntary (payment failures) at the default target', async () => {
    const b = await generateForTest({ customers: 3000, months: 12, seed: 17 });
    const all = Object.values(b.summary.churnEvents).reduce((a, c) => a + c, 0);
    const share = b.summary.churnEvents.payment_failed / all;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.35);
  });
});
