import { describe, expect, it } from 'vitest';
import { customer } from './fixtures.test-helpers.js';
import { parseRules } from './parse-rules.js';
import { planCampaign } from './plan-campaign.js';

const rules = parseRules({
  version: 1,
  rules: [
    {
      id: 'call',
      description: 'Very high risk: call.',
      priority: 1,
      when: { riskBuckets: ['Very High'] },
      recommend: { action: 'personal_call', channel: 'phone', offer: null, expectedUplift: 0.3, costPerContact: 10 },
    },
    {
      id: 'mail',
      description: 'Medium or high risk: mail.',
      priority: 2,
      when: { riskBuckets: ['Medium', 'High'] },
      recommend: { action: 'email', channel: 'email', offer: 'reminder', expectedUplift: 0.1, costPerContact: 1 },
    },
  ],
});

// Expected net value = p × CLV × uplift − cost, worked out by hand:
const customers = [
  customer('c1', { riskBucket: 'Very High', probability: 0.8, clv: 100 }), // 24 − 10 = 14
  customer('c2', { riskBucket: 'Very High', probability: 0.9, clv: 50 }), // 13.5 − 10 = 3.5
  customer('c3', { riskBucket: 'High', probability: 0.6, clv: 200 }), // 12 − 1 = 11
  customer('c4', { riskBucket: 'High', probability: 0.6, clv: 100 }), // 6 − 1 = 5
  customer('c5', { riskBucket: 'Medium', probability: 0.3, clv: 20 }), // 0.6 − 1 = −0.4
  customer('c6', { riskBucket: 'Low', probability: 0.1, clv: 300 }), // no rule
  customer('c7', { riskBucket: 'Medium', probability: 0.4, clv: 50 }), // 2 − 1 = 1
];

const selectedIds = (plan: ReturnType<typeof planCampaign>) => plan.lines.filter((l) => l.selected).map((l) => l.customerId);

describe('planCampaign ranks by expected net value and selects greedily under the budget', () => {
  it('ranks every recommended customer by p × CLV × uplift − cost', () => {
    const plan = planCampaign(customers, rules);
    expect(plan.lines.map((l) => l.customerId)).toEqual(['c1', 'c3', 'c4', 'c2', 'c7', 'c5']);
    expect(plan.lines.map((l) => l.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    const net = plan.lines.map((l) => l.expectedNetValue);
    for (const [i, v] of [14, 11, 5, 3.5, 1, -0.4].entries()) expect(net[i]).toBeCloseTo(v, 12);
    expect(plan.unmatched).toEqual(['c6']);
  });

  it('without a budget selects every line worth its cost', () => {
    const plan = planCampaign(customers, rules);
    expect(selectedIds(plan)).toEqual(['c1', 'c3', 'c4', 'c2', 'c7']);
    expect(plan.lines[5].notSelectedBecause).toBe('negative_net_value');
    expect(plan.totals.customers).toBe(5);
    expect(plan.totals.cost).toBe(23);
    expect(plan.totals.expectedSavedRevenue).toBeCloseTo(24 + 12 + 6 + 13.5 + 2, 12);
    expect(plan.totals.expectedNetValue).toBeCloseTo(34.5, 12);
    expect(plan.budget).toBeNull();
  });

  it('with a budget of 12 takes c1, c3, c4 and skips what no longer fits', () => {
    const plan = planCampaign(customers, rules, { budget: 12 });
    expect(selectedIds(plan)).toEqual(['c1', 'c3', 'c4']);
    expect(plan.lines.find((l) => l.customerId === 'c2')?.notSelectedBecause).toBe('budget');
    expect(plan.lines.find((l) => l.customerId === 'c7')?.notSelectedBecause).toBe('budget');
    expect(plan.totals.cost).toBe(12);
    expect(plan.totals.expectedSavedRevenue).toBeCloseTo(42, 12);
    expect(plan.totals.expectedNetValue).toBeCloseTo(30, 12);
  });

  it('with a budget of 5 skips the expensive call and fills with cheaper lines further down', () => {
    const plan = planCampaign(customers, rules, { budget: 5 });
    expect(selectedIds(plan)).toEqual(['c3', 'c4', 'c7']);
    expect(plan.totals.cost).toBe(3);
    expect(plan.totals.expectedNetValue).toBeCloseTo(17, 12);
  });

  it('spends a budget exactly even when costs do not add up exactly in floating point', () => {
    const cheap = parseRules({
      version: 1,
      rules: [
        {
          id: 'nudge',
          description: 'Everyone: a nudge.',
          priority: 1,
          when: {},
          recommend: { action: 'push', channel: 'push', offer: null, expectedUplift: 0.1, costPerContact: 0.1 },
        },
      ],
    });
    const many = Array.from({ length: 10 }, (_, i) => customer(`n${i}`, { probability: 0.5, clv: 10 + i }));
    expect(planCampaign(many, cheap, { budget: 1 }).totals.customers).toBe(10);
  });

  it('breaks ties by higher probability, then customer id', () => {
    const tied = [
      customer('b', { riskBucket: 'High', probability: 0.5, clv: 40 }),
      customer('a', { riskBucket: 'High', probability: 0.5, clv: 40 }),
      customer('z', { riskBucket: 'High', probability: 0.8, clv: 25 }),
    ];
    expect(planCampaign(tied, rules).lines.map((l) => l.customerId)).toEqual(['z', 'a', 'b']);
  });

  it('refuses a bad budget, a bad probability and a duplicate customer, naming them', () => {
    expect(() => planCampaign(customers, rules, { budget: -1 })).toThrow(/budget must be a finite amount ≥ 0, got -1/);
    expect(() => planCampaign([customer('x', { probability: Number.NaN })], rules)).toThrow(
      /Customer "x": probability must be in \[0, 1\], got NaN/,
    );
    expect(() => planCampaign([customer('x'), customer('x')], rules)).toThrow(/Customer "x" appears twice/);
  });
});
