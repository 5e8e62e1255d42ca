import { FormatRegistry } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { beforeAll, describe, expect, it } from 'vitest';
import { contracts, rawTableNames } from '../contract/index.js';
import { dayOf, isIsoDate } from './calendar.js';
import { asObjects, type Business, generateForTest } from './test-kit.js';

// Every drift scenario on, so every enum value the generator can write is exercised.
const options = {
  customers: 600,
  months: 12,
  seed: 3,
  drift: [
    { kind: 'price_rise', from: '2025-05-01' },
    { kind: 'crash_wave', from: '2025-08-01' },
    { kind: 'payment_outage', from: '2025-03-01' },
    { kind: 'channel_shift', from: '2025-06-01' },
  ],
} as const;

let b: Business;
beforeAll(async () => {
  // The contract's `date` format means a real calendar date written YYYY-MM-DD.
  if (!FormatRegistry.Has('date')) FormatRegistry.Set('date', isIsoDate);
  b = await generateForTest({ ...options, drift: [...options.drift] });
});

describe('generated rows satisfy the data contract', () => {
  it('every row of every table passes its TypeBox schema', () => {
    for (const t of rawTableNames) {
      const rows = asObjects<unknown>(t, b.raw[t]);
      const bad = rows.filter((r) => !Value.Check(contracts[t].schema, r));
      expect(bad.slice(0, 3), t).toEqual([]);
      expect(rows.length).toBe(b.summary.rows[t]);
    }
    expect(b.summary.rows.customers).toBe(600);
  });

  it('primary keys are unique in every table', () => {
    for (const t of rawTableNames) {
      const keys = new Set(b.raw[t].map((r) => contracts[t].primaryKey.map((k) => r[contracts[t].columns.indexOf(k)]).join('|')));
      expect(keys.size, t).toBe(b.raw[t].length);
    }
  });

  it('every child row references an existing customer and every payment an existing subscription of that customer', () => {
    const customers = new Set(b.customers.map((c) => c.customer_id));
    const subOwner = new Map(b.subscriptions.map((s) => [s.subscription_id, s.customer_id]));
    for (const rows of [b.subscriptions, b.usage, b.payments, b.tickets])
      expect(rows.filter((r) => !customers.has(r.customer_id))).toEqual([]);
    expect(b.payments.filter((p) => p.subscription_id === null || subOwner.get(p.subscription_id) !== p.customer_id)).toEqual([]);
  });

  it('subscriptions of a customer never overlap; ends follow starts; plan changes continue the next day', () => {
    for (const h of b.histories) {
      expect(h.subs.length).toBeGreaterThan(0);
      for (let i = 0; i < h.subs.length; i++) {
        const s = h.subs[i];
        expect(dayOf(s.start_date)).toBeGreaterThanOrEqual(dayOf(h.customer.signup_date));
        if (s.end_date !== null) expect(dayOf(s.end_date)).toBeGreaterThanOrEqual(dayOf(s.start_date));
        expect(s.end_date === null).toBe(s.cancel_reason === null);
        const next = h.subs[i + 1];
        if (!next) continue;
        expect(s.end_date).not.toBeNull();
        if (s.cancel_reason === 'plan_change') expect(dayOf(next.start_date)).toBe(dayOf(s.end_date!) + 1);
        else expect(dayOf(next.start_date)).toBeGreaterThan(dayOf(s.end_date!) + 30);
      }
      expect(h.subs.slice(0, -1).every((s) => s.end_date !== null)).toBe(true);
    }
  });

  it('usage, payments and tickets fall inside a subscription of the customer, within the window', () => {
    const start = dayOf('2025-01-01');
    const end = dayOf('2025-12-31');
    const inside = (subs: { start_date: string; end_date: string | null }[], day: number) =>
      subs.some((s) => dayOf(s.start_date) <= day && (s.end_date === null || dayOf(s.end_date) >= day));
    for (const h of b.histories) {
      for (const d of [
        ...h.usage.map((u) => dayOf(u.activity_date)),
        ...h.payments.map((p) => dayOf(p.paid_at)),
        ...h.tickets.map((t) => dayOf(t.opened_at)),
      ]) {
        expect(d >= start && d <= end && inside(h.subs, d)).toBe(true);
      }
    }
  });

  it('failed payments carry a failure reason and retries count up; other payments carry none', () => {
    for (const p of b.payments) expect(p.status === 'failed').toBe(p.failure_reason !== null);
    const reasons = new Set(b.payments.map((p) => p.failure_reason));
    expect([...reasons].sort()).toEqual(
      ['card_expired', 'insufficient_funds', 'processing_error', 'provider_outage', null].sort(),
    );
    for (const h of b.histories) {
      const attempts = h.payments.filter((p) => p.status !== 'refunded');
      for (let i = 1; i < attempts.length; i++)
        if (attempts[i].attempt > 1) {
          expect(attempts[i - 1].status).toBe('failed');
          expect(attempts[i].attempt).toBe(attempts[i - 1].attempt + 1);
        }
    }
  });

  it('the summary counts churn events exactly as the subscription rows show them', () => {
    const byReason: Record<string, number> = {};
    for (const s of b.subscriptions)
      if (s.cancel_reason && s.cancel_reason !== 'plan_change') byReason[s.cancel_reason] = (byReason[s.cancel_reason] ?? 0) + 1;
    for (const [reason, n] of Object.entries(b.summary.churnEvents)) expect(n, reason).toBe(byReason[reason] ?? 0);
    expect(b.summary.activeAtEnd).toBe(b.subscriptions.filter((s) => s.end_date === null).length);
    expect(b.summary.end).toBe('2025-12-31');
  });
});
