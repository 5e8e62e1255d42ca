/**
 * Derived features: ONE pure function, `deriveFeatures`, used by training, batch scoring and the API, so a model never
 * sees a feature computed two ways. Each recipe reads snapshot values of the same row only; missing in → missing out.
 */
import type { FeatureSpec } from './feature-spec.js';
import { type Category, type FeatureFrame, type FrameColumn, numericColumn } from './frame.js';

/** One derived feature: its catalogue entry, the snapshot features it reads, and its formula over their values in one row. */
export interface DerivedRecipe {
  spec: FeatureSpec;
  inputs: readonly string[];
  compute(...values: number[]): number | Category;
}

const div = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
const flag = (v: boolean, from: number) => (Number.isNaN(from) ? Number.NaN : v ? 1 : 0);

function recipe(
  name: string,
  type: FeatureSpec['type'],
  unit: string,
  window: string,
  description: string,
  inputs: string[],
  compute: (...v: number[]) => number | Category,
): DerivedRecipe {
  // deriveFeatures passes the input values positionally, and is written for one or two inputs.
  if (inputs.length < 1 || inputs.length > 2) throw new Error(`derived feature ${name} must read one or two features`);
  const spec: FeatureSpec = { name, type, group: 'derived', unit, window, description, origin: 'derived' };
  return { spec, inputs, compute };
}

/** Age bands for reporting and for linear models (which cannot bend a straight age effect). */
export const ageBands = ['<25', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
const ageBounds = [25, 35, 45, 55, 65];
function ageBand(age: number): Category {
  if (Number.isNaN(age)) return null;
  const i = ageBounds.findIndex((b) => age < b);
  return ageBands[i === -1 ? ageBands.length - 1 : i];
}

// Counts and amounts whose distributions have long right tails: linear models and scaling work better on log1p.
const skewed = [
  'total_sessions_30d',
  'total_sessions_90d',
  'total_minutes_30d',
  'total_minutes_90d',
  'total_crashes_30d',
  'failed_payments_90d',
  'total_amount_success_90d',
  'support_tickets_90d',
  'days_since_last_activity',
  'tenure_days',
];

/** Every derived feature, in column order. */
export const derivedRecipes: readonly DerivedRecipe[] = [
  recipe(
    'sessions_per_crash',
    'numeric',
    'sessions',
    '30d',
    'Sessions per crash in the last 30 days: sessions ÷ (crashes + 1).',
    ['total_sessions_30d', 'total_crashes_30d'],
    (s, c) => s / (c + 1),
  ),
  recipe(
    'crash_rate_30d',
    'numeric',
    'crashes/session',
    '30d',
    'Crashes per session in the last 30 days; empty without sessions.',
    ['total_crashes_30d', 'total_sessions_30d'],
    div,
  ),
  recipe(
    'payment_failure_rate',
    'numeric',
    'share',
    '90d',
    'Share of payment attempts in the last 90 days that failed; empty when there was no attempt.',
    ['failed_payments_90d', 'successful_payments_90d'],
    (f, s) => div(f, f + s),
  ),
  recipe(
    'support_per_session',
    'numeric',
    'tickets/session',
    '30d',
    'Support tickets per session in the last 30 days: tickets ÷ (sessions + 1).',
    ['support_tickets_30d', 'total_sessions_30d'],
    (t, s) => t / (s + 1),
  ),
  recipe(
    'minutes_per_active_day_30d',
    'numeric',
    'minutes',
    '30d',
    'Minutes of use per active day in the last 30 days; empty without active days.',
    ['total_minutes_30d', 'active_days_30d'],
    div,
  ),
  recipe(
    'recent_sessions_share',
    'numeric',
    'share',
    '30d',
    'Share of the last 30 days’ sessions that fell in the last 7 (≈0.23 when steady, 0 when fading); empty without sessions.',
    ['total_sessions_7d', 'total_sessions_30d'],
    div,
  ),
  recipe(
    'effective_monthly_price',
    'numeric',
    'currency/month',
    'at cutoff',
    'Monthly price after the discount.',
    ['monthly_price', 'discount_pct'],
    (p, d) => p * (1 - d / 100),
  ),
  recipe('has_discount', 'boolean', '', 'at cutoff', 'The current subscription has a discount.', ['discount_pct'], (d) =>
    flag(d > 0, d),
  ),
  recipe('renewal_within_7d', 'boolean', '', 'at cutoff', 'The next renewal is at most 7 days away.', ['days_to_renewal'], (d) =>
    flag(d <= 7, d),
  ),
  recipe(
    'age_band',
    'categorical',
    '',
    'at cutoff',
    'Age band at the cutoff (<25, 25-34, …, 65+); empty when age is unknown.',
    ['age'],
    ageBand,
  ),
  ...skewed.map((name) =>
    recipe(`log1p_${name}`, 'numeric', `log(1 + ${name})`, '', `Natural log of 1 + ${name} (tames its long tail).`, [name], (v) =>
      Math.log1p(v),
    ),
  ),
];

/** The catalogue entries of the derived features. */
export const derivedFeatures: readonly FeatureSpec[] = derivedRecipes.map((r) => r.spec);

/**
 * Returns a new frame with every column of `raw` plus the derived features (raw is not modified).
 * Throws CHURN_ERR_SHAPE naming a snapshot feature the recipes need but the frame lacks.
 */
export function deriveFeatures(raw: FeatureFrame): FeatureFrame {
  const n = raw.nRows;
  const columns: Record<string, FrameColumn> = { ...raw.columns };
  for (const r of derivedRecipes) {
    const a = numericColumn(raw, r.inputs[0]);
    const b = r.inputs.length > 1 ? numericColumn(raw, r.inputs[1]) : undefined;
    const f = r.compute;
    if (r.spec.type === 'categorical') {
      const out = new Array<Category>(n);
      for (let i = 0; i < n; i++) out[i] = (b ? f(a[i], b[i]) : f(a[i])) as Category;
      columns[r.spec.name] = out;
    } else {
      const out = new Float64Array(n);
      if (b) for (let i = 0; i < n; i++) out[i] = f(a[i], b[i]) as number;
      else for (let i = 0; i < n; i++) out[i] = f(a[i]) as number;
      columns[r.spec.name] = out;
    }
  }
  return { ...raw, columns };
}
