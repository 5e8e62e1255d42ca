import { beforeAll, describe, expect, it } from 'vitest';
import type { Subscription } from '../contract/index.js';
import { addMonths, dayOf } from './calendar.js';
import {
  type Business,
  churnPerMonth,
  churnsBetween,
  generateForTest,
  isChurn,
  isVoluntaryChurn,
  mean,
  ruleBusinessOptions,
  usageIn,
  windowEnd,
  windowStart,
} from './test-kit.js';

let b: Business;
beforeAll(async () => {
  b = await generateForTest(ruleBusinessOptions);
});

describe('plans, prices and discounts', () => {
  it('list prices are the plan prices (annual = 10 months for 12) and every charge is price × months × (1 − discount)', () => {
    const prices = new Set(b.subscriptions.map((s) => `${s.plan_type}/${s.billing_cycle}/${s.monthly_price}`));
    expect([...prices].sort()).toEqual(
      [
        'Basic/annual/6.66',
        'Basic/monthly/7.99',
        'Premium/annual/14.99',
        'Premium/monthly/17.99',
        'Standard/annual/10.83',
        'Standard/monthly/12.99',
      ].sort(),
    );
    const sub = new Map(b.subscriptions.map((s) => [s.subscription_id, s]));
    for (const p of b.payments) {
      if (p.status === 'refunded') continue;
      const s = sub.get(p.subscription_id!)!;
      const months = s.billing_cycle === 'annual' ? 12 : 1;
      expect(p.amount).toBe(Math.round(s.monthly_price * months * (1 - s.discount_pct / 100) * 100) / 100);
    }
  });

  it('promotions (20/30/50 %) lower churn while they run; churn jumps in the two months after the promotion ends', () => {
    expect(new Set(b.subscriptions.map((s) => s.discount_pct))).toEqual(new Set([0, 20, 30, 50]));
    const during: Subscription[] = [];
    let afterDays = 0;
    let afterChurns = 0;
    for (const h of b.histories)
      h.subs.forEach((s, i) => {
        if (s.discount_pct > 0 && s.billing_cycle === 'monthly') during.push(s);
        const next = h.subs[i + 1];
        if (s.billing_cycle === 'monthly' && s.discount_pct > 0 && s.cancel_reason === 'plan_change' && next.discount_pct === 0) {
          const from = dayOf(next.start_date);
          const twoMonths = addMonths(from, 2) - 1;
          const to = Math.min(twoMonths, windowEnd, next.end_date === null ? windowEnd : dayOf(next.end_date));
          afterDays += to - from + 1;
          if (isChurn(next) && dayOf(next.end_date!) <= twoMonths) afterChurns++;
        }
      });
    const duringRate = churnPerMonth(during, windowEnd, windowStart);
    expect(afterDays).toBeGreaterThan(10_000);
    expect((30 * afterChurns) / afterDays / duringRate).toBeGreaterThan(1.6);
  });

  it('upgrades follow high usage and downgrades low usage; the new row starts the day after the old one ends', () => {
    const order = ['Basic', 'Standard', 'Premium'];
    const before = { up: [] as number[], down: [] as number[] };
    for (const h of b.histories)
      h.subs.forEach((s, i) => {
        if (s.cancel_reason !== 'plan_change') return;
        const next = h.subs[i + 1];
        expect(dayOf(next.start_date)).toBe(dayOf(s.end_date!) + 1);
        const step = order.indexOf(next.plan_type) - order.indexOf(s.plan_type);
        if (step !== 0)
          (step > 0 ? before.up : before.down).push(usageIn(h, dayOf(s.end_date!) - 29, dayOf(s.end_date!)).minutes);
      });
    expect(before.up.length).toBeGreaterThan(200);
    expect(before.down.length).toBeGreaterThan(200);
    expect(mean(before.up) / mean(before.down)).toBeGreaterThan(1.5);
  });
});

describe('billing cycle and auto-renew', () => {
  it('annual subscriptions churn far less than monthly ones, and mostly at renewal', () => {
    const annual = b.subscriptions.filter((s) => s.billing_cycle === 'annual');
    const monthly = b.subscriptions.filter((s) => s.billing_cycle === 'monthly');
    expect(churnPerMonth(annual, windowEnd, windowStart) / churnPerMonth(monthly, windowEnd, windowStart)).toBeLessThan(0.5);
    const churned = annual.filter(isChurn);
    const atRenewal = churned.filter((s) => {
      const end = dayOf(s.end_date!);
      for (let k = 1; k < 20; k++) {
        const renewal = addMonths(dayOf(s.start_date), 12 * k);
        if (end >= renewal - 1 && end <= renewal + 15) return true;
      }
      return false;
    });
    expect(churned.length).toBeGreaterThan(100);
    expect(atRenewal.length / churned.length).toBeGreaterThan(0.75);
  });

  it('monthly subscriptions without auto-renew churn more than those with it', () => {
    const monthly = b.subscriptions.filter((s) => s.billing_cycle === 'monthly');
    const off = churnPerMonth(
      monthly.filter((s) => s.auto_renew === 0),
      windowEnd,
      windowStart,
    );
    const on = churnPerMonth(
      monthly.filter((s) => s.auto_renew === 1),
      windowEnd,
      windowStart,
    );
    expect(off / on).toBeGreaterThan(1.3);
  });
});

describe('payment failures drive involuntary churn', () => {
  it('customers churn far more often in the 45 days after a failed charge than after a successful one', () => {
    const n = { failed: 0, failedChurn: 0, ok: 0, okChurn: 0 };
    for (const h of b.histories)
      for (const p of h.payments) {
        const day = dayOf(p.paid_at);
        if (p.attempt !== 1 || p.status === 'refunded' || day > windowEnd - 45) continue;
        const churn = churnsBetween(h, day, day + 45);
        if (p.status === 'failed') {
          n.failed++;
          if (churn) n.failedChurn++;
        } else {
          n.ok++;
          if (churn) n.okChurn++;
        }
      }
    expect(n.failed).toBeGreaterThan(500);
    expect(n.failedChurn / n.failed / (n.okChurn / n.ok)).toBeGreaterThan(4);
  });

  it('every payment_failed churn ends on the day its fourth attempt failed, after retries 3, 5 and 7 days apart', () => {
    const involuntary = b.subscriptions.filter((s) => s.cancel_reason === 'payment_failed');
    expect(involuntary.length).toBeGreaterThan(200);
    const bySub = new Map<string, typeof b.payments>();
    for (const p of b.payments) bySub.set(p.subscription_id!, [...(bySub.get(p.subscription_id!) ?? []), p]);
    for (const s of involuntary) {
      const tries = bySub.get(s.subscription_id)!.slice(-4);
      expect(tries.map((p) => `${p.attempt}:${p.status}`)).toEqual(['1:failed', '2:failed', '3:failed', '4:failed']);
      expect(tries[3].paid_at).toBe(s.end_date);
      expect(tries.slice(1).map((p, i) => dayOf(p.paid_at) - dayOf(tries[i].paid_at))).toEqual([3, 5, 7]);
    }
    const reasons = new Set(b.payments.filter((p) => p.status === 'failed').map((p) => p.failure_reason));
    expect(reasons).toEqual(new Set(['card_expired', 'insufficient_funds', 'processing_error']));
  });
});

describe('win-backs', () => {
  it('some churned customers return with a new subscription more than 30 days later, often on a win-back discount', () => {
    const returns: Subscription[] = [];
    const left = { payment_failed: 0, voluntary: 0 };
    const came = { payment_failed: 0, voluntary: 0 };
    for (const h of b.histories)
      h.subs.forEach((s, i) => {
        if (!isChurn(s) || dayOf(s.end_date!) > windowEnd - 150) return;
        const kind = isVoluntaryChurn(s) ? 'voluntary' : 'payment_failed';
        left[kind]++;
        const next = h.subs[i + 1];
        if (!next) return;
        came[kind]++;
        returns.push(next);
        expect(dayOf(next.start_date) - dayOf(s.end_date!)).toBeGreaterThan(30);
      });
    expect(b.summary.winBacks).toBeGreaterThanOrEqual(returns.length);
    expect(returns.length).toBeGreaterThan(100);
    expect(returns.filter((s) => s.discount_pct > 0).length / returns.length).toBeGreaterThan(0.3);
    // Customers lost to a failed card come back more often than those who chose to leave.
    expect(came.payment_failed / left.payment_failed).toBeGreaterThan(1.3 * (came.voluntary / left.voluntary));
  });
});
