import { describe, expect, it } from 'vitest';
import { isChurnError } from '../../errors/index.js';
import { rng } from '../../ml/index.js';
import { aggregateContributionRows, aggregateContributions, groupEncodedFeatures, oneHotOriginal } from './aggregate.js';

const encoded = ['tenure_days', 'plan_type=Basic', 'plan_type=Premium', 'failed_payments_30d', 'plan_type=Standard', 'region=N'];
const mapping = {
  'plan_type=Basic': 'plan_type',
  'plan_type=Premium': 'plan_type',
  'plan_type=Standard': 'plan_type',
  'region=N': 'region',
};

describe('aggregateContributions sums one-hot pieces back to the business feature', () => {
  it('sums exactly on values whose sums are representable (dyadic fractions)', () => {
    const c = [0.5, -0.125, 0.75, 1.25, 0.0625, -0.25];
    const out = aggregateContributions(encoded, c, mapping);
    expect(out.names).toEqual(['tenure_days', 'plan_type', 'failed_payments_30d', 'region']);
    expect(Array.from(out.contributions)).toEqual([0.5, 0.6875, 1.25, -0.25]);
    expect(out.contributions.reduce((a, b) => a + b, 0)).toBe(c.reduce((a, b) => a + b, 0));
  });

  it('gives each feature exactly the left-to-right sum of its pieces on random values', () => {
    const rand = rng(7);
    const c = encoded.map(() => rand() * 2 - 1);
    const out = aggregateContributions(encoded, c, oneHotOriginal);
    expect(out.contributions[1]).toBe(c[1] + c[2] + c[4]);
    expect(out.contributions[0]).toBe(c[0]);
    // Only the grand total is re-associated, so it may differ in the last bits from the encoded total.
    const total = c.reduce((a, b) => a + b, 0);
    expect(Math.abs(out.contributions.reduce((a, b) => a + b, 0) - total)).toBeLessThan(1e-15);
  });

  it('maps names absent from a lookup table to themselves', () => {
    const out = aggregateContributions(['a', 'b=1', 'b=2'], [1, 2, 3], { 'b=1': 'b', 'b=2': 'b' });
    expect(out.names).toEqual(['a', 'b']);
    expect(Array.from(out.contributions)).toEqual([1, 5]);
  });

  it('aggregates many rows with one grouping', () => {
    const groups = groupEncodedFeatures(encoded, oneHotOriginal);
    const rows = [1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60];
    expect(Array.from(aggregateContributionRows(groups, rows, 2))).toEqual([1, 10, 4, 6, 10, 100, 40, 60]);
  });

  it('refuses a contribution vector of the wrong length with a shape error', () => {
    expect(() => aggregateContributions(encoded, [1, 2], mapping)).toThrow(/Expected 1 × 6 = 6 contributions/);
    try {
      aggregateContributions(encoded, [1, 2], mapping);
    } catch (e) {
      expect(isChurnError(e, 'CHURN_ERR_SHAPE')).toBe(true);
    }
  });
});
