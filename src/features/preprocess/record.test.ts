import { describe, expect, it } from 'vitest';
import { snapshotFeatures } from '../catalogue-snapshot.js';
import { recordsToFrame, validateRawRecord } from './record.js';

const fails = (record: unknown, field: string, message: RegExp) =>
  expect(() => validateRawRecord(record)).toThrow(
    expect.objectContaining({
      code: 'CHURN_ERR_VALIDATION',
      context: { field, record: 0 },
      message: expect.stringMatching(message),
    }),
  );

describe('raw serving records', () => {
  it('accept the original system fields alone and leave every other feature missing', () => {
    const r = validateRawRecord({
      customer_id: 'C1',
      total_sessions_30d: 12,
      avg_session_minutes_30d: 8.5,
      total_crashes_30d: 0,
      failed_payments_30d: 1,
      total_amount_success_30d: 9.99,
      support_tickets_30d: 0,
      avg_resolution_time_30d: null,
      monthly_price: 9.99,
      auto_renew: true,
      plan_type: 'Basic',
      age: 41,
    });
    expect(r.customerId).toBe('C1');
    expect(r.values.auto_renew).toBe(1);
    expect(r.values.plan_type).toBe('Basic');
    expect(r.values.tenure_days).toBeNull();
    expect(Object.keys(r.values)).toEqual(snapshotFeatures.map((f) => f.name));
  });

  it('reject unknown fields, derived fields, wrong types, non-finite and out-of-range values by name', () => {
    fails({ total_sesions_30d: 1 }, 'total_sesions_30d', /not a known feature/);
    fails({ sessions_per_crash: 2 }, 'sessions_per_crash', /derived feature/);
    fails({ monthly_price: '9.99' }, 'monthly_price', /finite number/);
    fails({ monthly_price: Number.POSITIVE_INFINITY }, 'monthly_price', /finite number/);
    fails({ total_sessions_30d: -1 }, 'total_sessions_30d', /between 0 and/);
    fails({ auto_renew: 2 }, 'auto_renew', /true\/false or 0\/1/);
    fails({ plan_type: 3 }, 'plan_type', /category label/);
    fails([1, 2], '(record)', /object/);
  });

  it('enforce required fields and number the failing record', () => {
    expect(() => recordsToFrame([{ monthly_price: 1 }, {}], { required: ['monthly_price'] })).toThrow(
      expect.objectContaining({ context: { field: 'monthly_price', record: 1 } }),
    );
  });

  it('stack into a frame with NaN for missing numbers and null for missing categories', () => {
    const f = recordsToFrame([{ monthly_price: 5, region: 'North' }, {}]);
    expect(f.nRows).toBe(2);
    expect(f.customerId).toEqual(['record-0', 'record-1']);
    expect(Array.from(f.columns.monthly_price as Float64Array)).toEqual([5, Number.NaN]);
    expect(f.columns.region).toEqual(['North', null]);
  });
});
