/** Whether one rule applies to one customer, and which of the customer's drivers make it apply. */
import { topDrivers } from '../drivers/top-drivers.js';
import type { Driver, ScoredCustomer } from '../types.js';
import type { RetentionRule } from './rule-schema.js';

/** How many risk-raising drivers a rule looks at when it does not say. */
export const defaultTopK = 3;

const globCache = new Map<string, RegExp>();

/** A feature-name pattern with `*` as wildcard, as an anchored regular expression. */
export function globToRegExp(glob: string): RegExp {
  let re = globCache.get(glob);
  if (!re) {
    const body = glob
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    re = new RegExp(`^${body}$`);
    globCache.set(glob, re);
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
 */
export function matchRule(rule: RetentionRule, customer: ScoredCustomer): Driver[] | null {
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
  const top = topDrivers(customer.drivers, w.topK ?? defaultTopK).up;
  if (w.topDrivers === undefined) return top;
  const patterns = w.topDrivers.map(globToRegExp);
  // A log1p_ transform is the same business feature: `log1p_failed_payments_90d` matches `failed_payments_*`.
  const behind = top.filter((d) => patterns.some((p) => p.test(d.feature) || p.test(d.feature.replace(/^log1p_/, ''))));
  return behind.length > 0 ? behind : null;
}
