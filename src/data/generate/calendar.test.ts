import { describe, expect, it } from 'vitest';
import { addMonths, Calendar, dayOf, isIsoDate, isoOf, weekdayOf } from './calendar.js';
import { Random } from './random.js';

describe('calendar', () => {
  it('adds months the way billing systems do: same day of month, clamped to the month length', () => {
    expect(isoOf(addMonths(dayOf('2025-01-31'), 1))).toBe('2025-02-28');
    expect(isoOf(addMonths(dayOf('2024-01-31'), 1))).toBe('2024-02-29');
    expect(isoOf(addMonths(dayOf('2025-01-31'), 2))).toBe('2025-03-31');
    expect(isoOf(addMonths(dayOf('2025-11-15'), 3))).toBe('2026-02-15');
    expect(isoOf(addMonths(dayOf('2025-03-15'), -3))).toBe('2024-12-15');
  });

  it('knows real dates, weekdays, and the window of N months', () => {
    expect(isIsoDate('2025-02-28')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-2-1')).toBe(false);
    expect(weekdayOf(dayOf('2025-01-01'))).toBe(3); // a Wednesday
    const cal = new Calendar('2025-01-31', 2, 10);
    expect(cal.iso(cal.endDay)).toBe('2025-03-30');
    expect(cal.monthStarts.map(isoOf)).toEqual(['2025-01-31', '2025-02-28', '2025-03-31']);
    expect(cal.monthIndex(dayOf('2025-02-27'))).toBe(0);
    expect(cal.monthIndex(dayOf('2025-02-28'))).toBe(1);
    expect(cal.iso(cal.startDay - 5)).toBe('2025-01-26');
  });
});

describe('per-customer random streams', () => {
  it('repeat exactly for the same seed and stream, and differ across streams', () => {
    const a = new Random(42, 7);
    const b = new Random(42, 7);
    const c = new Random(42, 8);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it('draw uniform, normal and Poisson values with the right moments', () => {
    const r = new Random(1, 1);
    const n = 200_000;
    let u = 0;
    let z = 0;
    let z2 = 0;
    let p = 0;
    for (let i = 0; i < n; i++) {
      u += r.next();
      const x = r.normal();
      z += x;
      z2 += x * x;
      p += r.poisson(2.5);
    }
    expect(u / n).toBeCloseTo(0.5, 2);
    expect(z / n).toBeCloseTo(0, 2);
    expect(z2 / n).toBeCloseTo(1, 1);
    expect(p / n).toBeCloseTo(2.5, 1);
  });
});
