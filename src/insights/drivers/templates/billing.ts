/** Driver templates for billing: successful, failed and refunded payments, amounts, failure rate. */
import { countOf, formatMoney, formatPercent, windowPhrase } from '../format.js';
import type { DriverTemplate } from '../template.js';

export const billingTemplates: DriverTemplate[] = [
  {
    id: 'billing.failed-payments',
    pattern: /^(failed_payments|payments_failed|total_failed_payments)$/,
    kind: 'number',
    render: ({ num, feature }) => `${countOf(num, 'failed payment')}${windowPhrase(feature.windowDays)}`,
  },
  {
    id: 'billing.successful-payments',
    pattern: /^(successful_payments|payments_success(ful)?|total_successful_payments)$/,
    kind: 'number',
    render: ({ num, feature }) => `${countOf(num, 'successful payment')}${windowPhrase(feature.windowDays)}`,
  },
  {
    id: 'billing.amount-paid',
    pattern: /^(total_)?amount_(success|paid)$/,
    kind: 'number',
    render: ({ num, feature, currency }) => `paid ${formatMoney(num, currency)}${windowPhrase(feature.windowDays)}`,
  },
  {
    id: 'billing.amount-failed',
    pattern: /^(total_)?amount_failed$/,
    kind: 'number',
    render: ({ num, feature, currency }) => `${formatMoney(num, currency)} in failed payments${windowPhrase(feature.windowDays)}`,
  },
  {
    id: 'billing.refunds',
    pattern: /^(refunds|refunded_payments|total_refunds)$/,
    kind: 'number',
    render: ({ num, feature }) => `${countOf(num, 'refund')}${windowPhrase(feature.windowDays)}`,
  },
  {
    id: 'billing.amount-refunded',
    pattern: /^(total_)?amount_refunded$/,
    kind: 'number',
    render: ({ num, feature, currency }) => `${formatMoney(num, currency)} refunded${windowPhrase(feature.windowDays)}`,
  },
  {
    id: 'billing.failure-recency',
    pattern: /^days_since_last_(failed_payment|payment_failure)$/,
    kind: 'number',
    render: ({ num }) => (num === 0 ? 'a payment failed on the latest day' : `last failed payment ${countOf(num, 'day')} ago`),
    missing: () => 'no failed payment on record',
  },
  {
    id: 'billing.failure-rate',
    pattern: /^payment_failure_rate$/,
    kind: 'number',
    render: ({ num, feature }) => `${formatPercent(num)} of payment attempts failed${windowPhrase(feature.windowDays)}`,
    missing: ({ feature }) => `no payment attempts${windowPhrase(feature.windowDays)}`,
  },
];
