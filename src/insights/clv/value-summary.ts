/** Aggregating customer value figures: totals and means for a portfolio and per group (segment, plan, risk band). */
import type { CustomerValue } from './lifetime-value.js';

/** Totals and means over a set of customers. */
export interface ValueSummary {
  customers: number;
  /** Σ p: the number of customers expected to churn within the horizon. */
  expectedChurners: number;
  monthlyRevenue: number;
  clvTotal: number;
  /** Mean CLV; 0 for an empty set. */
  clvMean: number;
  revenueAtRisk: number;
  revenueAtRiskAnnual: number;
  /** Mean probability; 0 for an empty set. */
  meanProbability: number;
}

/** Totals and means of a set of customer values. */
export function summariseValues(values: readonly CustomerValue[]): ValueSummary {
  let churners = 0;
  let revenue = 0;
  let clv = 0;
  let atRisk = 0;
  for (const v of values) {
    churners += v.probability;
    revenue += v.monthlyRevenue;
    clv += v.clv;
    atRisk += v.revenueAtRisk;
  }
  const n = values.length;
  return {
    customers: n,
    expectedChurners: churners,
    monthlyRevenue: revenue,
    clvTotal: clv,
    clvMean: n === 0 ? 0 : clv / n,
    revenueAtRisk: atRisk,
    revenueAtRiskAnnual: atRisk * 12,
    meanProbability: n === 0 ? 0 : churners / n,
  };
}

/** One summary per group, groups sorted by name so reports are stable. */
export function summariseValuesBy<T extends CustomerValue>(
  rows: readonly T[],
  groupOf: (row: T) => string,
): (ValueSummary & { group: string })[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const g = groupOf(row);
    const list = groups.get(g);
    if (list) list.push(row);
    else groups.set(g, [row]);
  }
  return [...groups.keys()].sort().map((group) => ({ group, ...summariseValues(groups.get(group) ?? []) }));
}
