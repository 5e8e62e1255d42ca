/** Test customers for the retention engine: a Medium-risk monthly Standard subscriber unless told otherwise. */
import type { ScoredCustomer } from '../types.js';

/** A scored customer; `top` lists [feature, contribution, value] drivers. */
export function customer(
  id: string,
  over: Partial<Omit<ScoredCustomer, 'drivers'>> & { top?: [string, number, number | string][] } = {},
): ScoredCustomer {
  const { top = [], ...rest } = over;
  return {
    customerId: id,
    probability: 0.4,
    riskBucket: 'Medium',
    plan_type: 'Standard',
    billing_cycle: 'monthly',
    tenure_days: 400,
    monthly_revenue: 10,
    clv: 20,
    drivers: top.map(([feature, contribution, value]) => ({ feature, contribution, value })),
    ...rest,
  };
}
