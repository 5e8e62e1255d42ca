/** Rows in flight: a batch holds whole customers' rows for every raw table; a sink receives batches in order. */
import { contracts, type RawTableName, rawTableNames } from '../contract/index.js';

/** One cell: text, number, or null (empty CSV cell / SQL NULL). */
export type Cell = string | number | null;

/** A row as an array in `contracts[table].columns` order. */
export type RowArray = Cell[];

/** Rows of every raw table for a group of whole customers (so parents and children travel together). */
export type RowBatch = Record<RawTableName, RowArray[]>;

/** Where generated rows go. Batches arrive in customer order; a sink writes tables in `rawTableNames` order. */
export interface RowSink {
  /** Prepares the destination (checks, headers); called once before the first batch. */
  open(): Promise<void>;
  /** Writes one batch; the generator never reuses a batch's arrays after handing them over. */
  write(batch: RowBatch): Promise<void>;
  /** Flushes and releases the destination; called once after the last batch. */
  close(): Promise<void>;
  /** Releases the destination without flushing, when generation or a write failed (default: `close`). */
  abort?(): Promise<void>;
}

/** An empty batch. */
export function emptyBatch(): RowBatch {
  return { customers: [], subscriptions: [], usage_daily: [], payments: [], support_tickets: [] };
}

/** The column order the simulation writes rows in; checked against the contract so the two cannot drift apart. */
export const generatedColumns: Record<RawTableName, readonly string[]> = {
  customers: ['customer_id', 'signup_date', 'birth_year', 'gender', 'region', 'city', 'device_type', 'acquisition_channel'],
  subscriptions: [
    'subscription_id',
    'customer_id',
    'plan_type',
    'billing_cycle',
    'monthly_price',
    'discount_pct',
    'start_date',
    'end_date',
    'cancel_reason',
    'auto_renew',
  ],
  usage_daily: ['customer_id', 'activity_date', 'sessions', 'minutes', 'crashes'],
  payments: [
    'payment_id',
    'customer_id',
    'subscription_id',
    'paid_at',
    'amount',
    'status',
    'method',
    'failure_reason',
    'attempt',
  ],
  support_tickets: ['ticket_id', 'customer_id', 'opened_at', 'category', 'resolution_hours', 'resolved', 'csat'],
};

/** Throws when the contract's column order differs from the order the generator writes. */
export function assertColumnsMatchContract(): void {
  for (const t of rawTableNames) {
    const a = contracts[t].columns.join(',');
    const b = generatedColumns[t].join(',');
    if (a !== b) throw new Error(`generator writes ${t} as (${b}) but the contract says (${a}); update generatedColumns`);
  }
}
