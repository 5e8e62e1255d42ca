/** The retention action for a scored row: the insights rules engine applied to the row's drivers, plan, tenure and value. */
import {
  type CustomerValue,
  type Recommendation,
  type RetentionRule,
  type RiskBucket,
  recommend,
  type ScoredCustomer,
} from '../insights/index.js';
import type { Explanations } from './explanations.js';

/** What the rules read about one row besides its explanation. */
export interface RowFacts {
  customerId: string;
  probability: number;
  riskBucket: string;
  value: CustomerValue | null;
}

/**
 * The first matching rule's recommendation (by priority) with the drivers behind it, or null when none matches.
 * Unknown facts (a table without plan or tenure, an unknown revenue) are NaN / empty so that no rule conditioned on
 * them matches by accident.
 */
export function recommendFor(
  explanations: Explanations,
  row: number,
  facts: RowFacts,
  rules: readonly RetentionRule[],
): Recommendation | null {
  const k = explanations.features.length;
  const drivers = explanations.features.map((feature, f) => ({
    feature,
    value: explanations.valueAt(row, feature),
    contribution: explanations.contributions[row * k + f],
  }));
  const text = (name: string) => {
    const v = explanations.valueAt(row, name);
    return typeof v === 'string' ? v : '';
  };
  const tenure = explanations.valueAt(row, 'tenure_days');
  const customer: ScoredCustomer = {
    customerId: facts.customerId,
    probability: facts.probability,
    riskBucket: facts.riskBucket as RiskBucket,
    drivers,
    plan_type: text('plan_type'),
    billing_cycle: text('billing_cycle'),
    tenure_days: typeof tenure === 'number' ? tenure : Number.NaN,
    monthly_revenue: facts.value?.monthlyRevenue ?? Number.NaN,
    clv: facts.value?.clv ?? Number.NaN,
    features: explanations.rowValues(row),
  };
  return recommend(customer, rules, { unit: explanations.unit });
}
