/** Business rules of a subscription business that the contract alone cannot express, each one SQL query on both engines. */
import type { Dialect } from '../../store/index.js';
import { keySql, type QualityCheck, type Severity } from './check.js';

const rule = (id: string, description: string, sql: (d: Dialect) => string, severity: Severity = 'error'): QualityCheck => ({
  id,
  description,
  severity,
  category: 'business',
  sql,
});

const beforeSignup = (table: 'subscriptions' | 'usage_daily' | 'payments' | 'support_tickets', column: string, what: string) =>
  rule(
    `${table}.before_signup`,
    `no ${what} before the customer's signup_date`,
    () =>
      `SELECT ${keySql(table, 't')} AS key FROM ${table} t JOIN customers c ON c.customer_id = t.customer_id ` +
      `WHERE t.${column} < c.signup_date`,
  );

/** The newest usage day: the date the data describes; nothing may be dated after it. */
const asOf = '(SELECT MAX(activity_date) FROM usage_daily)';
const datedAfterAsOf = (table: string, column: string, key: string) =>
  `SELECT ${`'${table}:' || ${key}`} AS key FROM ${table} WHERE ${column} > ${asOf}`;

export const businessChecks: QualityCheck[] = [
  beforeSignup('subscriptions', 'start_date', 'subscription starting'),
  beforeSignup('usage_daily', 'activity_date', 'usage'),
  beforeSignup('payments', 'paid_at', 'payment'),
  beforeSignup('support_tickets', 'opened_at', 'support ticket opened'),
  rule(
    'subscriptions.end_before_start',
    'end_date ≥ start_date',
    () => `SELECT subscription_id AS key FROM subscriptions WHERE end_date < start_date`,
  ),
  // end_date is the last day of service, so a plan change continues the next day; sharing a day is an overlap.
  rule(
    'subscriptions.overlap',
    'at most one active subscription per customer on any day (counts each subscription starting inside an earlier one)',
    (d) =>
      `SELECT DISTINCT b.subscription_id AS key FROM subscriptions a JOIN subscriptions b ON b.customer_id = a.customer_id ` +
      `AND (a.start_date < b.start_date OR (a.start_date = b.start_date AND ${d.byteOrder('a.subscription_id')} < b.subscription_id)) ` +
      `WHERE a.end_date IS NULL OR b.start_date <= a.end_date`,
  ),
  rule(
    'usage_daily.minutes_per_session',
    'plausible usage: at most 600 minutes per session (minutes ≤ 1440 a day and ≥ 0 are in usage_daily.ranges)',
    () => `SELECT ${keySql('usage_daily')} AS key FROM usage_daily WHERE minutes > 600 * sessions`,
  ),
  rule(
    'usage_daily.outside_subscription',
    'usage only on days the customer has a subscription (usage before signup is usage_daily.before_signup)',
    // Orphan and pre-signup usage are reported by their own checks, so each problem is counted once.
    () =>
      `SELECT ${keySql('usage_daily', 'u')} AS key FROM usage_daily u JOIN customers c ON c.customer_id = u.customer_id ` +
      `WHERE u.activity_date >= c.signup_date AND NOT EXISTS (SELECT 1 FROM subscriptions s ` +
      `WHERE s.customer_id = u.customer_id AND s.start_date <= u.activity_date AND (s.end_date IS NULL OR s.end_date >= u.activity_date))`,
    'warning',
  ),
  rule(
    'payments.refunds_exceed_payments',
    "a customer's refunds do not exceed their successful payments (customers who signed up inside the payment data)",
    // A customer who signed up before the first payment in the data may be refunded for a charge made before it.
    () =>
      `SELECT customer_id AS key FROM payments WHERE customer_id IN (SELECT customer_id FROM customers ` +
      `WHERE signup_date >= (SELECT MIN(paid_at) FROM payments)) GROUP BY customer_id HAVING ` +
      `SUM(CASE WHEN status = 'refunded' THEN amount ELSE 0 END) > SUM(CASE WHEN status = 'success' THEN amount ELSE 0 END) + 0.005`,
  ),
  rule(
    'payments.subscription_customer',
    "a payment's subscription belongs to the same customer",
    () =>
      `SELECT p.payment_id AS key FROM payments p JOIN subscriptions s ON s.subscription_id = p.subscription_id ` +
      `WHERE s.customer_id <> p.customer_id`,
  ),
  rule(
    'payments.failure_reason',
    'failure_reason is given exactly for failed payments',
    () =>
      `SELECT payment_id AS key FROM payments WHERE (status = 'failed' AND failure_reason IS NULL) ` +
      `OR (status <> 'failed' AND failure_reason IS NOT NULL)`,
    'warning',
  ),
  rule(
    'subscriptions.cancel_reason',
    'cancel_reason is given exactly for ended subscriptions',
    () =>
      `SELECT subscription_id AS key FROM subscriptions WHERE (end_date IS NULL AND cancel_reason IS NOT NULL) ` +
      `OR (end_date IS NOT NULL AND cancel_reason IS NULL)`,
    'warning',
  ),
  rule(
    'support_tickets.csat_unresolved',
    'csat only on resolved tickets',
    () => `SELECT ticket_id AS key FROM support_tickets WHERE csat IS NOT NULL AND resolved = 0`,
  ),
  rule(
    'support_tickets.resolution_hours',
    'resolution_hours is given exactly for resolved tickets',
    () =>
      `SELECT ticket_id AS key FROM support_tickets WHERE (resolved = 1 AND resolution_hours IS NULL) ` +
      `OR (resolved = 0 AND resolution_hours IS NOT NULL)`,
    'warning',
  ),
  rule(
    'dates.after_newest_data',
    'no signup, subscription start, payment or ticket dated after the newest usage day (the data’s as-of date)',
    () =>
      [
        datedAfterAsOf('customers', 'signup_date', 'customer_id'),
        datedAfterAsOf('subscriptions', 'start_date', 'subscription_id'),
        datedAfterAsOf('payments', 'paid_at', 'payment_id'),
        datedAfterAsOf('support_tickets', 'opened_at', 'ticket_id'),
      ].join(' UNION ALL '),
  ),
];
