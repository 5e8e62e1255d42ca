/** Turns the snapshot query's aggregates into catalogue features: ratios, trends, recencies, renewal dates, rounding. */
import { ticketCategories } from '../data/contract/index.js';
import type { Row } from '../store/index.js';
import { snapshotFeatures } from './catalogue-snapshot.js';
import { addMonths, dayNumber, yearOf } from './dates.js';
import { type Category, type FeatureFrame, type FrameColumn, selectRows } from './frame.js';

type Value = number | string | null;

/** Number or NaN; sums of reals are rounded to 6 decimals so both engines (whose summation order differs) agree. */
function num(v: unknown): number {
  if (v === null || v === undefined) return Number.NaN;
  const n = Number(v);
  return Number.isInteger(n) ? n : Math.round(n * 1e6) / 1e6;
}
const count = (v: unknown) => (v === null || v === undefined ? 0 : num(v));
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1e6) / 1e6 : Number.NaN);
const trend = (last: number, prev: number) => ratio(last - prev, last + prev);
const daysSince = (cutoffDay: number, iso: unknown) => (typeof iso === 'string' ? cutoffDay - dayNumber(iso) : Number.NaN);

/** Days from the cutoff to the next renewal: the first start date + k whole billing cycles after the cutoff. */
export function daysToRenewal(start: string, billingCycle: string, cutoff: string): number {
  const months = billingCycle === 'annual' ? 12 : billingCycle === 'monthly' ? 1 : 0;
  if (!months) return Number.NaN;
  const elapsed = (yearOf(cutoff) - yearOf(start)) * 12 + Number(cutoff.slice(5, 7)) - Number(start.slice(5, 7));
  let k = Math.max(1, Math.floor(elapsed / months) - 1); // lands in a month before the cutoff's, so never past it
  while (addMonths(start, k * months) <= cutoff) k++;
  return dayNumber(addMonths(start, k * months)) - dayNumber(cutoff);
}

/** The feature values of one query row. */
function features(r: Row, cutoff: string): Record<string, Value> {
  const T = dayNumber(cutoff);
  const out: Record<string, Value> = {};
  for (const w of [7, 30, 90]) {
    const sessions = count(r[`sessions_${w}`]);
    const minutes = count(r[`minutes_${w}`]);
    out[`total_sessions_${w}d`] = sessions;
    out[`active_days_${w}d`] = count(r[`days_${w}`]);
    out[`total_minutes_${w}d`] = minutes;
    out[`avg_session_minutes_${w}d`] = ratio(minutes, sessions);
    out[`total_crashes_${w}d`] = count(r[`crashes_${w}`]);
  }
  out.total_sessions_prev_30d = count(r.sessions_prev);
  out.total_minutes_prev_30d = count(r.minutes_prev);
  out.sessions_trend_30d = trend(count(r.sessions_30), count(r.sessions_prev));
  out.minutes_trend_30d = trend(count(r.minutes_30), count(r.minutes_prev));
  out.days_since_last_activity = daysSince(T, r.last_activity_date);
  out.inactive_30d = count(r.days_30) === 0 ? 1 : 0;
  for (const w of [30, 90]) {
    out[`successful_payments_${w}d`] = count(r[`success_n_${w}`]);
    out[`failed_payments_${w}d`] = count(r[`failed_n_${w}`]);
    out[`total_amount_success_${w}d`] = count(r[`success_amount_${w}`]);
    out[`total_amount_failed_${w}d`] = count(r[`failed_amount_${w}`]);
    out[`support_tickets_${w}d`] = count(r[`tickets_${w}`]);
    for (const c of ticketCategories) out[`support_tickets_${c}_${w}d`] = count(r[`tickets_${c}_${w}`]);
    out[`avg_resolution_time_${w}d`] = ratio(count(r[`resolution_sum_${w}`]), count(r[`resolution_n_${w}`]));
  }
  out.refunds_90d = count(r.refunds_90);
  out.total_amount_refunded_90d = count(r.refunded_amount_90);
  out.days_since_last_failed_payment = daysSince(T, r.last_failed_payment_date);
  out.unresolved_tickets = count(r.unresolved);
  out.avg_csat_90d = ratio(count(r.csat_sum_90), count(r.csat_n_90));
  out.days_since_last_ticket = daysSince(T, r.last_ticket_date);
  const start = String(r.subscription_start);
  out.tenure_days = daysSince(T, r.signup_date);
  out.subscription_age_days = daysSince(T, start);
  out.plan_type = r.plan_type as string;
  out.billing_cycle = r.billing_cycle as string;
  out.monthly_price = num(r.monthly_price);
  out.discount_pct = num(r.discount_pct);
  out.auto_renew = num(r.auto_renew);
  out.days_to_renewal = daysToRenewal(start, String(r.billing_cycle), cutoff);
  out.plan_changes_90d = count(r.plan_changes_90);
  out.downgraded_90d = count(r.downgraded_90);
  out.previous_subscriptions = count(r.previous_subscriptions);
  out.age = r.birth_year === null || r.birth_year === undefined ? Number.NaN : yearOf(cutoff) - Number(r.birth_year);
  out.region = (r.region as string | null) ?? null;
  out.device_type = (r.device_type as string | null) ?? null;
  out.acquisition_channel = (r.acquisition_channel as string | null) ?? null;
  return out;
}

/** Builds the snapshot frame (and the raw 0/1 churn flag per row) from the query rows. */
export function finishSnapshot(rows: readonly Row[], cutoff: string): { frame: FeatureFrame; churned: Uint8Array } {
  const n = rows.length;
  const columns: Record<string, FrameColumn> = {};
  for (const f of snapshotFeatures)
    columns[f.name] = f.type === 'categorical' ? new Array<Category>(n).fill(null) : new Float64Array(n);
  const churned = new Uint8Array(n);
  const customerId = new Array<string>(n);
  rows.forEach((r, i) => {
    customerId[i] = String(r.customer_id);
    churned[i] = Number(r.churned);
    const values = features(r, cutoff);
    for (const f of snapshotFeatures) {
      const v = values[f.name];
      const c = columns[f.name];
      if (c instanceof Float64Array) c[i] = typeof v === 'number' ? v : Number.NaN;
      else c[i] = typeof v === 'string' ? v : null;
    }
  });
  // Both engines get the same byte-order sort (PostgreSQL's ORDER BY follows the database collation).
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) =>
    customerId[a] < customerId[b] ? -1 : customerId[a] > customerId[b] ? 1 : 0,
  );
  const sorted = order.every((v, i) => v === i);
  const frame: FeatureFrame = { nRows: n, customerId, cutoff: new Array<string>(n).fill(cutoff), columns };
  if (sorted) return { frame, churned };
  return { frame: selectRows(frame, order), churned: Uint8Array.from(order, (i) => churned[i]) };
}
