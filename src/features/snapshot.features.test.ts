import { afterAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../test/helpers/stores.js';
import { frameToCsv } from './csv.js';
import { rowOf } from './frame.js';
import { snapshotAt } from './snapshot.js';
import { daysToRenewal } from './snapshot-finish.js';
import { BusinessFixture } from './testing/fixture.js';
import { randomBusiness } from './testing/random-business.js';

afterAll(closeAllStores);

const T = '2025-04-30';
const fixture = new BusinessFixture()
  .customer('A', { signup_date: '2024-01-01', birth_year: 1990 })
  .customer('B', { birth_year: null, region: 'South' })
  .subscription('A', '2024-01-01', '2025-03-10', { cancel_reason: 'plan_change' })
  .subscription('A', '2025-03-11', null, { monthly_price: 5, discount_pct: 20 })
  .subscription('B', '2024-06-15', '2025-05-10', { billing_cycle: 'annual', auto_renew: 0 })
  .usage('A', '2025-04-29', 3, 30.5, 1) // last 7 days
  .usage('A', '2025-04-01', 2, 10.25) // last 30 days (its first day)
  .usage('A', '2025-03-31', 4, 20) // 31 days back: the previous 30-day block
  .usage('A', '2025-03-01', 1, 7) // 61 days back: in 90 days only
  .usage('B', '2025-01-01', 5, 50)
  .payment('A', '2025-04-15', 5)
  .payment('A', '2025-04-10', 5, 'failed')
  .payment('A', '2025-02-10', 6, 'failed')
  .payment('B', '2025-03-01', 120, 'refunded')
  .ticket('A', '2025-04-28', { resolution_hours: 48, resolved: 1, csat: 4 }) // resolved exactly at the cutoff
  .ticket('A', '2025-04-29', { resolution_hours: 30, resolved: 1, csat: 1, category: 'billing' }) // resolved after it
  .ticket('A', '2025-04-20', { resolution_hours: 5, resolved: 1, csat: 2, category: 'billing' })
  .ticket('B', '2025-04-01')
  .usage('A', '2025-06-30');

describe.each(engines)('snapshot features on $name', ({ open }) => {
  it('computes each window, ratio and recency from rows dated on or before the cutoff', async () => {
    const store = await open();
    await fixture.insert(store);
    const snap = await snapshotAt(store, T);
    const [a, b] = [rowOf(snap.frame, 0), rowOf(snap.frame, 1)];
    expect(snap.frame.customerId).toEqual(['A', 'B']);
    expect(a).toMatchObject({
      total_sessions_7d: 3,
      total_sessions_30d: 5,
      active_days_30d: 2,
      total_minutes_30d: 40.75,
      avg_session_minutes_30d: 8.15,
      total_crashes_30d: 1,
      total_sessions_90d: 10,
      total_sessions_prev_30d: 4,
      sessions_trend_30d: 0.111111, // (5 − 4) ÷ (5 + 4)
      days_since_last_activity: 1,
      inactive_30d: 0,
      successful_payments_30d: 1,
      failed_payments_30d: 1,
      failed_payments_90d: 2,
      total_amount_failed_90d: 11,
      days_since_last_failed_payment: 20,
      support_tickets_30d: 3,
      support_tickets_billing_30d: 2,
      avg_resolution_time_30d: 26.5, // (48 + 5) ÷ 2: the 30-hour ticket opened on the 29th is not resolved by the 30th
      unresolved_tickets: 1,
      avg_csat_90d: 3,
      days_since_last_ticket: 1,
      tenure_days: 485,
      subscription_age_days: 50,
      plan_type: 'Standard',
      monthly_price: 5,
      discount_pct: 20,
      auto_renew: 1,
      days_to_renewal: 11,
      plan_changes_90d: 1,
      downgraded_90d: 1,
      previous_subscriptions: 1,
      age: 35,
    });
    expect(b).toMatchObject({
      total_sessions_30d: 0,
      avg_session_minutes_30d: null,
      sessions_trend_30d: null,
      days_since_last_activity: 119,
      inactive_30d: 1,
      refunds_90d: 1,
      total_amount_refunded_90d: 120,
      days_since_last_failed_payment: null,
      unresolved_tickets: 1,
      avg_resolution_time_30d: null,
      billing_cycle: 'annual',
      auto_renew: 0,
      days_to_renewal: 46,
      plan_changes_90d: 0,
      age: null,
      region: 'South',
    });
    expect(Array.from(snap.label)).toEqual([0, 1]);
  });
});

describe('renewal dates', () => {
  it('counts whole calendar cycles from the start, clamping to month ends', () => {
    expect(daysToRenewal('2025-01-31', 'monthly', '2025-02-27')).toBe(1); // Feb 28
    expect(daysToRenewal('2025-01-31', 'monthly', '2025-02-28')).toBe(31); // Mar 31
    expect(daysToRenewal('2024-02-29', 'annual', '2024-03-01')).toBe(364); // 2025-02-28
    expect(daysToRenewal('2025-04-30', 'monthly', '2025-04-30')).toBe(30);
    expect(daysToRenewal('2025-04-30', 'weekly', '2025-04-30')).toBeNaN();
  });
});

describe.runIf(engines.length > 1)('SQLite and PostgreSQL', () => {
  it('produce byte-identical snapshots (features and labels) on the same data', async () => {
    const business = randomBusiness(200, 11);
    // Two subscriptions starting the same day whose ids sort differently by byte and by locale ('a-2' vs 'B-1').
    business
      .customer('TIE')
      .subscription('TIE', '2024-12-01', null, { subscription_id: 'a-2', plan_type: 'Basic', monthly_price: 7.99 })
      .subscription('TIE', '2024-12-01', null, { subscription_id: 'B-1', plan_type: 'Premium', monthly_price: 17.99 });
    const stores = await Promise.all(engines.map((e) => e.open()));
    for (const s of stores) await business.insert(s);
    for (const cutoff of ['2025-01-31', '2025-03-31', '2025-06-30']) {
      const csv = await Promise.all(
        stores.map(async (s) => {
          const snap = await snapshotAt(s, cutoff);
          return frameToCsv(snap.frame, { churned: snap.label });
        }),
      );
      expect(csv[0].split('\n').length).toBeGreaterThan(50);
      const tie = csv[0].split('\n').find((line) => line.startsWith('TIE,'));
      expect(tie).toContain(',Basic,monthly,7.99,'); // byte order: 'a-2' > 'B-1', so a-2 is the current one
      expect(csv[1]).toBe(csv[0]);
    }
  });
});
