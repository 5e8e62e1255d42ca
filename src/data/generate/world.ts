/** The shared, read-only context of one run: options, calendar, drift, daily activity factors, calibration. */
import { Calendar, dayOfYear, weekdayOf } from './calendar.js';
import { DriftTimeline } from './drift.js';
import type { ResolvedOptions } from './options.js';
import { usage } from './parameters.js';

/** What every customer simulation of a run reads. */
export interface World {
  options: ResolvedOptions;
  cal: Calendar;
  drift: DriftTimeline;
  /** Weekday × seasonal activity factor per day of the window. */
  dayActivity: Float64Array;
  /** Calibrated multiplier on the voluntary hazard (hits the target churn rate). */
  voluntaryScale: number;
  /** Multiplier on payment-failure chances (involuntary churn grows with the target rate). */
  involuntaryScale: number;
  initialCustomers: number;
  newCustomers: number;
}

/** How many customers are already subscribed at the start: a steady business replaces what it loses. */
export function initialBaseSize(customers: number, months: number, rate: number): number {
  const newShare = Math.min(0.8, (rate * months) / (1 + rate * months));
  return Math.max(1, Math.round(customers * (1 - newShare)));
}

/** Builds the context of a run; `voluntaryScale` comes from the calibration. */
export function makeWorld(options: ResolvedOptions, voluntaryScale: number): World {
  const cal = new Calendar(options.start, options.months, 9 * 366);
  const n = cal.endDay - cal.startDay + 1;
  const dayActivity = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const day = cal.startDay + i;
    const season = 1 + usage.seasonalAmplitude * Math.cos((2 * Math.PI * (dayOfYear(day) - usage.seasonalPeakDay)) / 365);
    dayActivity[i] = usage.weekday[weekdayOf(day)] * season;
  }
  const initialCustomers = Math.min(
    options.customers,
    initialBaseSize(options.customers, options.months, options.monthlyChurnRate),
  );
  return {
    options,
    cal,
    drift: new DriftTimeline(cal, options.drift),
    dayActivity,
    voluntaryScale,
    involuntaryScale: Math.min(3, Math.max(0.25, options.monthlyChurnRate / 0.04)),
    initialCustomers,
    newCustomers: options.customers - initialCustomers,
  };
}
