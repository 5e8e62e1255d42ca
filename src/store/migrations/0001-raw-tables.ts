/** Migration 1: the five raw tables of the data contract, with the (customer_id, date) indexes the feature SQL needs. */
import type { Migration } from './migration.js';

export const rawTables: Migration = {
  version: 1,
  name: 'raw tables',
  up: ({ types: t }) => `
CREATE TABLE customers (
  customer_id ${t.text} PRIMARY KEY,
  signup_date ${t.date} NOT NULL,
  birth_year ${t.int},
  gender ${t.text},
  region ${t.text} NOT NULL,
  city ${t.text},
  device_type ${t.text} NOT NULL,
  acquisition_channel ${t.text} NOT NULL
);
CREATE TABLE subscriptions (
  subscription_id ${t.text} PRIMARY KEY,
  customer_id ${t.text} NOT NULL REFERENCES customers(customer_id),
  plan_type ${t.text} NOT NULL,
  billing_cycle ${t.text} NOT NULL,
  monthly_price ${t.real} NOT NULL,
  discount_pct ${t.real} NOT NULL DEFAULT 0,
  start_date ${t.date} NOT NULL,
  end_date ${t.date},
  cancel_reason ${t.text},
  auto_renew ${t.int} NOT NULL
);
CREATE INDEX subscriptions_customer_start ON subscriptions (customer_id, start_date);
CREATE INDEX subscriptions_end ON subscriptions (end_date);
CREATE TABLE usage_daily (
  customer_id ${t.text} NOT NULL REFERENCES customers(customer_id),
  activity_date ${t.date} NOT NULL,
  sessions ${t.int} NOT NULL,
  minutes ${t.real} NOT NULL,
  crashes ${t.int} NOT NULL,
  PRIMARY KEY (customer_id, activity_date)
);
CREATE INDEX usage_daily_date ON usage_daily (activity_date);
CREATE TABLE payments (
  payment_id ${t.text} PRIMARY KEY,
  customer_id ${t.text} NOT NULL REFERENCES customers(customer_id),
  subscription_id ${t.text} REFERENCES subscriptions(subscription_id),
  paid_at ${t.date} NOT NULL,
  amount ${t.real} NOT NULL,
  status ${t.text} NOT NULL,
  method ${t.text} NOT NULL,
  failure_reason ${t.text},
  attempt ${t.int} NOT NULL DEFAULT 1
);
CREATE INDEX payments_customer_date ON payments (customer_id, paid_at);
CREATE TABLE support_tickets (
  ticket_id ${t.text} PRIMARY KEY,
  customer_id ${t.text} NOT NULL REFERENCES customers(customer_id),
  opened_at ${t.date} NOT NULL,
  category ${t.text} NOT NULL,
  resolution_hours ${t.real},
  resolved ${t.int} NOT NULL,
  csat ${t.int}
);
CREATE INDEX support_tickets_customer_date ON support_tickets (customer_id, opened_at);
`,
};
