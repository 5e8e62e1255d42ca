/** Monthly revenue, CLV and revenue at risk of scored rows, with the insights formulas (docs/clv.md). */
import { type FeatureFrame, isNumericColumn } from '../features/index.js';
import { type CustomerValue, customerValue, type LifetimeOptions } from '../insights/index.js';

/** Table columns read as the monthly charge when a table model has no snapshot price (compared without case, `_` or spaces). */
const monthlyChargeNames = ['monthlyprice', 'monthlycharges', 'monthlycharge', 'monthlyrevenue', 'mrr'];
const squash = (s: string) => s.toLowerCase().replace(/[\s_-]/g, '');

/**
 * Monthly revenue per row, NaN where unknown. Snapshot rows: monthly_price × (1 − discount_pct / 100) — the price a
 * customer actually pays, as the derived `effective_monthly_price`. Table rows: the first numeric column named like a
 * monthly charge (`MonthlyCharges`, `monthly_price`, `MRR`, …); none → unknown.
 */
export function monthlyRevenueOf(frame: FeatureFrame): Float64Array {
  const price = frame.columns.monthly_price;
  const discount = frame.columns.discount_pct;
  if (price && isNumericColumn(price)) {
    const d = discount && isNumericColumn(discount) ? discount : null;
    return Float64Array.from(price, (p, i) => p * (1 - (d === null || Number.isNaN(d[i]) ? 0 : d[i]) / 100));
  }
  for (const want of monthlyChargeNames) {
    const name = Object.keys(frame.columns).find((n) => squash(n) === want);
    const c = name === undefined ? undefined : frame.columns[name];
    if (c && isNumericColumn(c)) return Float64Array.from(c);
  }
  return new Float64Array(frame.nRows).fill(Number.NaN);
}

/** CLV, revenue at risk and the rest per row; null where the monthly revenue is unknown or negative. */
export function customerValues(
  probability: Float64Array,
  monthlyRevenue: Float64Array,
  options: LifetimeOptions,
): (CustomerValue | null)[] {
  return Array.from(probability, (p, i) => {
    const m = monthlyRevenue[i];
    return Number.isFinite(m) && m >= 0 ? customerValue({ probability: p, monthlyRevenue: m }, options) : null;
  });
}
