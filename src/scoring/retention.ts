/** The retention action for a scored row: the insights rules engine applied to the row's drivers, plan, tenure and value. */
import {
  type CustomerValue,
  type Driver,
  type FeatureValue,
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
 * The first matching rule's recommendation (drivers and values may be passed when the caller already built them; drivers
 * carrying a rendered `text` are quoted as they are; the rules read only the strongest risk-raising drivers, so the
 * given drivers may be just those — see insights' recommend) (by priority) with the drivers behind it, or null when
 * none matches.
 * Unknown facts (a table without plan or tenure, an unknown revenue) are NaN / empty so that no rule conditioned on
 * them matches by accident.
 */
export function recommendFor(
  explanations: Explanations,
  row: number,
  facts: RowFacts,
  rules: readonly RetentionRule[],
  given?: { drivers: Driver[]; values: Record<string, FeatureValue> },
): Recommendation | null {
  const values = given?.values ?? explanations.rowValues(row);
  const drivers = given?.drivers ?? explanations.driverList(row, values);
  const text = (name: string) => {
    const v = values[name];
    return typeof v === 'string' ? v : '';
  };
  const tenure = values.tenure_days;
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
    features: values,
  };
  return recommend(customer, rules, { unit: explanations.unit });
}
