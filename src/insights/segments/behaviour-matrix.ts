/** The behavioural features segmentation clusters on: the snapshot's numeric signal-family columns, standardised. */
import type { FeatureFrame } from '../../features/index.js';
import type { Matrix } from '../../ml/index.js';
import { familyOf } from './signals.js';

/** Standardised behaviour columns plus what is needed to read centroids back in business units. */
export interface BehaviourMatrix {
  X: Matrix;
  features: string[];
  mean: Float64Array;
  sd: Float64Array;
}

/**
 * Every numeric column that belongs to a behaviour family (engagement, fading, billing, support, tenure, price), as
 * z-scores. A missing value becomes the column mean (z = 0) so no customer is dropped; constant columns are left out
 * because they cannot separate anyone; z-scores are clipped to ±5.
 */
export function behaviourMatrix(frame: FeatureFrame): BehaviourMatrix {
  const features: string[] = [];
  const columns: Float64Array[] = [];
  const means: number[] = [];
  const sds: number[] = [];
  for (const name of Object.keys(frame.columns).sort()) {
    const c = frame.columns[name];
    if (!(c instanceof Float64Array) || !familyOf(name)) continue;
    let n = 0;
    let sum = 0;
    for (const v of c) {
      if (Number.isNaN(v)) continue;
      n++;
      sum += v;
    }
    const mean = n === 0 ? 0 : sum / n;
    let ss = 0;
    for (const v of c) if (!Number.isNaN(v)) ss += (v - mean) ** 2;
    const sd = n < 2 ? 0 : Math.sqrt(ss / (n - 1));
    if (!(sd > 0)) continue;
    features.push(name);
    means.push(mean);
    sds.push(sd);
    // z clipped to ±5 so a handful of extreme customers cannot take a whole segment of their own.
    columns.push(Float64Array.from(c, (v) => (Number.isNaN(v) ? 0 : Math.max(-5, Math.min(5, (v - mean) / sd)))));
  }
  return { X: { nRows: frame.nRows, columns }, features, mean: Float64Array.from(means), sd: Float64Array.from(sds) };
}

/** Monthly revenue a customer pays: monthly_price × (1 − discount_pct / 100), NaN where the price is unknown (docs/clv.md). */
export function monthlyRevenueColumn(frame: FeatureFrame): Float64Array {
  const price = frame.columns.monthly_price;
  const discount = frame.columns.discount_pct;
  const d = discount instanceof Float64Array ? discount : null;
  if (!(price instanceof Float64Array)) return new Float64Array(frame.nRows).fill(Number.NaN);
  return Float64Array.from(price, (p, i) => p * (1 - (d === null || Number.isNaN(d[i]) ? 0 : d[i]) / 100));
}
