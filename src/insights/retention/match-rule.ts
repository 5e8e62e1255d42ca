/** Whether one rule applies to one customer, and which of the customer's drivers make it apply. */
import { risingDrivers } from '../drivers/top-drivers.js';
import type { Driver, ScoredCustomer } from '../types.js';
import type { RetentionRule } from './rule-schema.js';

/** How many risk-raising drivers a rule looks at when it does not say. */
export const defaultTopK = 3;

/** The regular-expression body of a `*` glob (other characters literal). */
function globBody(glob: string): string {
  return glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
}

/** A feature-name pattern with `*` as wildcard, as an anchored regular expression. */
export function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${globBody(glob)}$`);
}

// One expression per rule for all its driver patterns, built once: campaigns test it millions of times.
const driverPatterns = new WeakMap<RetentionRule, RegExp>();

/** Matches a driver name against any of the rule's `topDrivers` globs; a `log1p_` prefix is the same business feature. */
function driverPatternOf(rule: RetentionRule, globs: readonly string[]): RegExp {
  let re = driverPatterns.get(rule);
  if (!re) {
    re = new RegExp(`^(?:log1p_)?(?:${globs.map(globBody).join('|')})$`);
    driverPatterns.set(rule, re);
  }
  return re;
}

const inRange = (x: number, r: { min?: number; max?: number } | undefined) =>
  r === undefined || ((r.min === undefined || x >= r.min) && (r.max === undefined || x < r.max));

const listed = <T>(list: readonly T[] | undefined, value: T | undefined) =>
  list === undefined || (value !== undefined && list.includes(value));

/**
 * The drivers behind the rule when every condition holds, else null. With a `topDrivers` condition these are
 * the customer's top-k risk-raising drivers that match it; otherwise the top-k risk-raising drivers.
 * `rising` (the customer's risk-raising drivers, strongest first) may be passed when it is already at hand.
 */
export function matchRule(
  rule: RetentionRule,
  customer: ScoredCustomer,
  rising: readonly Driver[] = risingDrivers(customer.drivers),
): Driver[] | null {
  const w = rule.when;
  const ok =
    listed(w.riskBuckets, customer.riskBucket) &&
    listed(w.segments, customer.segment) &&
    listed<string>(w.plans, customer.plan_type) &&
    listed<string>(w.billingCycles, customer.billing_cycle) &&
    inRange(customer.tenure_days, w.tenureDays) &&
    inRange(customer.clv, w.clv) &&
    inRange(customer.probability, w.probability);
  if (!ok) return null;
  const top = rising.slice(0, w.topK ?? defaultTopK);
  if (w.topDrivers === undefined) return top;
  const pattern = driverPatternOf(rule, w.topDrivers);
  const behind = top.filter((d) => pattern.test(d.feature));
  return behind.length > 0 ? behind : null;
}
