/** The observed date range of the raw data: used only to decide label maturity and monthly cutoffs, never for features. */
import type { Store } from '../store/index.js';

/** Oldest and newest day found in any event table (null when the store is empty). */
export interface DataRange {
  oldest: string | null;
  newest: string | null;
}

// Event dates: the day each row happened. Subscription end dates are excluded: they may be scheduled ahead of the data.
const eventColumns = [
  ['usage_daily', 'activity_date'],
  ['payments', 'paid_at'],
  ['support_tickets', 'opened_at'],
  ['subscriptions', 'start_date'],
  ['customers', 'signup_date'],
] as const;

/** Computes the data range once (one MIN/MAX query per event table). */
export async function dataRange(store: Store): Promise<DataRange> {
  const sql = eventColumns
    .map(([table, col]) => `SELECT MIN(${col}) AS oldest, MAX(${col}) AS newest FROM ${table}`)
    .join(' UNION ALL ');
  const rows = await store.all<{ oldest: string | null; newest: string | null }>(sql);
  let oldest: string | null = null;
  let newest: string | null = null;
  for (const r of rows) {
    if (r.oldest !== null && (oldest === null || r.oldest < oldest)) oldest = r.oldest;
    if (r.newest !== null && (newest === null || r.newest > newest)) newest = r.newest;
  }
  return { oldest, newest };
}
