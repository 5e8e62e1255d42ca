import { beforeAll, describe, expect, it } from 'vitest';
import { contracts, type RawTableName, rawTableNames } from '../contract/index.js';
import type { RowArray } from './batch.js';
import { dayOf } from './calendar.js';
import type { DriftScenario } from './options.js';
import { type Business, generateForTest, isVoluntaryChurn } from './test-kit.js';

const FROM = '2025-07-01';
const from = dayOf(FROM);
const base = { customers: 3000, months: 12, seed: 99 } as const;
let baseline: Business;
const drifted = {} as Record<DriftScenario['kind'], Business>;

beforeAll(async () => {
  baseline = await generateForTest(base);
  for (const kind of ['price_rise', 'crash_wave', 'payment_outage', 'channel_shift'] as const)
    drifted[kind] = await generateForTest({ ...base, drift: [{ kind, from: FROM }] });
});

/** Rows of `table` dated before the drift (subscriptions: those whose end, and what follows it, came before it). */
function before(b: Business, table: RawTableName): string[] {
  const cols = contracts[table].columns;
  const date = cols.indexOf(contracts[table].dateColumn!);
  const end = cols.indexOf('end_date');
  const early = (r: RowArray) =>
    dayOf(r[date] as string) < from && (table !== 'subscriptions' || (r[end] !== null && dayOf(r[end] as string) + 1 < from));
  return b.raw[table].filter(early).map((r) => JSON.stringify(r));
}

/** Every row dated before the drift date is identical to the baseline's. */
function expectSameBefore(b: Business) {
  for (const t of rawTableNames) expect(before(b, t), t).toEqual(before(baseline, t));
}

const afterFrom = (d: string, days = 10_000) => dayOf(d) >= from && dayOf(d) < from + days;

describe('drift scenarios move their table from the date on, and not before', () => {
  it('price_rise: list prices +20 % on rows opened from the date, more price-driven churn afterwards', () => {
    const b = drifted.price_rise;
    expectSameBefore(b);
    const newPrices = new Set(
      b.subscriptions.filter((s) => afterFrom(s.start_date)).map((s) => `${s.plan_type}/${s.billing_cycle}/${s.monthly_price}`),
    );
    expect(newPrices).toContain('Basic/monthly/9.59');
    expect(newPrices).toContain('Premium/monthly/21.59');
    expect(newPrices).not.toContain('Basic/monthly/7.99');
    const priceChurn = (x: Business) =>
      x.subscriptions.filter((s) => isVoluntaryChurn(s) && afterFrom(s.end_date!) && s.cancel_reason === 'price').length;
    expect(priceChurn(b) / priceChurn(baseline)).toBeGreaterThan(1.8);
    const rateAfter = (x: Business) => x.summary.monthlyChurnRates.slice(6, 9).reduce((a, c) => a + c, 0);
    expect(rateAfter(b)).toBeGreaterThan(1.2 * rateAfter(baseline));
  });

  it('crash_wave: crashes per session way up and more technical tickets, from the date on', () => {
    const b = drifted.crash_wave;
    expectSameBefore(b);
    const crashRate = (x: Business) => {
      const after = x.usage.filter((u) => afterFrom(u.activity_date));
      return after.reduce((a, u) => a + u.crashes, 0) / after.reduce((a, u) => a + u.sessions, 0);
    };
    expect(crashRate(b) / crashRate(baseline)).toBeGreaterThan(5);
    const technical = (x: Business) => x.tickets.filter((t) => t.category === 'technical' && afterFrom(t.opened_at)).length;
    expect(technical(b) / technical(baseline)).toBeGreaterThan(3);
  });

  it('payment_outage: failed charges spike for 21 days with provider_outage, then recover', () => {
    const b = drifted.payment_outage;
    expectSameBefore(b);
    const failedShare = (x: Business, lo: number, hi: number) => {
      const tries = x.payments.filter((p) => p.status !== 'refunded' && dayOf(p.paid_at) >= lo && dayOf(p.paid_at) < hi);
      return tries.filter((p) => p.status === 'failed').length / tries.length;
    };
    expect(failedShare(b, from, from + 21)).toBeGreaterThan(0.4);
    expect(failedShare(baseline, from, from + 21)).toBeLessThan(0.1);
    expect(failedShare(b, from + 40, from + 120)).toBeLessThan(0.1);
    const outage = b.payments.filter((p) => p.failure_reason === 'provider_outage');
    expect(outage.length).toBeGreaterThan(500);
    expect(outage.every((p) => afterFrom(p.paid_at, 21))).toBe(true);
    const involuntary = (x: Business) =>
      x.subscriptions.filter((s) => s.cancel_reason === 'payment_failed' && afterFrom(s.end_date!, 45)).length;
    expect(involuntary(b)).toBeGreaterThan(1.5 * involuntary(baseline));
  });

  it('channel_shift: most signups from the date come through Social', () => {
    const b = drifted.channel_shift;
    expectSameBefore(b);
    const socialShare = (x: Business, after: boolean) => {
      const cs = x.customers.filter((c) => afterFrom(c.signup_date) === after);
      return cs.filter((c) => c.acquisition_channel === 'Social').length / cs.length;
    };
    expect(socialShare(b, true)).toBeGreaterThan(0.55);
    expect(socialShare(baseline, true)).toBeLessThan(0.25);
    expect(socialShare(b, false)).toBe(socialShare(baseline, false));
  });

  it('a drift date outside the window is refused with an error naming the option', async () => {
    await expect(generateForTest({ ...base, drift: [{ kind: 'crash_wave', from: '2026-02-01' }] })).rejects.toMatchObject({
      code: 'CHURN_ERR_PARAM',
      message: expect.stringContaining('drift[0].from'),
    });
  });
});
