/** One driver in business words: the customer's own value, the direction on churn risk and the contribution with its unit. */
import type { ContributionUnit, FeatureValue } from '../types.js';
import { driverCatalogue, findTemplate } from './catalogue.js';
import { type DriverDirection, describeEffect, directionOf } from './effect.js';
import { type ParsedFeatureName, parseFeatureName } from './feature-name.js';
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

/**
 * What describeFact reads from a feature name alone, worked out once per name and catalogue: the parsed name, the
 * missing-indicator or one-hot label, the matching template and its pattern's groups, and the generic label. A server
 * renders the same few dozen features for every customer; the regular expressions ran for each driver of each row.
 */
interface FactPlan {
  parsed: ParsedFeatureName;
  /** Label of the feature a missing-value indicator is about (`x__missing`); undefined for other features. */
  indicatorLabel?: string;
  /** Label of a one-hot piece's feature (`plan_type=Premium` → "plan type"). */
  oneHotLabel?: string;
  found?: { template: DriverTemplate; groups: Record<string, string> };
  /** `humanise(base, windowDays)`: the generic sentence's and the default missing sentence's label. */
  label: string;
}

/** Plans per catalogue (by identity) and feature name; bounded, since callers may pass any name. */
const plans = new WeakMap<readonly DriverTemplate[], Map<string, FactPlan>>();
const MAX_PLANS = 4096;

function factPlan(feature: string, catalogue: readonly DriverTemplate[]): FactPlan {
  let byName = plans.get(catalogue);
  if (byName === undefined) {
    byName = new Map();
    plans.set(catalogue, byName);
  }
  let plan = byName.get(feature);
  if (plan !== undefined) return plan;
  const parsed = parseFeatureName(feature);
  plan = { parsed, label: humanise(parsed.base, parsed.windowDays) };
  const indicator = missingIndicator.exec(parsed.base + (parsed.windowDays === undefined ? '' : `_${parsed.windowDays}d`));
  if (indicator && parsed.category === undefined) {
    const inner = parseFeatureName(indicator.groups?.inner ?? indicator.groups?.inner2 ?? '');
    plan.indicatorLabel = humanise(inner.base, inner.windowDays);
  } else {
    if (parsed.category !== undefined) plan.oneHotLabel = humanise(parsed.base);
    plan.found = findTemplate(parsed.base, catalogue);
  }
  if (byName.size >= MAX_PLANS) byName.clear();
  byName.set(feature, plan);
  return plan;
}

function genericFact(plan: FactPlan, value: FeatureValue): string {
  const { label, parsed } = plan;
  if (isMissing(value)) return `${label}: not recorded`;
  if (typeof value === 'number') return `${label}: ${formatNumber(parsed.log1p ? Math.expm1(value) : value)}`;
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
  const plan = factPlan(feature, context.catalogue ?? driverCatalogue);
  const { parsed } = plan;
  if (plan.indicatorLabel !== undefined) {
    const label = plan.indicatorLabel;
    return { fact: asNumber(value) ? `${label} not recorded` : `${label} recorded`, template: 'missing-indicator' };
  }
  let v = value;
  if (parsed.category !== undefined) {
    // A one-hot piece: 1 means the customer is in that category, 0 that they are not.
    const label = plan.oneHotLabel as string;
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
  const found = plan.found;
  if (!found) return { fact: genericFact(plan, value), template: 'generic' };
  const { template } = found;
  // Each render gets its own copy of the groups, as when the pattern ran for it.
  const base: FactInput = {
    feature: parsed,
    groups: { ...found.groups },
    num: null,
    text: null,
    features: context.features ?? {},
    currency: context.currency ?? '',
  };
  if (isMissing(v)) {
    const fact = template.missing?.(base) ?? `${plan.label}: not recorded`;
    return { fact, template: template.id };
  }
  const num = template.kind === 'category' ? null : asNumber(v);
  if (template.kind === 'category' ? typeof v !== 'string' : num === null) {
    return { fact: genericFact(plan, value), template: 'generic' };
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
