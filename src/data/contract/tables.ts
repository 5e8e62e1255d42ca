/** TypeBox schemas of the five raw tables: types, ranges, enums, primary and foreign keys. */
import { type Static, Type as T, type TSchema } from '@sinclair/typebox';
import {
  acquisitionChannels,
  billingCycles,
  cancelReasons,
  deviceTypes,
  failureReasons,
  genders,
  paymentMethods,
  paymentStatuses,
  planTypes,
  ticketCategories,
} from './enums.js';

const isoDate = (description: string) => T.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
const id = (description: string) => T.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$', description });
const oneOf = <V extends readonly string[]>(values: V, description: string) =>
  T.Union(
    values.map((v) => T.Literal(v)),
    { description },
  );
const nullable = <S extends TSchema>(s: S) => T.Union([s, T.Null()]);
const flag = (description: string) => T.Integer({ minimum: 0, maximum: 1, description });

export const CustomerSchema = T.Object(
  {
    customer_id: id('Primary key.'),
    signup_date: isoDate('Day the customer first signed up.'),
    birth_year: nullable(T.Integer({ minimum: 1900, maximum: 2015, description: 'Year of birth; null when unknown.' })),
    gender: nullable(oneOf(genders, 'Self-reported gender; null when not given.')),
    region: T.String({ minLength: 1, maxLength: 64, description: 'Sales region.' }),
    city: nullable(T.String({ minLength: 1, maxLength: 96, description: 'City.' })),
    device_type: oneOf(deviceTypes, 'Primary device.'),
    acquisition_channel: oneOf(acquisitionChannels, 'Channel the customer was acquired through.'),
  },
  { additionalProperties: false, $id: 'customers' },
);

export const SubscriptionSchema = T.Object(
  {
    subscription_id: id('Primary key.'),
    customer_id: id('Foreign key → customers.customer_id.'),
    plan_type: oneOf(planTypes, 'Plan.'),
    billing_cycle: oneOf(billingCycles, 'Billing cycle.'),
    monthly_price: T.Number({ minimum: 0, maximum: 10_000, description: 'List price per month before discount.' }),
    discount_pct: T.Number({ minimum: 0, maximum: 100, description: 'Promotional discount in percent (0 = none).' }),
    start_date: isoDate('First day of the subscription.'),
    end_date: nullable(isoDate('Last day of service; null while active.')),
    cancel_reason: nullable(oneOf(cancelReasons, 'Why it ended; null while active.')),
    auto_renew: flag('1 when the subscription renews automatically.'),
  },
  { additionalProperties: false, $id: 'subscriptions' },
);

export const UsageDailySchema = T.Object(
  {
    customer_id: id('Foreign key → customers.customer_id.'),
    activity_date: isoDate('Day of activity (a row only on active days).'),
    sessions: T.Integer({ minimum: 1, maximum: 500, description: 'App sessions that day.' }),
    minutes: T.Number({ minimum: 0, maximum: 1440, description: 'Minutes of use that day.' }),
    crashes: T.Integer({ minimum: 0, maximum: 500, description: 'App crashes that day.' }),
  },
  { additionalProperties: false, $id: 'usage_daily' },
);

export const PaymentSchema = T.Object(
  {
    payment_id: id('Primary key.'),
    customer_id: id('Foreign key → customers.customer_id.'),
    subscription_id: nullable(id('Foreign key → subscriptions.subscription_id.')),
    paid_at: isoDate('Day of the payment attempt.'),
    amount: T.Number({ minimum: 0, maximum: 100_000, description: 'Amount charged (or attempted, or refunded).' }),
    status: oneOf(paymentStatuses, 'Outcome of the attempt.'),
    method: oneOf(paymentMethods, 'Payment method.'),
    failure_reason: nullable(oneOf(failureReasons, 'Why a failed attempt failed; null otherwise.')),
    attempt: T.Integer({ minimum: 1, maximum: 10, description: '1 for the first try of a charge, 2+ for retries.' }),
  },
  { additionalProperties: false, $id: 'payments' },
);

export const SupportTicketSchema = T.Object(
  {
    ticket_id: id('Primary key.'),
    customer_id: id('Foreign key → customers.customer_id.'),
    opened_at: isoDate('Day the ticket was opened.'),
    category: oneOf(ticketCategories, 'Ticket category.'),
    resolution_hours: nullable(T.Number({ minimum: 0, maximum: 10_000, description: 'Hours to resolution; null while open.' })),
    resolved: flag('1 when resolved.'),
    csat: nullable(T.Integer({ minimum: 1, maximum: 5, description: 'Satisfaction score 1–5; null when not rated.' })),
  },
  { additionalProperties: false, $id: 'support_tickets' },
);

export type Customer = Static<typeof CustomerSchema>;
export type Subscription = Static<typeof SubscriptionSchema>;
export type UsageDaily = Static<typeof UsageDailySchema>;
export type Payment = Static<typeof PaymentSchema>;
export type SupportTicket = Static<typeof SupportTicketSchema>;
