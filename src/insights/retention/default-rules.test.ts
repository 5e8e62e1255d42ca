import { describe, expect, it } from 'vitest';
import { featureCatalogue } from '../../features/index.js';
import { defaultRuleFile, defaultRules } from './default-rules.js';
import { customer } from './fixtures.test-helpers.js';
import { globToRegExp, matchRule } from './match-rule.js';
import { recommend } from './recommend.js';

const ruleOf = (id: string) => {
  const rule = defaultRules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
};
const winner = (c: Parameters<typeof recommend>[0]) => recommend(c, defaultRules)?.ruleId ?? null;

describe('default retention rules: each has a customer that triggers it and one that does not', () => {
  const cases = {
    'vip-personal-call': {
      hit: customer('vip', { riskBucket: 'Very High', probability: 0.8, clv: 8, top: [['failed_payments_30d', 1.2, 2]] }),
      miss: customer('vip-low-clv', { riskBucket: 'Very High', probability: 0.8, clv: 3 }),
    },
    'payment-card-update': {
      hit: customer('pay', { top: [['failed_payments_30d', 0.9, 3]] }),
      // Failed payments rank fourth among the risk-raising drivers, outside the top 3 the rule reads.
      miss: customer('pay-4th', {
        top: [
          ['tenure_days', 0.5, 30],
          ['auto_renew', 0.4, 0],
          ['region', 0.3, 'North'],
          ['failed_payments_30d', 0.2, 1],
        ],
      }),
    },
    'crash-technical-outreach': {
      hit: customer('crash', { top: [['total_crashes_30d', 0.7, 6]] }),
      miss: customer('no-crash-push', { top: [['total_crashes_30d', -0.7, 0]] }), // crashes lower this one's risk
    },
    'support-recovery': {
      hit: customer('support', { top: [['support_tickets_30d', 0.6, 4]] }),
      miss: customer('support-low', { riskBucket: 'Low', probability: 0.1, top: [['support_tickets_30d', 0.6, 4]] }),
    },
    'engagement-personalised-content': {
      hit: customer('fading', { top: [['sessions_trend_30d', 0.8, -0.6]] }),
      miss: customer('fading-low', { riskBucket: 'Low', probability: 0.1, top: [['sessions_trend_30d', 0.8, -0.6]] }),
    },
    'price-discount-or-downgrade': {
      hit: customer('price', { top: [['monthly_price', 0.5, 14.99]] }),
      miss: customer('price-neg', { top: [['monthly_price', -0.5, 4.99]] }),
    },
    'at-risk-check-in': {
      hit: customer('high', { riskBucket: 'High', probability: 0.6 }),
      miss: customer('medium', { riskBucket: 'Medium', probability: 0.4 }),
    },
  };

  it('covers every default rule', () => {
    expect(Object.keys(cases).sort()).toEqual(defaultRuleFile.rules.map((r) => r.id).sort());
  });

  for (const [id, { hit, miss }] of Object.entries(cases)) {
    it(`${id}: triggered by ${hit.customerId}, not by ${miss.customerId}`, () => {
      expect(winner(hit)).toBe(id);
      expect(matchRule(ruleOf(id), miss)).toBeNull();
    });
  }

  it('names only drivers that exist: every pattern matches a feature of src/features', () => {
    const names = featureCatalogue.map((f) => f.name);
    for (const rule of defaultRules) {
      for (const pattern of rule.when.topDrivers ?? []) {
        expect(
          names.some((n) => globToRegExp(pattern).test(n)),
          `${rule.id}: ${pattern}`,
        ).toBe(true);
      }
    }
  });

  it('reads a log1p_ driver as its business feature', () => {
    expect(winner(customer('log', { top: [['log1p_total_crashes_30d', 0.6, Math.log1p(5)]] }))).toBe('crash-technical-outreach');
  });

  it('leaves a Medium customer with no actionable driver without a recommendation', () => {
    expect(recommend(customer('quiet'), defaultRules)).toBeNull();
  });

  it('lets the lower priority number win when two rules match', () => {
    const both = customer('both', {
      top: [
        ['total_crashes_30d', 1.5, 8],
        ['failed_payments_30d', 0.3, 1],
      ],
    });
    expect(matchRule(ruleOf('crash-technical-outreach'), both)).not.toBeNull();
    expect(winner(both)).toBe('payment-card-update');
    // The order of the rule list does not matter.
    expect(recommend(both, [...defaultRules].reverse())?.ruleId).toBe('payment-card-update');
  });

  it('cites the rule and the drivers behind it in words', () => {
    const r = recommend(
      customer('pay', {
        top: [
          ['failed_payments_30d', 0.9, 3],
          ['tenure_days', 0.2, 45],
        ],
      }),
      defaultRules,
    );
    expect(r).toMatchObject({
      ruleId: 'payment-card-update',
      action: 'card_update_and_retry',
      channel: 'email',
      priority: 20,
      expectedUplift: 0.35,
      costPerContact: 0.5,
      because: ['3 failed payments in the last 30 days — raises churn risk (+0.90 log-odds)'],
      reason: 'rule payment-card-update: 3 failed payments in the last 30 days — raises churn risk (+0.90 log-odds)',
    });
  });

  it('cites the top drivers for a rule without a driver condition, or the risk when there are none', () => {
    const vip = recommend(
      customer('vip', { riskBucket: 'Very High', probability: 0.8, clv: 8, top: [['tenure_days', 0.4, 45]] }),
      defaultRules,
    );
    expect(vip?.because).toEqual(['customer for 45 days — raises churn risk (+0.40 log-odds)']);
    const high = recommend(customer('high', { riskBucket: 'High', probability: 0.6 }), defaultRules);
    expect(high?.reason).toBe('rule at-risk-check-in: High churn risk (0.60)');
  });

  it('renders drivers on the probability scale when told', () => {
    const r = recommend(customer('pay', { top: [['failed_payments_30d', 0.12, 3]] }), defaultRules, { unit: 'probability' });
    expect(r?.because).toEqual(['3 failed payments in the last 30 days — raises churn risk (+12.0 percentage points)']);
  });
});
