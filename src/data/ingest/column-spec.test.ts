import { describe, expect, it } from 'vitest';
import { columnSpecs, isCalendarDate } from './column-spec.js';

describe('contract column specs', () => {
  it('accepts only real calendar days written YYYY-MM-DD', () => {
    expect(['2024-02-29', '2025-12-31', '2025-01-01'].map(isCalendarDate)).toEqual([true, true, true]);
    expect(
      [
        '2025-02-29',
        '2025-04-31',
        '2025-13-01',
        '2025-00-10',
        '2025-1-01',
        '20250101',
        '2025-01-01 ',
        '',
        '202a-01-01',
        '2025-0a-01',
        '2025-01-3x',
      ].map(isCalendarDate),
    ).toEqual(Array(11).fill(false));
  });

  it('reads kinds, nullability, enums and bounds from the TypeBox schemas', () => {
    const byName = Object.fromEntries(columnSpecs('customers').map((c) => [c.name, c]));
    expect(byName.birth_year).toMatchObject({ kind: 'integer', nullable: true, minimum: 1900, maximum: 2015 });
    expect(byName.gender).toMatchObject({ kind: 'enum', nullable: true, values: ['Female', 'Male', 'Other'] });
    expect(byName.signup_date).toMatchObject({ kind: 'date', nullable: false });
    expect(byName.customer_id).toMatchObject({ kind: 'string', nullable: false, maxLength: 64 });
    expect(columnSpecs('usage_daily').map((c) => c.kind)).toEqual(['string', 'date', 'integer', 'number', 'integer']);
  });
});
