/** The recommendation for one customer: the first matching rule by priority, with the drivers behind it in words. */
import { describeDriver } from '../drivers/describe-driver.js';
import { isSelectableCount, risingDrivers, strongestDrivers } from '../drivers/top-drivers.js';
import type { ContributionUnit, Driver, ScoredCustomer } from '../types.js';
import { defaultTopK, matchRule } from './match-rule.js';
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

/**
 * How many of a customer's strongest risk-raising drivers `rules` read at most (each rule reads its first `topK`), or
 * null when some rule's topK is not a small positive integer (then every rising driver is ranked).
 */
export function rulesTopK(rules: readonly RetentionRule[]): number | null {
  let k = 1;
  for (const r of rules) {
    const t = r.when.topK ?? defaultTopK;
    if (!isSelectableCount(t)) return null;
    if (t > k) k = t;
  }
  return k;
}

/**
 * The customer's risk-raising drivers, strongest first, as far as any rule reads them: the strongest max(topK) are
 * selected instead of sorting all of them.
 */
function risingFor(customer: ScoredCustomer, rules: readonly RetentionRule[]): Driver[] {
  const k = rulesTopK(rules);
  return k === null ? risingDrivers(customer.drivers) : strongestDrivers(customer.drivers, k, 1);
}

/**
 * The recommendation of the matching rule with the lowest priority number, or null when no rule matches. Rules read
 * the customer's strongest risk-raising drivers only (a rule's first `topK`, default 3): `customer.drivers` may hold
 * just those, as long as it has at least the largest topK of the rules of them (or all there are).
 */
export function recommend(
  customer: ScoredCustomer,
  rules: readonly RetentionRule[],
  options: RecommendOptions = {},
): Recommendation | null {
  let rule: RetentionRule | undefined;
  let drivers: Driver[] = [];
  const rising = risingFor(customer, rules); // ranked once, read by every rule
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
