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

/**
 * Computes the data range once (one MIN and one MAX per event table). Each is its own subquery: SQLite reads a MIN or
 * MAX from the edge of an index only when it is the query's single aggregate, and scanned all of usage_daily for the
 * pair (139 to 15 ms at 5,000 customers × 12 months; paid_at has no index of its own, so payments is still scanned).
 */
export async function dataRange(store: Store): Promise<DataRange> {
  const sql = eventColumns
    .map(
      ([table, col, behavioural]) =>
        `SELECT ${behavioural ? `(SELECT MIN(${col}) FROM ${table})` : 'NULL'} AS oldest, (SELECT MAX(${col}) FROM ${table}) AS newest`,
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
