/** One driver in business words: the customer's own value, the direction on churn risk and the contribution with its unit. */
import type { ContributionUnit, FeatureValue } from '../types.js';
import { findTemplate } from './catalogue.js';
import { type DriverDirection, describeEffect, directionOf } from './effect.js';
import { parseFeatureName } from './feature-name.js';
import { formatNumber, humanise } from './format.js';
import type { DriverTemplate, FactInput } from './template.js';

/** What the sentence may draw on besides the driver itself. */
export interface DriverContext {
  /** Scale of the contribution: required, so no number is shown without its unit. */
  unit: ContributionUnit;
  /** The customer's other feature values ("mean resolution 52 h" next to a ticket count). */
  features?: Record<string, FeatureValue>;
  /** Currency symbol put before amounts; none by default. */
  currency?: string;
  /** Catalogue to use instead of the default one. */
  catalogue?: readonly DriverTemplate[];
}

/** The input of `describeDriver`. */
export interface DriverInput {
  feature: string;
  value: FeatureValue;
  contribution: number;
  context: DriverContext;
}

/** A driver rendered for people. */
export interface DriverDescription {
  feature: string;
  value: FeatureValue;
  contribution: number;
  unit: ContributionUnit;
  direction: DriverDirection;
  /** Catalogue template that rendered the fact, or `generic`. */
  template: string;
  /** The fact with the customer's value: "3 failed payments in the last 30 days". */
  fact: string;
  /** "raises churn risk (+0.42 log-odds)". */
  effect: string;
  /** Fact and effect in one sentence. */
  text: string;
}

// `x__missing` (src/features), `x_missing`, `x_is_missing` or `missing_x`.
const missingIndicator = /^(?<inner>.+?)_{1,2}(missing|is_missing|was_missing)$|^missing_(?<inner2>.+)$/;
// The preprocessor's extra one-hot columns: rare or unseen levels, and missing values.
const otherLevel = '__other__';
const missingLevel = '__missing__';

function isMissing(v: FeatureValue): boolean {
  return v === null || (typeof v === 'number' && Number.isNaN(v));
}

/** A value as a number, or null when it is not numeric; booleans and "true"/"yes" read as 1, "false"/"no" as 0. */
function asNumber(v: FeatureValue): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null) return null;
  const t = v.trim().toLowerCase();
  if (t === 'true' || t === 'yes') return 1;
  if (t === 'false' || t === 'no') return 0;
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : null;
}

function genericFact(name: string, value: FeatureValue): string {
  const p = parseFeatureName(name);
  const label = humanise(p.base, p.windowDays);
  if (isMissing(value)) return `${label}: not recorded`;
  if (typeof value === 'number') return `${label}: ${formatNumber(p.log1p ? Math.expm1(value) : value)}`;
  return `${label}: ${String(value)}`;
}

/** The fact part of a driver sentence (no effect). */
export function describeFact(
  feature: string,
  value: FeatureValue,
  context: Omit<DriverContext, 'unit'> = {},
): {
  fact: string;
  template: string;
} {
  const parsed = parseFeatureName(feature);
  const indicator = missingIndicator.exec(parsed.base + (parsed.windowDays === undefined ? '' : `_${parsed.windowDays}d`));
  if (indicator && parsed.category === undefined) {
    const inner = parseFeatureName(indicator.groups?.inner ?? indicator.groups?.inner2 ?? '');
    const label = humanise(inner.base, inner.windowDays);
    return { fact: asNumber(value) ? `${label} not recorded` : `${label} recorded`, template: 'missing-indicator' };
  }
  let v = value;
  if (parsed.category !== undefined) {
    // A one-hot piece: 1 means the customer is in that category, 0 that they are not.
    const label = humanise(parsed.base);
    const inIt = Boolean(asNumber(value));
    if (parsed.category === otherLevel) {
      return { fact: inIt ? `${label}: a rare or new value` : `${label}: a common value`, template: 'one-hot' };
    }
    if (parsed.category === missingLevel) {
      return { fact: inIt ? `${label}: not recorded` : `${label}: recorded`, template: 'one-hot' };
    }
    if (!inIt) return { fact: `${label} is not ${parsed.category}`, template: 'one-hot' };
    v = parsed.category;
  }
  const found = findTemplate(parsed.base, context.catalogue);
  if (!found) return { fact: genericFact(feature, value), template: 'generic' };
  const { template, groups } = found;
  const base: FactInput = {
    feature: parsed,
    groups,
    num: null,
    text: null,
    features: context.features ?? {},
    currency: context.currency ?? '',
  };
  if (isMissing(v)) {
    const fact = template.missing?.(base) ?? `${humanise(parsed.base, parsed.windowDays)}: not recorded`;
    return { fact, template: template.id };
  }
  const num = template.kind === 'category' ? null : asNumber(v);
  if (template.kind === 'category' ? typeof v !== 'string' : num === null) {
    return { fact: genericFact(feature, value), template: 'generic' };
  }
  const n = num === null ? Number.NaN : parsed.log1p ? Math.expm1(num) : num;
  return { fact: template.render({ ...base, num: n, text: String(v) }), template: template.id };
}

/** Renders one driver: "3 failed payments in the last 30 days — raises churn risk (+0.42 log-odds)". */
export function describeDriver({ feature, value, contribution, context }: DriverInput): DriverDescription {
  const { fact, template } = describeFact(feature, value, context);
  const effect = describeEffect(contribution, context.unit);
  return {
    feature,
    value,
    contribution,
    unit: context.unit,
    direction: directionOf(contribution),
    template,
    fact,
    effect,
    text: `${fact} — ${effect}`,
  };
}
