import { describe, expect, it } from 'vitest';
import type { FeatureValue } from '../types.js';
import { describeDriver, describeFact } from './describe-driver.js';

const customer: Record<string, FeatureValue> = {
  failed_payments_30d: 3,
  support_tickets_30d: 4,
  avg_resolution_time_30d: 52,
  plan_type: 'Premium',
  monthly_price: 14.99,
  billing_cycle: 'monthly',
};

const fact = (feature: string, value: FeatureValue, features = customer) => describeFact(feature, value, { features }).fact;

describe('describeFact renders every feature family with the customer value', () => {
  it.each<[string, FeatureValue, string]>([
    ['failed_payments_30d', 3, '3 failed payments in the last 30 days'],
    ['failed_payments_90d', 1, '1 failed payment in the last 90 days'],
    ['successful_payments_30d', 2, '2 successful payments in the last 30 days'],
    ['total_amount_success_30d', 29.97, 'paid 29.97 in the last 30 days'],
    ['refunds_90d', 0, '0 refunds in the last 90 days'],
    ['days_since_last_failed_payment', 12, 'last failed payment 12 days ago'],
    ['days_since_last_failed_payment', null, 'no failed payment on record'],
    ['payment_failure_rate', 0.25, '25 % of payment attempts failed'],
    ['total_sessions_30d', 12, '12 sessions in the last 30 days'],
    ['active_days_30d', 5, 'active on 5 of the last 30 days'],
    ['total_minutes_7d', 1234.5, '1,234.5 minutes of use in the last 7 days'],
    ['avg_session_minutes_30d', 14.25, 'sessions last 14.3 minutes on average in the last 30 days'],
    ['total_crashes_30d', 1, '1 app crash in the last 30 days'],
    ['sessions_per_crash', 3.5, '3.5 sessions per app crash'],
    ['support_per_session', 0.125, '0.13 support tickets per session'],
    ['days_since_last_activity', 21, 'no activity for 21 days'],
    ['days_since_last_activity', 0, 'active on the latest day'],
    // Trend as src/features defines it, (last − before) ÷ (last + before): 4 sessions after 10 → −3/7.
    ['sessions_trend_30d', -3 / 7, 'sessions down 60 % vs the month before'],
    ['minutes_trend_30d', 0.25, 'minutes of use up 66.7 % vs the month before'],
    ['sessions_trend_30d', 1, 'sessions up from none in the month before'],
    ['sessions_trend_30d', -1, 'sessions down 100 % vs the month before'],
    ['minutes_trend_30d', 0.001, 'minutes of use unchanged vs the month before'],
    ['sessions_trend_30d', null, 'no sessions in either month to compare'],
    ['sessions_change', -0.6, 'sessions down 60 % vs the month before'],
    ['sessions_ratio', 0.4, 'sessions down 60 % vs the month before'],
    ['total_sessions_prev_30d', 10, '10 sessions in the 30 days before the last 30'],
    ['inactive_30d', 1, 'no activity at all in the last 30 days'],
    ['minutes_per_active_day_30d', 22.5, '22.5 minutes of use per active day in the last 30 days'],
    ['recent_sessions_share', 0.1, "10 % of the last 30 days' sessions fell in the last 7 days"],
    ['crash_rate_30d', 0.25, '0.25 app crashes per session in the last 30 days'],
    ['total_amount_failed_30d', 14.99, '14.99 in failed payments in the last 30 days'],
    ['total_amount_refunded_90d', 9.5, '9.50 refunded in the last 90 days'],
    ['support_tickets_technical_90d', 3, '3 technical tickets in the last 90 days'],
    ['unresolved_tickets', 2, '2 unresolved support tickets'],
    ['days_since_last_ticket', 3, 'last support ticket 3 days ago'],
    ['days_since_last_ticket', null, 'no support ticket on record'],
    ['subscription_age_days', 40, 'on the current plan for 40 days'],
    ['discount_pct', 0, 'paying full price'],
    ['has_discount', 1, 'on a discount'],
    ['effective_monthly_price', 11.99, 'pays 11.99/month after discount'],
    ['renewal_within_7d', 1, 'renews within 7 days'],
    ['plan_changes_90d', 2, '2 plan changes in the last 90 days'],
    ['downgraded_90d', 1, 'downgraded in the last 90 days'],
    ['previous_subscriptions', 1, '1 earlier subscription (plan changes or win-backs)'],
    ['age_band', '25-34', 'age band 25-34'],
    ['age', 41, 'aged 41'],
    ['region', 'North', 'region North'],
    ['support_tickets_30d', 4, '4 support tickets in the last 30 days, mean resolution 52 h'],
    ['support_tickets_90d', 2, '2 support tickets in the last 90 days'],
    ['tickets_billing_90d', 2, '2 billing tickets in the last 90 days'],
    ['avg_resolution_time_30d', 52, 'support tickets took 52 h on average to resolve in the last 30 days'],
    ['avg_resolution_time_30d', null, 'no resolved support tickets in the last 30 days'],
    ['unresolved_tickets_90d', 1, '1 unresolved support ticket in the last 90 days'],
    ['avg_csat_90d', 2.5, 'mean support satisfaction 2.5/5 in the last 90 days'],
    ['tenure_days', 45, 'customer for 45 days'],
    ['tenure_days', 425, 'customer for 13 months'],
    ['tenure_days', 800, 'customer for 2 years 2 months'],
    ['plan_type', 'Premium', 'Premium plan at 14.99/month'],
    ['monthly_price', 14.99, 'Premium plan at 14.99/month'],
    ['billing_cycle', 'monthly', 'on a monthly plan'],
    ['billing_cycle', 'annual', 'on an annual plan'],
    ['auto_renew', 0, 'auto-renew is off'],
    ['auto_renew', true, 'auto-renew is on'],
    ['days_to_renewal', 5, 'renews in 5 days'],
    ['downgrades_90d', 1, 'downgraded in the last 90 days'],
    ['downgrades_90d', 0, 'no downgrade in the last 90 days'],
    ['discount_pct', 20, '20 % discount'],
    ['device_type', 'iOS', 'mainly uses iOS'],
    ['acquisition_channel', 'Ads', 'acquired through Ads'],
  ])('%s = %s → "%s"', (feature, value, expected) => {
    expect(fact(feature, value)).toBe(expected);
  });

  it('uses the plan alone when the price is not among the features', () => {
    expect(fact('plan_type', 'Basic', {})).toBe('on the Basic plan');
    expect(fact('monthly_price', 7.5, {})).toBe('pays 7.50/month');
  });

  it('uses the raw counts behind ratios that src/features smooths with + 1', () => {
    const counts = { total_crashes_30d: 0, total_sessions_30d: 12, support_tickets_30d: 1 };
    expect(fact('sessions_per_crash', 12, counts)).toBe('0 app crashes in 12 sessions in the last 30 days');
    expect(fact('support_per_session', 1 / 13, counts)).toBe('1 support ticket for 12 sessions in the last 30 days');
  });

  it('undoes log1p so the sentence shows the real count', () => {
    expect(fact('log1p_failed_payments_30d', Math.log1p(3))).toBe('3 failed payments in the last 30 days');
  });

  it('reads a one-hot piece as membership of its category', () => {
    expect(fact('plan_type=Premium', 1)).toBe('Premium plan at 14.99/month');
    expect(fact('plan_type=Premium', 0)).toBe('plan type is not Premium');
    expect(fact('billing_cycle=monthly', 1)).toBe('on a monthly plan');
    expect(fact('device_type=__other__', 1)).toBe('device type: a rare or new value');
    expect(fact('region=__missing__', 1)).toBe('region: not recorded');
  });

  it('says when a value was not recorded, via missing indicators too', () => {
    expect(fact('avg_resolution_time_30d__missing', 1)).toBe('avg resolution time (last 30 days) not recorded');
    expect(fact('age_missing', 0)).toBe('age recorded');
    expect(fact('total_sessions_30d', null)).toBe('total sessions (last 30 days): not recorded');
    expect(fact('total_sessions_30d', Number.NaN)).toBe('total sessions (last 30 days): not recorded');
  });

  it('falls back to a generic sentence for unknown names and unexpected value types', () => {
    expect(describeFact('loyalty_points_90d', 120)).toEqual({ fact: 'loyalty points (last 90 days): 120', template: 'generic' });
    expect(describeFact('failed_payments_30d', 'many')).toEqual({
      fact: 'failed payments (last 30 days): many',
      template: 'generic',
    });
  });

  it('puts the currency symbol before amounts when one is given', () => {
    expect(describeFact('total_amount_success_30d', 30, { currency: '€' }).fact).toBe('paid €30.00 in the last 30 days');
  });
});

describe('describeDriver states the direction and the unit of the contribution', () => {
  it('renders a log-odds driver that raises risk', () => {
    const d = describeDriver({
      feature: 'failed_payments_30d',
      value: 3,
      contribution: 0.4213,
      context: { unit: 'log-odds', features: customer },
    });
    expect(d).toMatchObject({
      direction: 'raises',
      unit: 'log-odds',
      template: 'billing.failed-payments',
      fact: '3 failed payments in the last 30 days',
      effect: 'raises churn risk (+0.42 log-odds)',
      text: '3 failed payments in the last 30 days — raises churn risk (+0.42 log-odds)',
    });
  });

  it('renders a probability-scale driver that lowers risk in percentage points', () => {
    const d = describeDriver({ feature: 'tenure_days', value: 800, contribution: -0.031, context: { unit: 'probability' } });
    expect(d.direction).toBe('lowers');
    expect(d.effect).toBe('lowers churn risk (−3.1 percentage points)');
  });

  it('keeps two significant digits for tiny contributions and calls zero neutral', () => {
    expect(describeDriver({ feature: 'x', value: 1, contribution: -0.0031, context: { unit: 'log-odds' } }).effect).toBe(
      'lowers churn risk (−0.0031 log-odds)',
    );
    const zero = describeDriver({ feature: 'x', value: 1, contribution: 0, context: { unit: 'log-odds' } });
    expect([zero.direction, zero.effect]).toEqual(['neutral', 'no effect on churn risk']);
  });
});

describe('describeFact works a feature name out once per catalogue', () => {
  it('gives the same fact on every call, and each catalogue its own template', () => {
    const first = describeFact('failed_payments_30d', 3, { features: customer });
    expect(describeFact('failed_payments_30d', 3, { features: customer })).toEqual(first);
    expect(describeFact('failed_payments_30d', 2, { features: customer }).fact).toBe('2 failed payments in the last 30 days');
    const own = [{ id: 'own', pattern: /^failed_payments$/, kind: 'number' as const, render: () => 'own words' }];
    expect(describeFact('failed_payments_30d', 3, { catalogue: own })).toEqual({ fact: 'own words', template: 'own' });
    expect(describeFact('failed_payments_30d', 3, { catalogue: [] })).toEqual({
      fact: 'failed payments (last 30 days): 3',
      template: 'generic',
    });
    expect(describeFact('failed_payments_30d', 3, { features: customer })).toEqual(first);
  });

  it('hands each render its own copy of the pattern groups', () => {
    const seen: string[] = [];
    const own = [
      {
        id: 'grab',
        pattern: /^support_tickets_(?<category>[a-z]+)$/,
        kind: 'number' as const,
        render: ({ groups }: { groups: Record<string, string> }) => {
          seen.push(groups.category);
          groups.category = 'changed'; // a template that writes into its input must not change the next render's
          return 'x';
        },
      },
    ];
    describeFact('support_tickets_billing_30d', 1, { catalogue: own });
    describeFact('support_tickets_billing_30d', 1, { catalogue: own });
    expect(seen).toEqual(['billing', 'billing']);
  });
});
