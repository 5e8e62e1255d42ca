import { describe, expect, it } from 'vitest';
import type { ScoredSnapshot, StoredScore } from '../scored/read-scores.js';
import { defaultRules } from './default-rules.js';
import { campaignFromScores } from './stored-campaign.js';

const score = (customerId: string, probability: number, clv: number | null, ruleId: string | null): StoredScore => ({
  customerId,
  probability,
  riskBucket: 'High',
  explanation: {
    clv,
    action: ruleId
      ? { ruleId, action: 'act', channel: 'email', offer: null, reason: `rule ${ruleId}: 3 failed payments; sessions down 60 %` }
      : null,
  },
});
// vip-personal-call: uplift 0.3, cost 15; payment-card-update: uplift 0.35, cost 0.5.
const scored: ScoredSnapshot = {
  modelId: 'm1',
  snapshotDate: '2025-06-30',
  rows: [
    score('A', 0.8, 1000, 'vip-personal-call'), // 0.8·1000·0.3 − 15 = 225
    score('B', 0.5, 200, 'payment-card-update'), // 0.5·200·0.35 − 0.5 = 34.5
    score('C', 0.9, 400, 'vip-personal-call'), // 0.9·400·0.3 − 15 = 93
    score('D', 0.1, 10, 'vip-personal-call'), // 0.1·10·0.3 − 15 = −14.7: never worth it
    score('E', 0.2, 50, null), // no action
    score('F', 0.3, 100, 'retired-rule'), // scored with another rule set
  ],
};

describe('campaignFromScores', () => {
  it('ranks by expected net value and selects under the budget, skipping lines that do not fit', () => {
    const c = campaignFromScores(scored, defaultRules, 20);
    expect(c.lines.map((l) => [l.customer_id, l.rank])).toEqual([
      ['A', 1],
      ['C', 2],
      ['B', 3],
      ['D', 4],
    ]);
    expect(c.lines[0].expected_net_value).toBeCloseTo(225, 10);
    expect(c.lines.map((l) => l.not_selected_because)).toEqual([null, 'budget', null, 'negative_net_value']);
    expect(c.totals).toEqual({ customers: 2, cost: 15.5, expected_saved_revenue: 240 + 35, expected_net_value: 225 + 34.5 });
    expect(c.without_action).toBe(1);
    expect(c.unknown_rule).toEqual(['F']);
    expect(c.lines[0].because).toEqual(['3 failed payments', 'sessions down 60 %']);
  });

  it('selects every positive line without a budget', () => {
    const c = campaignFromScores(scored, defaultRules);
    expect(c.lines.filter((l) => l.selected).map((l) => l.customer_id)).toEqual(['A', 'C', 'B']);
    expect(c.totals.cost).toBe(30.5);
  });

  it('rejects a negative budget', () => {
    expect(() => campaignFromScores(scored, defaultRules, -1)).toThrow(/budget/);
  });
});
