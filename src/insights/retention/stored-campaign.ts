/** The campaign for a scored snapshot: each customer's stored action (from `churn score`) ranked by expected net value under a budget. */
import { ChurnError } from '../../errors/index.js';
import type { ScoredSnapshot } from '../scored/read-scores.js';
import type { RetentionRule } from './rule-schema.js';

/** One line of the campaign, as the CSV, the API and the dashboard read it. */
export interface StoredCampaignLine {
  rank: number;
  customer_id: string;
  risk_bucket: string;
  probability: number;
  clv: number;
  action: string;
  channel: string;
  offer: string | null;
  rule_id: string;
  /** "rule payment-card-update: 3 failed payments in the last 30 days — …". */
  reason: string;
  /** The drivers behind the rule, in words. */
  because: string[];
  expected_uplift: number;
  /** probability × CLV × uplift. */
  expected_saved_revenue: number;
  cost: number;
  /** expected_saved_revenue − cost. */
  expected_net_value: number;
  selected: boolean;
  not_selected_because: 'negative_net_value' | 'budget' | null;
}

/** The campaign and its totals over the selected lines. */
export interface StoredCampaign {
  model_id: string;
  snapshot_date: string;
  budget: number | null;
  lines: StoredCampaignLine[];
  totals: { customers: number; cost: number; expected_saved_revenue: number; expected_net_value: number };
  /** Scored customers with no action (no rule matched, or unknown value), counted so that nobody vanishes silently. */
  without_action: number;
  /** Customers whose stored rule id is not in the rule set (scored with other rules). */
  unknown_rule: string[];
}

/**
 * Ranks every scored customer that has an action by expected net value (ties: higher probability, then id) and selects
 * down the ranking while the cost fits the budget and the net value is positive (as planCampaign does).
 */
export function campaignFromScores(scored: ScoredSnapshot, rules: readonly RetentionRule[], budget?: number): StoredCampaign {
  if (budget !== undefined && !(Number.isFinite(budget) && budget >= 0))
    throw new ChurnError('CHURN_ERR_PARAM', `budget must be a finite amount ≥ 0, got ${budget}`, {
      field: 'budget',
      value: budget,
    });
  const byId = new Map(rules.map((r) => [r.id, r]));
  const lines: StoredCampaignLine[] = [];
  const unknownRule: string[] = [];
  let without = 0;
  for (const row of scored.rows) {
    const a = row.explanation.action;
    const clv = row.explanation.clv;
    if (!a || clv === null || clv === undefined) {
      without++;
      continue;
    }
    const rule = byId.get(a.ruleId);
    if (!rule) {
      unknownRule.push(row.customerId);
      continue;
    }
    const uplift = rule.recommend.expectedUplift;
    const cost = rule.recommend.costPerContact;
    const saved = row.probability * clv * uplift;
    const text = a.reason.replace(/^rule [^:]*: /, '');
    lines.push({
      rank: 0,
      customer_id: row.customerId,
      risk_bucket: row.riskBucket,
      probability: row.probability,
      clv,
      action: a.action,
      channel: a.channel,
      offer: a.offer,
      rule_id: a.ruleId,
      reason: a.reason,
      because: text.split('; ').filter((s) => s.length > 0),
      expected_uplift: uplift,
      expected_saved_revenue: saved,
      cost,
      expected_net_value: saved - cost,
      selected: false,
      not_selected_because: null,
    });
  }
  lines.sort(
    (a, b) =>
      b.expected_net_value - a.expected_net_value ||
      b.probability - a.probability ||
      (a.customer_id < b.customer_id ? -1 : a.customer_id > b.customer_id ? 1 : 0),
  );
  const totals = { customers: 0, cost: 0, expected_saved_revenue: 0, expected_net_value: 0 };
  let left = budget ?? Number.POSITIVE_INFINITY;
  const slack = budget === undefined ? 0 : 1e-9 * Math.max(1, budget);
  lines.forEach((line, i) => {
    line.rank = i + 1;
    if (!(line.expected_net_value > 0)) line.not_selected_because = 'negative_net_value';
    else if (line.cost > left + slack) line.not_selected_because = 'budget';
    else {
      line.selected = true;
      left -= line.cost;
      totals.customers += 1;
      totals.cost += line.cost;
      totals.expected_saved_revenue += line.expected_saved_revenue;
      totals.expected_net_value += line.expected_net_value;
    }
  });
  return {
    model_id: scored.modelId,
    snapshot_date: scored.snapshotDate,
    budget: budget ?? null,
    lines,
    totals,
    without_action: without,
    unknown_rule: unknownRule,
  };
}
