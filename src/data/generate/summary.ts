/** The run summary: rows per table, churn events by reason, and the realised monthly churn rate. */
import type { cancelReasons, RawTableName } from '../contract/index.js';
import type { Calendar } from './calendar.js';

/** A reason a customer churned (every cancel reason except `plan_change`). */
export type ChurnReason = Exclude<(typeof cancelReasons)[number], 'plan_change'>;

/** What one run produced. */
export interface GenerateSummary {
  customers: number;
  /** Rows written per raw table. */
  rows: Record<RawTableName, number>;
  /** Churn events (a subscription spell ending without a continuing row) by reason. */
  churnEvents: Record<ChurnReason, number>;
  /** Churned customers who subscribed again later in the window. */
  winBacks: number;
  /**
   * Σ over months of customers who were active on the month's first day and churned during it,
   * ÷ Σ customers active on the months' first days.
   */
  realisedMonthlyChurnRate: number;
  /** The same ratio for each month of the window. */
  monthlyChurnRates: number[];
  targetMonthlyChurnRate: number;
  /** Customers with an active subscription on the last day. */
  activeAtEnd: number;
  start: string;
  /** Last day of the window (inclusive). */
  end: string;
}

/** Accumulates a summary while customers are simulated; memory O(months). */
export class Tally {
  readonly rows: Record<RawTableName, number> = {
    customers: 0,
    subscriptions: 0,
    usage_daily: 0,
    payments: 0,
    support_tickets: 0,
  };
  readonly churnEvents: Record<ChurnReason, number> = {
    price: 0,
    low_engagement: 0,
    service_quality: 0,
    payment_failed: 0,
    competitor: 0,
    other: 0,
  };
  winBacks = 0;
  activeAtEnd = 0;
  private readonly activeAtMonthStart: Float64Array;
  private readonly churnedInMonth: Float64Array;

  constructor(private readonly cal: Calendar) {
    this.activeAtMonthStart = new Float64Array(cal.monthStarts.length - 1);
    this.churnedInMonth = new Float64Array(cal.monthStarts.length - 1);
  }

  /** Records a subscription spell [from, to] (to = null: still active at the end) and how it ended. */
  spell(from: number, to: number | null, reason: ChurnReason | null): void {
    const starts = this.cal.monthStarts;
    const last = to ?? this.cal.endDay;
    for (let m = 0; m < starts.length - 1; m++) {
      if (starts[m] < from || starts[m] > last) continue;
      this.activeAtMonthStart[m]++;
      if (to !== null && reason !== null && to < starts[m + 1]) this.churnedInMonth[m]++;
    }
    if (reason !== null) this.churnEvents[reason]++;
    if (to === null) this.activeAtEnd++;
  }

  /** The finished summary. */
  summary(customers: number, target: number): GenerateSummary {
    let active = 0;
    let churned = 0;
    const monthly = Array.from(this.activeAtMonthStart, (a, m) => {
      active += a;
      churned += this.churnedInMonth[m];
      return a ? this.churnedInMonth[m] / a : 0;
    });
    return {
      customers,
      rows: { ...this.rows },
      churnEvents: { ...this.churnEvents },
      winBacks: this.winBacks,
      realisedMonthlyChurnRate: active ? churned / active : 0,
      monthlyChurnRates: monthly,
      targetMonthlyChurnRate: target,
      activeAtEnd: this.activeAtEnd,
      start: this.cal.iso(this.cal.startDay),
      end: this.cal.iso(this.cal.endDay),
    };
  }
}
