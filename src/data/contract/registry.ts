/** The contract registry: for each raw table its schema, column order, primary key, foreign keys and date column. */
import type { TObject } from '@sinclair/typebox';
import { CustomerSchema, PaymentSchema, SubscriptionSchema, SupportTicketSchema, UsageDailySchema } from './tables.js';

/** Names of the raw tables, in load order (parents before children). */
export const rawTableNames = ['customers', 'subscriptions', 'usage_daily', 'payments', 'support_tickets'] as const;
export type RawTableName = (typeof rawTableNames)[number];

/** Everything the loader, the store and the quality checks need to know about one raw table. */
export interface TableContract {
  name: RawTableName;
  schema: TObject;
  /** Column order as in CSV files and INSERT statements. */
  columns: string[];
  primaryKey: string[];
  foreignKeys: { column: string; references: { table: RawTableName; column: string } }[];
  /** The column that dates each row (for point-in-time filters); null for customers' static attributes. */
  dateColumn: string | null;
}

const columnsOf = (schema: TObject) => Object.keys(schema.properties);
const toCustomer = { table: 'customers', column: 'customer_id' } as const;

export const contracts: Record<RawTableName, TableContract> = {
  customers: {
    name: 'customers',
    schema: CustomerSchema,
    columns: columnsOf(CustomerSchema),
    primaryKey: ['customer_id'],
    foreignKeys: [],
    dateColumn: 'signup_date',
  },
  subscriptions: {
    name: 'subscriptions',
    schema: SubscriptionSchema,
    columns: columnsOf(SubscriptionSchema),
    primaryKey: ['subscription_id'],
    foreignKeys: [{ column: 'customer_id', references: toCustomer }],
    dateColumn: 'start_date',
  },
  usage_daily: {
    name: 'usage_daily',
    schema: UsageDailySchema,
    columns: columnsOf(UsageDailySchema),
    primaryKey: ['customer_id', 'activity_date'],
    foreignKeys: [{ column: 'customer_id', references: toCustomer }],
    dateColumn: 'activity_date',
  },
  payments: {
    name: 'payments',
    schema: PaymentSchema,
    columns: columnsOf(PaymentSchema),
    primaryKey: ['payment_id'],
    foreignKeys: [
      { column: 'customer_id', references: toCustomer },
      { column: 'subscription_id', references: { table: 'subscriptions', column: 'subscription_id' } },
    ],
    dateColumn: 'paid_at',
  },
  support_tickets: {
    name: 'support_tickets',
    schema: SupportTicketSchema,
    columns: columnsOf(SupportTicketSchema),
    primaryKey: ['ticket_id'],
    foreignKeys: [{ column: 'customer_id', references: toCustomer }],
    dateColumn: 'opened_at',
  },
};
