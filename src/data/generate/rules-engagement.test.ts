import { beforeAll, describe, expect, it } from 'vitest';
import { dayOf } from './calendar.js';
import {
  activeOn,
  type Business,
  churnPerMonth,
  generateForTest,
  type History,
  isVoluntaryChurn,
  mean,
  ruleBusinessOptions,
  tenureBucket,
  usageIn,
  windowEnd,
  windowStart,
} from './test-kit.js';

let b: Business;
beforeAll(async () => {
  b = await generateForTest(ruleBusinessOptions);
});

/** Voluntary churns with 90 days of observed history before them. */
function voluntaryChurns() {
  const out: { h: History; day: number }[] = [];
  for (const h of b.histories)
    for (const s of h.subs)
      if (isVoluntaryChurn(s) && dayOf(s.end_date!) >= windowStart + 90) out.push({ h, day: dayOf(s.end_date!) });
  return out;
}

describe('latent engagement: falling usage precedes voluntary cancellation', () => {
  it('usage in the 30 days before a voluntary cancellation is far below retained customers of the same tenure at the same time', () => {
    const churns = voluntaryChurns();
    expect(churns.length).toBeGreaterThan(1000);
    // Controls: customers active on the day and still active 60 days later, same tenure bucket, monthly cutoffs.
    const control = new Map<string, number[]>();
    for (let day = windowStart + 90; day <= windowEnd; day += 15)
      for (const h of b.histories)
        if (activeOn(h, day) && activeOn(h, Math.min(windowEnd, day + 60))) {
          const key = `${Math.floor((day - windowStart) / 30)}|${tenureBucket(h, day)}`;
          if (!control.has(key)) control.set(key, []);
          control.get(key)!.push(usageIn(h, day - 29, day).minutes);
        }
    const churner: number[] = [];
    const matched: number[] = [];
    for (const { h, day } of churns) {
      const c = control.get(`${Math.floor((day - windowStart) / 30)}|${tenureBucket(h, day)}`);
      if (!c?.length) continue;
      churner.push(usageIn(h, day - 29, day).minutes);
      matched.push(mean(c));
    }
    expect(churner.length).toBeGreaterThan(0.9 * churns.length);
    expect(mean(churner) / mean(matched)).toBeLessThan(0.5);
  });

  it('the same customers used the service more 60–90 days earlier; the decline is gradual and started months before', () => {
    const churns = voluntaryChurns().filter(({ day }) => day >= windowStart + 120);
    const window = (from: number, to: number) => churns.map(({ h, day }) => usageIn(h, day - to, day - from));
    const m = (xs: ReturnType<typeof usageIn>[], k: 'days' | 'sessions' | 'minutes') => mean(xs.map((x) => x[k]));
    const last = window(0, 29);
    const early = window(60, 89);
    expect(m(last, 'minutes') / m(early, 'minutes')).toBeLessThan(0.8);
    // Not a cliff: the last month still holds a good part of the usage, and the fall began 2–4 months out.
    expect(m(last, 'minutes') / m(early, 'minutes')).toBeGreaterThan(0.4);
    expect(m(window(30, 74), 'minutes')).toBeLessThan(0.95 * m(window(75, 119), 'minutes'));
    // Fewer active days (longer gaps), fewer sessions per active day, shorter sessions.
    expect(m(last, 'days')).toBeLessThan(0.85 * m(early, 'days'));
    expect(m(last, 'sessions') / m(last, 'days')).toBeLessThan(m(early, 'sessions') / m(early, 'days'));
    expect(m(last, 'minutes') / m(last, 'sessions')).toBeLessThan(m(early, 'minutes') / m(early, 'sessions'));
  });
});

describe('weekday and seasonal usage', () => {
  /** Subscribed customer-days per weekday / per calendar month. */
  function exposure() {
    const weekday = new Array(7).fill(0);
    const month = new Array(12).fill(0);
    for (const s of b.subscriptions) {
      const from = Math.max(windowStart, dayOf(s.start_date));
      const to = s.end_date === null ? windowEnd : dayOf(s.end_date);
      for (let d = from; d <= to; d++) {
        weekday[(d + 4) % 7]++;
        month[new Date(d * 86_400_000).getUTCMonth()]++;
      }
    }
    return { weekday, month };
  }

  it('weekends are busier than weekdays, and January busier than July, per subscribed customer-day', () => {
    const { weekday, month } = exposure();
    const activeWeekday = new Array(7).fill(0);
    const activeMonth = new Array(12).fill(0);
    for (const u of b.usage) {
      const d = dayOf(u.activity_date);
      activeWeekday[(d + 4) % 7]++;
      activeMonth[new Date(d * 86_400_000).getUTCMonth()]++;
    }
    const rate = (a: number[], e: number[], idx: number[]) =>
      idx.reduce((s, i) => s + a[i], 0) / idx.reduce((s, i) => s + e[i], 0);
    const weekend = rate(activeWeekday, weekday, [0, 6]);
    const midweek = rate(activeWeekday, weekday, [1, 2, 3, 4]);
    expect(weekend / midweek).toBeGreaterThan(1.25);
    expect(rate(activeMonth, month, [0]) / rate(activeMonth, month, [6])).toBeGreaterThan(1.2);
  });
});

describe('a business of mixed tenure, every month', () => {
  it('every month has active customers who joined in the last 90 days and customers of more than a year', () => {
    for (let m = 0; m < 12; m++) {
      const day = dayOf(`2025-${String(m + 1).padStart(2, '0')}-15`);
      const active = b.histories.filter((h) => activeOn(h, day));
      const tenure = active.map((h) => day - dayOf(h.customer.signup_date));
      expect(active.length).toBeGreaterThan(3000);
      expect(tenure.filter((t) => t < 90).length / active.length).toBeGreaterThan(0.04);
      expect(tenure.filter((t) => t > 365).length / active.length).toBeGreaterThan(0.3);
    }
  });
});

describe('acquisition channel and device change the churn rate', () => {
  const rateWhere = (keep: (h: History) => boolean) =>
    churnPerMonth(
      b.histories.filter(keep).flatMap((h) => h.subs),
      windowEnd,
      windowStart,
    );

  it('Social and Ads churn most, Referral least', () => {
    const by = (ch: string) => rateWhere((h) => h.customer.acquisition_channel === ch);
    expect(by('Social') / by('Referral')).toBeGreaterThan(1.3);
    expect(by('Ads')).toBeGreaterThan(by('Organic'));
    expect(by('Organic')).toBeGreaterThan(by('Referral'));
  });

  it('Web customers churn more than SmartTV customers', () => {
    const by = (d: string) => rateWhere((h) => h.customer.device_type === d);
    expect(by('Web') / by('SmartTV')).toBeGreaterThan(1.3);
  });
});
