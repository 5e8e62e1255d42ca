/** The catalogue of snapshot features: everything the point-in-time SQL computes for one customer at one cutoff. */
// The vocabularies straight from their dependency-free module, not data/index: every fitting and snapshot thread loads
// this layer, and data/index would load the generator, loader and checks too (~0.85 s CPU per thread from source).
import { acquisitionChannels, billingCycles, deviceTypes, planTypes, ticketCategories } from '../data/contract/enums.js';
import type { FeatureSpec, FeatureType } from './feature-spec.js';

/** The usage, billing and support look-back windows, in days. */
export const windows = [7, 30, 90] as const;

type Draft = Omit<FeatureSpec, 'origin'>;
const spec = (
  group: FeatureSpec['group'],
  name: string,
  type: FeatureType,
  unit: string,
  window: string,
  description: string,
  extra: Pick<FeatureSpec, 'legacy' | 'min' | 'max' | 'levels'> = {},
): Draft => ({ name, type, group, unit, window, description, ...extra });
const legacy30 = (w: number) => (w === 30 ? { legacy: true, min: 0 } : { min: 0 });
const count = { min: 0 };
const trend = { min: -1, max: 1 };

const usage: Draft[] = [
  ...windows.flatMap((w) => [
    spec('usage', `total_sessions_${w}d`, 'numeric', 'sessions', `${w}d`, `App sessions in the last ${w} days.`, legacy30(w)),
    spec('usage', `active_days_${w}d`, 'numeric', 'days', `${w}d`, `Days with any activity in the last ${w} days.`, count),
    spec('usage', `total_minutes_${w}d`, 'numeric', 'minutes', `${w}d`, `Minutes of use in the last ${w} days.`, count),
    spec(
      'usage',
      `avg_session_minutes_${w}d`,
      'numeric',
      'minutes',
      `${w}d`,
      `Average minutes per session in the last ${w} days (minutes ÷ sessions); empty when there was no session.`,
      legacy30(w),
    ),
    spec('usage', `total_crashes_${w}d`, 'numeric', 'crashes', `${w}d`, `App crashes in the last ${w} days.`, legacy30(w)),
  ]),
  spec('usage', 'total_sessions_prev_30d', 'numeric', 'sessions', '31–60d', 'Sessions in the 30 days before the last 30.', count),
  spec(
    'usage',
    'total_minutes_prev_30d',
    'numeric',
    'minutes',
    '31–60d',
    'Minutes of use in the 30 days before the last 30.',
    count,
  ),
  spec(
    'usage',
    'sessions_trend_30d',
    'numeric',
    'ratio',
    '60d',
    'Session trend: (last 30 days − the 30 before) ÷ (their sum), from −1 (stopped) to +1 (new); empty when both are 0.',
    trend,
  ),
  spec('usage', 'minutes_trend_30d', 'numeric', 'ratio', '60d', 'Minutes trend, same formula as sessions_trend_30d.', trend),
  spec(
    'usage',
    'days_since_last_activity',
    'numeric',
    'days',
    'all history',
    'Days from the last active day to the cutoff (0 = active on the cutoff day); empty when never active.',
    count,
  ),
  spec(
    'usage',
    'inactive_30d',
    'boolean',
    '',
    '30d',
    'No activity at all in the last 30 days (usage churn, as opposed to subscription churn).',
  ),
];

const billing: Draft[] = [
  ...[30, 90].flatMap((w) => [
    spec(
      'billing',
      `successful_payments_${w}d`,
      'numeric',
      'payments',
      `${w}d`,
      `Successful payments in the last ${w} days.`,
      count,
    ),
    spec(
      'billing',
      `failed_payments_${w}d`,
      'numeric',
      'payments',
      `${w}d`,
      `Failed payment attempts (retries included) in the last ${w} days.`,
      legacy30(w),
    ),
    spec(
      'billing',
      `total_amount_success_${w}d`,
      'numeric',
      'currency',
      `${w}d`,
      `Amount successfully charged in the last ${w} days.`,
      legacy30(w),
    ),
    spec(
      'billing',
      `total_amount_failed_${w}d`,
      'numeric',
      'currency',
      `${w}d`,
      `Amount of failed payment attempts in the last ${w} days.`,
      count,
    ),
  ]),
  spec('billing', 'refunds_90d', 'numeric', 'payments', '90d', 'Refunds in the last 90 days.', count),
  spec('billing', 'total_amount_refunded_90d', 'numeric', 'currency', '90d', 'Amount refunded in the last 90 days.', count),
  spec(
    'billing',
    'days_since_last_failed_payment',
    'numeric',
    'days',
    'all history',
    'Days since the last failed payment attempt; empty when none ever failed.',
    count,
  ),
];

const support: Draft[] = [
  ...[30, 90].flatMap((w) => [
    spec(
      'support',
      `support_tickets_${w}d`,
      'numeric',
      'tickets',
      `${w}d`,
      `Support tickets opened in the last ${w} days.`,
      legacy30(w),
    ),
    ...ticketCategories.map((c) =>
      spec(
        'support',
        `support_tickets_${c}_${w}d`,
        'numeric',
        'tickets',
        `${w}d`,
        `Support tickets of category "${c}" opened in the last ${w} days.`,
        count,
      ),
    ),
    spec(
      'support',
      `avg_resolution_time_${w}d`,
      'numeric',
      'hours',
      `${w}d`,
      `Mean hours to resolve the tickets opened in the last ${w} days that were resolved by the cutoff; empty when none.`,
      legacy30(w),
    ),
  ]),
  spec(
    'support',
    'unresolved_tickets',
    'numeric',
    'tickets',
    'all history',
    'Tickets opened by the cutoff and not yet resolved at the cutoff.',
    count,
  ),
  spec(
    'support',
    'avg_csat_90d',
    'numeric',
    'score 1–5',
    '90d',
    'Mean satisfaction score of tickets opened in the last 90 days and rated by the cutoff; empty when none.',
    { min: 1, max: 5 },
  ),
  spec(
    'support',
    'days_since_last_ticket',
    'numeric',
    'days',
    'all history',
    'Days since the last support ticket was opened; empty when never.',
    count,
  ),
];

const subscription: Draft[] = [
  spec('subscription', 'tenure_days', 'numeric', 'days', 'at cutoff', 'Days since the customer signed up.', count),
  spec(
    'subscription',
    'subscription_age_days',
    'numeric',
    'days',
    'at cutoff',
    'Days since the current subscription (plan) started.',
    count,
  ),
  spec('subscription', 'plan_type', 'categorical', '', 'at cutoff', 'Plan of the current subscription.', {
    legacy: true,
    levels: planTypes,
  }),
  spec('subscription', 'billing_cycle', 'categorical', '', 'at cutoff', 'Billing cycle of the current subscription.', {
    levels: billingCycles,
  }),
  spec(
    'subscription',
    'monthly_price',
    'numeric',
    'currency/month',
    'at cutoff',
    'List price per month of the current subscription, before discount.',
    { legacy: true, min: 0 },
  ),
  spec('subscription', 'discount_pct', 'numeric', 'percent', 'at cutoff', 'Promotional discount of the current subscription.', {
    min: 0,
    max: 100,
  }),
  spec('subscription', 'auto_renew', 'boolean', '', 'at cutoff', 'The current subscription renews automatically.', {
    legacy: true,
  }),
  spec(
    'subscription',
    'days_to_renewal',
    'numeric',
    'days',
    'at cutoff',
    'Days until the next renewal date of the current subscription (start date + whole billing cycles), 1 to a full cycle.',
    { min: 0 },
  ),
  spec(
    'subscription',
    'plan_changes_90d',
    'numeric',
    'changes',
    '90d',
    'Plan changes (a subscription that continues the previous one within a day) in the last 90 days.',
    count,
  ),
  spec('subscription', 'downgraded_90d', 'boolean', '', '90d', 'A plan change to a cheaper plan in the last 90 days.'),
  spec(
    'subscription',
    'previous_subscriptions',
    'numeric',
    'subscriptions',
    'all history',
    'Subscriptions the customer held before the current one (plan changes and win-backs).',
    count,
  ),
];

const customer: Draft[] = [
  spec('customer', 'age', 'numeric', 'years', 'at cutoff', 'Age at the cutoff (cutoff year − birth year); empty when unknown.', {
    min: 0,
    max: 130,
  }),
  spec('customer', 'region', 'categorical', '', 'static', 'Sales region.'),
  spec('customer', 'device_type', 'categorical', '', 'static', 'Primary device.', { levels: deviceTypes }),
  spec('customer', 'acquisition_channel', 'categorical', '', 'static', 'Channel the customer was acquired through.', {
    levels: acquisitionChannels,
  }),
];

/** Every snapshot feature, in CSV column order. */
export const snapshotFeatures: readonly FeatureSpec[] = [...usage, ...billing, ...support, ...subscription, ...customer].map(
  (f) => ({ ...f, origin: 'snapshot' as const }),
);
