/** Injected drift compiled into per-day factors: price index, crash multiplier, outage failure rate, channel shift. */
import type { Calendar } from './calendar.js';
import { dayOf } from './calendar.js';
import type { ResolvedOptions } from './options.js';

/** Day-by-day view of every drift scenario over the window (all neutral outside a scenario's days). */
export class DriftTimeline {
  private readonly first: number;
  /** List-price multiplier for rows opened (or re-priced) on the day. */
  private readonly price: Float64Array;
  private readonly crash: Float64Array;
  private readonly outage: Float64Array;
  private readonly social: Float64Array;
  /** True when a crash wave runs on the day (support backlog). */
  readonly anyCrashWave: boolean;

  constructor(cal: Calendar, drift: ResolvedOptions['drift']) {
    this.first = cal.startDay;
    const n = cal.endDay - cal.startDay + 1;
    this.price = new Float64Array(n).fill(1);
    this.crash = new Float64Array(n).fill(1);
    this.outage = new Float64Array(n);
    this.social = new Float64Array(n);
    for (const d of drift) {
      const from = dayOf(d.from) - this.first;
      const to = Math.min(n, from + d.days);
      const target = { price_rise: this.price, crash_wave: this.crash, payment_outage: this.outage, channel_shift: this.social }[
        d.kind
      ];
      for (let i = from; i < to; i++) {
        if (d.kind === 'price_rise') target[i] *= 1 + d.magnitude;
        else if (d.kind === 'crash_wave') target[i] *= d.magnitude;
        else target[i] = Math.max(target[i], d.magnitude);
      }
    }
    this.anyCrashWave = drift.some((d) => d.kind === 'crash_wave');
  }

  private at(a: Float64Array, day: number, neutral: number): number {
    const i = day - this.first;
    return i >= 0 && i < a.length ? a[i] : neutral;
  }

  /** List-price multiplier in force on `day` (1 without a price rise). */
  priceIndex(day: number): number {
    return this.at(this.price, day, 1);
  }

  /** Multiplier on crashes per session on `day`. */
  crashFactor(day: number): number {
    return this.at(this.crash, day, 1);
  }

  /** Extra probability that a charge attempt on `day` fails with `provider_outage`. */
  outageFailure(day: number): number {
    return this.at(this.outage, day, 0);
  }

  /** Share of signups on `day` moved to the Social channel. */
  socialShift(day: number): number {
    return this.at(this.social, day, 0);
  }
}
