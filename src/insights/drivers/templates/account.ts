/** Driver templates for the subscription and the customer: tenure, plan, price, billing cycle, renewal, discounts, profile. */
import { countOf, formatDuration, formatMoney, formatNumber, formatPercent, windowPhrase } from '../format.js';
import { type DriverTemplate, numberAmong, textAmong } from '../template.js';

const priceNames = ['monthly_price', 'price'];
const planNames = ['plan_type', 'plan'];

export const accountTemplates: DriverTemplate[] = [
  {
    id: 'account.tenure-days',
    pattern: /^(tenure_days|tenure)$/,
    kind: 'number',
    render: ({ num }) => `customer for ${formatDuration(num)}`,
  },
  {
    id: 'account.tenure-months',
    pattern: /^tenure_months$/,
    kind: 'number',
    render: ({ num }) => `customer for ${countOf(num, 'month')}`,
  },
  {
    id: 'account.plan',
    pattern: /^(plan_type|plan)$/,
    kind: 'category',
    render: ({ text, features, currency }) => {
      const price = numberAmong(features, priceNames);
      return price === undefined ? `on the ${text} plan` : `${text} plan at ${formatMoney(price, currency)}/month`;
    },
  },
  {
    id: 'account.price',
    pattern: /^(monthly_price|price)$/,
    kind: 'number',
    render: ({ num, features, currency }) => {
      const plan = textAmong(features, planNames);
      return plan === undefined
        ? `pays ${formatMoney(num, currency)}/month`
        : `${plan} plan at ${formatMoney(num, currency)}/month`;
    },
  },
  {
    id: 'account.billing-cycle',
    pattern: /^billing_cycle$/,
    kind: 'category',
    render: ({ text }) => `on ${/^[aeiou]/i.test(text) ? 'an' : 'a'} ${text} plan`,
  },
  {
    id: 'account.auto-renew',
    pattern: /^auto_renew$/,
    kind: 'flag',
    render: ({ num }) => (num ? 'auto-renew is on' : 'auto-renew is off'),
  },
  {
    id: 'account.renewal',
    pattern: /^(days_to_renewal|days_until_renewal)$/,
    kind: 'number',
    render: ({ num }) => (num === 0 ? 'renews today' : `renews in ${countOf(num, 'day')}`),
  },
  {
    id: 'account.downgrades',
    pattern: /^(downgrades?|downgraded|plan_downgrades?)$/,
    kind: 'number',
    render: ({ num, feature }) => {
      const when = windowPhrase(feature.windowDays);
      if (num === 0) return `no downgrade${when}`;
      return num === 1 ? `downgraded${when}` : `${countOf(num, 'downgrade')}${when}`;
    },
  },
  {
    id: 'account.plan-changes',
    pattern: /^plan_changes$/,
    kind: 'number',
    render: ({ num, feature }) => `${countOf(num, 'plan change')}${windowPhrase(feature.windowDays)}`,
  },
  {
    id: 'account.discount-flag',
    pattern: /^(has_discount|on_discount|discounted|discount)$/,
    kind: 'flag',
    render: ({ num }) => (num ? 'on a discount' : 'paying full price'),
  },
  {
    id: 'account.discount-percent',
    pattern: /^discount_(pct|percent)$/,
    kind: 'number',
    render: ({ num }) => (num === 0 ? 'paying full price' : `${formatNumber(num)} % discount`),
  },
  {
    id: 'account.discount-share',
    pattern: /^discount_(rate|share)$/,
    kind: 'number',
    render: ({ num }) => (num === 0 ? 'paying full price' : `${formatPercent(num)} discount`),
  },
  {
    id: 'account.effective-price',
    pattern: /^effective_monthly_price$/,
    kind: 'number',
    render: ({ num, currency }) => `pays ${formatMoney(num, currency)}/month after discount`,
  },
  {
    id: 'account.renewal-soon',
    pattern: /^renewal_within$/,
    kind: 'flag',
    render: ({ num, feature }) =>
      num
        ? `renews within ${countOf(feature.windowDays ?? 7, 'day')}`
        : `renewal more than ${countOf(feature.windowDays ?? 7, 'day')} away`,
  },
  {
    id: 'account.plan-age',
    pattern: /^subscription_age_days$/,
    kind: 'number',
    render: ({ num }) => `on the current plan for ${formatDuration(num)}`,
  },
  {
    id: 'account.previous-subscriptions',
    pattern: /^previous_subscriptions$/,
    kind: 'number',
    render: ({ num }) => `${countOf(num, 'earlier subscription')} (plan changes or win-backs)`,
  },
  {
    id: 'profile.age',
    pattern: /^age$/,
    kind: 'number',
    render: ({ num }) => `aged ${formatNumber(num)}`,
  },
  {
    id: 'profile.age-band',
    pattern: /^(age_band|age_group)$/,
    kind: 'category',
    render: ({ text }) => `age band ${text}`,
  },
  { id: 'profile.region', pattern: /^region$/, kind: 'category', render: ({ text }) => `region ${text}` },
  { id: 'profile.city', pattern: /^city$/, kind: 'category', render: ({ text }) => `city ${text}` },
  { id: 'profile.device', pattern: /^(device_type|device)$/, kind: 'category', render: ({ text }) => `mainly uses ${text}` },
  {
    id: 'profile.channel',
    pattern: /^(acquisition_channel|channel)$/,
    kind: 'category',
    render: ({ text }) => `acquired through ${text}`,
  },
  { id: 'profile.gender', pattern: /^gender$/, kind: 'category', render: ({ text }) => `gender ${text}` },
];
