/** Churn KPIs computed from the store (never typed by hand): what bi/churn_kpis.md and GET /kpis both show. */
import { addDays, snapshotAt } from '../features/index.js';
import type { Store } from '../store/index.js';
import { type ScoredCustomer, scoredCustomers } from './scored-customers.js';

/** Figures of one group of scored customers. */
export interface GroupKpis {
  group: string;
  customers: number;
  /** Mean predicted probability: expected churners / customers. */
  predictedChurnRate: number;
  /** Customers at or above the model's decision threshold. */
  flagged: number;
  monthlyRevenue: number;
  /** Σ probability × monthly revenue (as the scoring layer values it), per month. */
  revenueAtRiskMonthly: number;
  meanClv: number | null;
}

/** Realised churn of the newest cohort whose horizon has matured, subscription and usage churn kept apart. */
export interface RealisedChurn {
  cohortDate: string;
  horizonDays: number;
  customers: number;
  /** Share whose subscription ended in (T, T+H] with no new one (the model's label). */
  subscriptionChurnRate: number;
  /** Share still subscribed at T+H but with no usage day in (T, T+H] (silent churn). */
  usageChurnRate: number;
}

/** Every KPI of the newest scored batch. */
export interface ChurnKpis {
  snapshotDate: string;
  modelId: string;
  total: GroupKpis;
  revenueAtRiskAnnualised: number;
  realised: RealisedChurn | null;
  byRiskBucket: GroupKpis[];
  /** By segment of the newest `churn segment` run; customers outside it are the group "(unsegmented)". */
  bySegment: GroupKpis[];
  byPlan: GroupKpis[];
  byBillingCycle: GroupKpis[];
}

function groupKpis(group: string, rows: readonly ScoredCustomer[]): GroupKpis {
  let p = 0;
  let flagged = 0;
  let revenue = 0;
  let risk = 0;
  let clv = 0;
  let clvN = 0;
  for (const r of rows) {
    p += r.probability;
    flagged += r.decision;
    revenue += r.explanation?.monthlyRevenue ?? 0;
    risk += r.explanation?.revenueAtRisk ?? 0;
    if (r.explanation?.clv !== null && r.explanation?.clv !== undefined) {
      clv += r.explanation.clv;
      clvN++;
    }
  }
  return {
    group,
    customers: rows.length,
    predictedChurnRate: rows.length ? p / rows.length : 0,
    flagged,
    monthlyRevenue: revenue,
    revenueAtRiskMonthly: risk,
    meanClv: clvN ? clv / clvN : null,
  };
}

function groupBy(rows: readonly ScoredCustomer[], key: (r: ScoredCustomer) => string): GroupKpis[] {
  const groups = new Map<string, ScoredCustomer[]>();
  for (const r of rows) {
    const k = key(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return [...groups.keys()].sort().map((k) => groupKpis(k, groups.get(k) as ScoredCustomer[]));
}

/** Realised churn at T = scored date − horizon, when that cohort's labels are mature. */
export async function realisedChurn(store: Store, scoredDate: string, horizonDays = 30): Promise<RealisedChurn | null> {
  const cohortDate = addDays(scoredDate, -horizonDays);
  const snap = await snapshotAt(store, cohortDate, { horizonDays });
  if (!snap.labelsMature || snap.frame.nRows === 0) return null;
  const used = await store.all<{ customer_id: string }>(
    'SELECT DISTINCT customer_id FROM usage_daily WHERE activity_date > ? AND activity_date <= ?',
    [cohortDate, addDays(cohortDate, horizonDays)],
  );
  const active = new Set(used.map((u) => u.customer_id));
  let churned = 0;
  let silent = 0;
  for (let i = 0; i < snap.frame.nRows; i++) {
    if (snap.label[i] === 1) churned++;
    else if (!active.has(snap.frame.customerId[i])) silent++;
  }
  const n = snap.frame.nRows;
  return { cohortDate, horizonDays, customers: n, subscriptionChurnRate: churned / n, usageChurnRate: silent / n };
}

/** The KPIs of the newest scored batch (CHURN_ERR_NO_DATA before any `churn score`). */
export async function churnKpis(store: Store, horizonDays = 30): Promise<ChurnKpis> {
  const rows = await scoredCustomers(store);
  const total = groupKpis('all', rows);
  const first = rows[0];
  return {
    snapshotDate: first?.snapshotDate ?? '',
    modelId: first?.modelId ?? '',
    total,
    revenueAtRiskAnnualised: total.revenueAtRiskMonthly * 12,
    realised: first ? await realisedChurn(store, first.snapshotDate, horizonDays) : null,
    byRiskBucket: groupBy(rows, (r) => r.riskBucket),
    bySegment: groupBy(rows, (r) => r.segment ?? '(unsegmented)'),
    byPlan: groupBy(rows, (r) => r.planType ?? '(none)'),
    byBillingCycle: groupBy(rows, (r) => r.billingCycle ?? '(none)'),
  };
}
