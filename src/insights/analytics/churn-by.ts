/** Churn by a business dimension: realised rate from the newest mature labels, predicted rate and revenue at risk from the newest scores. */
import { ChurnError } from '../../errors/index.js';
import { addDays, type FeatureFrame, snapshotAt } from '../../features/index.js';
import type { Store } from '../../store/index.js';
import { requireScoredSnapshot } from '../scored/read-scores.js';
import { monthlyRevenueColumn } from '../segments/behaviour-matrix.js';

/** The dimensions churn can be broken down by. */
export const churnDimensions = [
  'plan_type',
  'billing_cycle',
  'device_type',
  'acquisition_channel',
  'region',
  'tenure_band',
] as const;
/** One dimension. */
export type ChurnDimension = (typeof churnDimensions)[number];

/** One group's figures. */
export interface ChurnGroup {
  group: string;
  /** Customers scored in the newest snapshot. */
  customers: number;
  predicted_churn_rate: number;
  /** Churned share among customers active at the mature cutoff; null when no label is mature yet or the group was empty. */
  realised_churn_rate: number | null;
  realised_customers: number;
  monthly_revenue: number;
  /** Σ probability × monthly revenue (a month's revenue expected to leave). */
  revenue_at_risk: number;
}

/** The breakdown. */
export interface ChurnBy {
  dimension: ChurnDimension;
  model_id: string;
  snapshot_date: string;
  /** Cutoff whose labels are complete (newest scored date − horizon), or null. */
  realised_cutoff: string | null;
  horizon_days: number;
  groups: ChurnGroup[];
}

/** Tenure bands a retention team talks in. */
export function tenureBand(days: number): string {
  if (!Number.isFinite(days)) return 'unknown';
  if (days < 90) return '0–3 months';
  if (days < 365) return '3–12 months';
  if (days < 730) return '1–2 years';
  return '2+ years';
}

function groupOf(frame: FeatureFrame, dimension: ChurnDimension): string[] {
  const name = dimension === 'tenure_band' ? 'tenure_days' : dimension;
  const c = frame.columns[name];
  if (!c) throw new ChurnError('CHURN_ERR_SHAPE', `The snapshot has no ${name} column`, { feature: name });
  if (c instanceof Float64Array) return Array.from(c, (v) => tenureBand(v));
  return c.map((v) => v ?? 'unknown');
}

/** Realised and predicted churn, customers and revenue at risk per group of `dimension`. */
export async function churnBy(store: Store, dimension: string, options: { horizonDays?: number } = {}): Promise<ChurnBy> {
  if (!(churnDimensions as readonly string[]).includes(dimension))
    throw new ChurnError('CHURN_ERR_PARAM', `dimension must be one of ${churnDimensions.join(', ')} (got "${dimension}")`, {
      field: 'dimension',
      value: dimension,
    });
  const dim = dimension as ChurnDimension;
  const horizonDays = options.horizonDays ?? 30;
  const scored = await requireScoredSnapshot(store);
  const now = await snapshotAt(store, scored.snapshotDate, { horizonDays });
  const p = new Map(scored.rows.map((r) => [r.customerId, r.probability]));
  const revenue = monthlyRevenueColumn(now.frame);
  const groups = new Map<string, ChurnGroup>();
  const get = (g: string) => {
    let x = groups.get(g);
    if (!x) {
      x = {
        group: g,
        customers: 0,
        predicted_churn_rate: 0,
        realised_churn_rate: null,
        realised_customers: 0,
        monthly_revenue: 0,
        revenue_at_risk: 0,
      };
      groups.set(g, x);
    }
    return x;
  };
  groupOf(now.frame, dim).forEach((g, i) => {
    const prob = p.get(now.frame.customerId[i]);
    if (prob === undefined) return; // active now but not in this scoring run: it has no prediction to add
    const x = get(g);
    x.customers += 1;
    x.predicted_churn_rate += prob;
    const m = Number.isFinite(revenue[i]) ? revenue[i] : 0;
    x.monthly_revenue += m;
    x.revenue_at_risk += prob * m;
  });
  for (const x of groups.values()) x.predicted_churn_rate = x.customers === 0 ? 0 : x.predicted_churn_rate / x.customers;

  const cutoff = addDays(scored.snapshotDate, -horizonDays);
  const past = await snapshotAt(store, cutoff, { horizonDays }).catch(() => null);
  const mature = past?.labelsMature && past.frame.nRows > 0;
  if (mature) {
    const churned = new Map<string, number>();
    groupOf(past.frame, dim).forEach((g, i) => {
      const x = get(g);
      x.realised_customers += 1;
      churned.set(g, (churned.get(g) ?? 0) + (past.label[i] === 1 ? 1 : 0));
    });
    for (const x of groups.values())
      x.realised_churn_rate = x.realised_customers === 0 ? null : (churned.get(x.group) ?? 0) / x.realised_customers;
  }
  return {
    dimension: dim,
    model_id: scored.modelId,
    snapshot_date: scored.snapshotDate,
    realised_cutoff: mature ? cutoff : null,
    horizon_days: horizonDays,
    groups: [...groups.values()].sort((a, b) => b.customers - a.customers || (a.group < b.group ? -1 : 1)),
  };
}
