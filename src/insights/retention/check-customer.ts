/** Guarding the campaign against customers whose numbers would silently distort the ranking. */
import { ChurnError } from '../../errors/index.js';
import { riskBuckets, type ScoredCustomer } from '../types.js';

function fail(customer: ScoredCustomer, field: string, rule: string, value: unknown): never {
  throw new ChurnError(
    'CHURN_ERR_VALIDATION',
    `Customer "${customer.customerId}": ${field} must be ${rule}, got ${String(value)}`,
    {
      customerId: customer.customerId,
      field,
      value,
    },
  );
}

/** Throws CHURN_ERR_VALIDATION naming the customer and the field when a value cannot be ranked. */
export function checkScoredCustomer(c: ScoredCustomer): void {
  if (typeof c.customerId !== 'string' || c.customerId === '') fail(c, 'customerId', 'a non-empty string', c.customerId);
  if (!(c.probability >= 0 && c.probability <= 1)) fail(c, 'probability', 'in [0, 1]', c.probability);
  if (!(riskBuckets as readonly string[]).includes(c.riskBucket)) fail(c, 'riskBucket', riskBuckets.join(' | '), c.riskBucket);
  if (!(Number.isFinite(c.clv) && c.clv >= 0)) fail(c, 'clv', 'a finite amount ≥ 0', c.clv);
  if (!(Number.isFinite(c.tenure_days) && c.tenure_days >= 0)) fail(c, 'tenure_days', 'a number ≥ 0', c.tenure_days);
  for (const d of c.drivers) {
    if (!Number.isFinite(d.contribution)) fail(c, `drivers.${d.feature}.contribution`, 'a finite number', d.contribution);
  }
}
