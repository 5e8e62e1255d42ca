import { describe, expect, it } from 'vitest';
import { featureCatalogue } from './catalogue.js';
import { derivedFeatures, deriveFeatures } from './derived.js';
import { rowOf } from './frame.js';
import { recordsToFrame } from './preprocess/record.js';

const frame = recordsToFrame([
  {
    total_sessions_7d: 6,
    total_sessions_30d: 24,
    total_sessions_90d: 60,
    total_crashes_30d: 3,
    active_days_30d: 8,
    total_minutes_30d: 400,
    failed_payments_90d: 1,
    successful_payments_90d: 3,
    support_tickets_30d: 5,
    monthly_price: 20,
    discount_pct: 25,
    days_to_renewal: 7,
    age: 34,
    tenure_days: 0,
  },
  { total_sessions_30d: 0, total_crashes_30d: 0, failed_payments_90d: 0, successful_payments_90d: 0, age: 65 },
]);

describe('deriveFeatures', () => {
  it('computes each recipe from the same row, with missing in → missing out', () => {
    const [a, b] = [0, 1].map((i) => rowOf(deriveFeatures(frame), i));
    expect(a).toMatchObject({
      sessions_per_crash: 6, // 24 ÷ (3 + 1)
      crash_rate_30d: 0.125,
      payment_failure_rate: 0.25,
      support_per_session: 0.2, // 5 ÷ (24 + 1)
      minutes_per_active_day_30d: 50,
      recent_sessions_share: 0.25,
      effective_monthly_price: 15,
      has_discount: 1,
      renewal_within_7d: 1,
      age_band: '25-34',
      log1p_total_sessions_30d: Math.log(25),
      log1p_tenure_days: 0,
      log1p_days_since_last_activity: null,
    });
    expect(b).toMatchObject({
      sessions_per_crash: 0,
      crash_rate_30d: null,
      payment_failure_rate: null,
      support_per_session: null,
      has_discount: null,
      age_band: '65+',
    });
  });

  it('keeps the raw columns untouched and adds every derived feature in catalogue order', () => {
    const before = Float64Array.from(frame.columns.total_sessions_30d as Float64Array);
    const out = deriveFeatures(frame);
    expect(frame.columns.total_sessions_30d).toEqual(before);
    expect(frame.columns.sessions_per_crash).toBeUndefined();
    expect(Object.keys(out.columns)).toEqual(featureCatalogue.map((f) => f.name));
    expect(derivedFeatures.length).toBe(20);
  });
});
