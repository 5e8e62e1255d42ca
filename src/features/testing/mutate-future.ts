/** Rewrites of everything a snapshot at cutoff T must not see: rows dated after T, and the future parts of older rows. */
import type { RawTableName } from '../../data/index.js';
import { addDays, daysBetween } from '../dates.js';
import type { BusinessFixture } from './fixture.js';

type Cells = Record<string, unknown>;
type Tables = BusinessFixture['rows'];

/** The kinds of future change the leakage test applies, one at a time and all together. */
export const futureChanges = [
  'usage after T',
  'payments after T',
  'tickets after T',
  'ticket resolutions after T',
  'subscriptions starting after T',
  'subscription ends after T',
  'customers signing up after T',
  'new rows after T',
] as const;
export type FutureChange = (typeof futureChanges)[number];

const copy = (t: Tables): Tables =>
  Object.fromEntries(Object.entries(t).map(([k, rows]) => [k, rows.map((r) => ({ ...r }))])) as Tables;

/** Deletes every other matching row and scrambles the rest (deterministically). */
function churnRows(rows: Cells[], match: (r: Cells) => boolean, scramble: (r: Cells, i: number) => void): Cells[] {
  let i = 0;
  return rows.filter((r) => {
    if (!match(r)) return true;
    i++;
    if (i % 2 === 0) return false;
    scramble(r, i);
    return true;
  });
}

/** A copy of `tables` with the given future changes applied for cutoff `T`. */
export function mutateFuture(tables: Tables, T: string, changes: readonly FutureChange[]): Tables {
  const t = copy(tables);
  const on = (c: FutureChange) => changes.includes(c);
  const after = (col: string) => (r: Cells) => String(r[col]) > T;
  if (on('usage after T'))
    t.usage_daily = churnRows(t.usage_daily, after('activity_date'), (r, i) => {
      Object.assign(r, { sessions: 400, minutes: 1000 + i, crashes: 50 });
    });
  if (on('payments after T'))
    t.payments = churnRows(t.payments, after('paid_at'), (r, i) => {
      Object.assign(r, { amount: 999 + i, status: 'failed', paid_at: addDays(String(r.paid_at), 1) });
    });
  if (on('tickets after T'))
    t.support_tickets = churnRows(t.support_tickets, after('opened_at'), (r) => {
      Object.assign(r, { category: 'billing', resolved: 1, resolution_hours: 0.5, csat: 1 });
    });
  if (on('ticket resolutions after T'))
    for (const r of t.support_tickets) {
      const opened = String(r.opened_at);
      const hoursToT = 24 * daysBetween(opened, T);
      const known = r.resolved === 1 && r.resolution_hours !== null && Number(r.resolution_hours) <= hoursToT;
      if (opened <= T && !known) Object.assign(r, { resolved: 1, resolution_hours: hoursToT + 0.5, csat: 1 });
    }
  if (on('subscriptions starting after T')) {
    t.subscriptions = churnRows(t.subscriptions, after('start_date'), (r) => {
      Object.assign(r, {
        plan_type: 'Premium',
        monthly_price: 99,
        start_date: addDays(T, 1),
        end_date: null,
        cancel_reason: null,
      });
    });
    const kept = new Set(t.subscriptions.map((s) => s.subscription_id));
    for (const p of t.payments) if (p.subscription_id !== null && !kept.has(p.subscription_id)) p.subscription_id = null;
  }
  if (on('subscription ends after T'))
    for (const [i, r] of t.subscriptions.entries()) {
      if (String(r.start_date) > T || (r.end_date !== null && String(r.end_date) <= T)) continue;
      Object.assign(r, i % 2 ? { end_date: null, cancel_reason: null } : { end_date: addDays(T, 1), cancel_reason: 'price' });
    }
  if (on('customers signing up after T')) {
    const late = new Set(t.customers.filter(after('signup_date')).map((c) => c.customer_id));
    const gone = new Set([...late].filter((_, i) => i % 2 === 0));
    for (const table of ['subscriptions', 'usage_daily', 'payments', 'support_tickets'] as RawTableName[])
      t[table] = t[table].filter((r) => !gone.has(r.customer_id));
    t.customers = t.customers.filter((c) => !gone.has(c.customer_id));
    for (const c of t.customers) if (late.has(c.customer_id)) Object.assign(c, { region: 'Mars', birth_year: 1900 });
  }
  if (on('new rows after T')) {
    const day = addDays(T, 1);
    const used = new Set(t.usage_daily.filter((u) => u.activity_date === day).map((u) => u.customer_id));
    for (const c of t.customers.slice(0, 20)) {
      const id = c.customer_id;
      if (!used.has(id)) t.usage_daily.push({ customer_id: id, activity_date: day, sessions: 9, minutes: 9, crashes: 9 });
      t.payments.push({ ...t.payments[0], payment_id: `NEW-P-${id}`, customer_id: id, subscription_id: null, paid_at: day });
      t.support_tickets.push({ ...t.support_tickets[0], ticket_id: `NEW-T-${id}`, customer_id: id, opened_at: day });
      t.subscriptions.push({
        ...t.subscriptions[0],
        subscription_id: `NEW-S-${id}`,
        customer_id: id,
        start_date: day,
        end_date: null,
      });
    }
    t.customers.push({ ...t.customers[0], customer_id: 'NEW-C', signup_date: day });
    t.subscriptions.push({ ...t.subscriptions[0], subscription_id: 'NEW-S', customer_id: 'NEW-C', start_date: day });
  }
  return t;
}
