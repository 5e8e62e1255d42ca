/** The recommendation for one customer: the first matching rule by priority, with the drivers behind it in words. */
import { describeDriver } from '../drivers/describe-driver.js';
import { risingDrivers } from '../drivers/top-drivers.js';
import type { ContributionUnit, Driver, ScoredCustomer } from '../types.js';
import { matchRule } from './match-rule.js';
import type { Channel, RetentionRule } from './rule-schema.js';

/** What to do for one customer, and why. */
export interface Recommendation {
  customerId: string;
  ruleId: string;
  ruleDescription: string;
  action: string;
  channel: Channel;
  offer: string | null;
  priority: number;
  expectedUplift: number;
  costPerContact: number;
  /** The drivers behind the rule, in business words with their effect. */
  because: string[];
  /** "rule payment-card-update: 3 failed payments in the last 30 days — raises churn risk (+0.80 log-odds)". */
  reason: string;
}

/** How drivers are put in words when they carry no text yet. */
export interface RecommendOptions {
  /** Scale of the drivers' contributions. Default 'log-odds' (the margin SHAP explains). */
  unit?: ContributionUnit;
  currency?: string;
}

function inWords(d: Driver, customer: ScoredCustomer, o: RecommendOptions): string {
  if (d.text !== undefined) return d.text;
  return describeDriver({
    feature: d.feature,
    value: d.value,
    contribution: d.contribution,
    context: { unit: o.unit ?? 'log-odds', features: customer.features, currency: o.currency },
  }).text;
}

/** The recommendation of the matching rule with the lowest priority number, or null when no rule matches. */
export function recommend(
  customer: ScoredCustomer,
  rules: readonly RetentionRule[],
  options: RecommendOptions = {},
): Recommendation | null {
  let rule: RetentionRule | undefined;
  let drivers: Driver[] = [];
  const rising = risingDrivers(customer.drivers); // ranked once, read by every rule
  for (const candidate of rules) {
    if (rule !== undefined && candidate.priority >= rule.priority) continue;
    const behind = matchRule(candidate, customer, rising);
    if (behind === null) continue;
    rule = candidate;
    drivers = behind;
  }
  if (rule === undefined) return null;
  const because = drivers.map((d) => inWords(d, customer, options));
  const why = because.length > 0 ? because.join('; ') : `${customer.riskBucket} churn risk (${customer.probability.toFixed(2)})`;
  return {
    customerId: customer.customerId,
    ruleId: rule.id,
    ruleDescription: rule.description,
    action: rule.recommend.action,
    channel: rule.recommend.channel,
    offer: rule.recommend.offer,
    priority: rule.priority,
    expectedUplift: rule.recommend.expectedUplift,
    costPerContact: rule.recommend.costPerContact,
    because,
    reason: `rule ${rule.id}: ${why}`,
  };
}
