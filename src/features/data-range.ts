/** The observed date range of the raw data: used only to decide label maturity and monthly cutoffs, never for features. */
import type { Store } from '../store/index.js';

/** The span of recorded history (null when the store is empty). */
export interface DataRange {
  /** First day of behavioural history: usage, payments or support tickets. */
  oldest: string | null;
  /** Newest day of any event (also signups and subscription starts): the edge of label maturity. */
  newest: string | null;
}

// Event dates: the day each row happened. Subscription end dates are excluded: they may be scheduled ahead of the data.
// Only behavioural tables decide `oldest`: signup and subscription start dates of an initial customer base can predate
// the recorded usage, payments and tickets by years, and a cutoff there would have empty windows.
const eventColumns = [
  ['usage_daily', 'activity_date', true],
  ['payments', 'paid_at', true],
  ['support_tickets', 'opened_at', true],
  ['subscriptions', 'start_date', false],
  ['customers', 'signup_date', false],
] as const;

/** Computes the data range once (one MIN/MAX query per event table). */
export async function dataRange(store: Store): Promise<DataRange> {
  const sql = eventColumns
    .map(
      ([table, col, behavioural]) =>
        `SELECT ${behavioural ? `MIN(${col})` : 'NULL'} AS oldest, MAX(${col}) AS newest FROM ${table}`,
    )
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
