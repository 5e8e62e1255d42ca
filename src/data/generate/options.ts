/** What a caller can ask of the generator, and the one place those options are validated. */
import { ChurnError } from '../../errors/index.js';
import { addMonths, dayOf, isIsoDate } from './calendar.js';

/** The drift scenarios the generator can inject from a date (see docs/business-rules.md). */
export const driftKinds = ['price_rise', 'crash_wave', 'payment_outage', 'channel_shift'] as const;
export type DriftKind = (typeof driftKinds)[number];

/** One injected change in the business, effective from `from` for `days` days. */
export interface DriftScenario {
  kind: DriftKind;
  /** First affected day (ISO); must lie inside the generated window. */
  from: string;
  /** How long it lasts; default: to the end of the window, except payment_outage (21 days). */
  days?: number;
  /**
   * Strength; defaults: price_rise 0.2 (list prices +20 %), crash_wave 8 (crashes per session × 8),
   * payment_outage 0.5 (extra probability that a charge attempt fails), channel_shift 0.6 (share of new
   * signups moved to the Social channel).
   */
  magnitude?: number;
}

/** Options of one generated business. */
export interface GenerateOptions {
  /** Customers in the data set: an initial base active at `start` plus those who sign up during the window. */
  customers: number;
  /** Length of the window in calendar months. */
  months: number;
  /** Seed: the same options give the same rows, byte for byte. */
  seed: number;
  /** First day of the window (ISO). Default 2025-01-01. */
  start?: string;
  /** Target overall monthly churn rate (churned customers / customers active at the month's start). Default 0.04. */
  monthlyChurnRate?: number;
  /** Changes injected from a date (issue 9: monitoring must detect them). */
  drift?: DriftScenario[];
  /**
   * Multiplier on the voluntary-cancellation hazard of `customerId` on `date` (ISO); default 1.
   * Called once per customer per simulated day on which that customer is subscribed and has not yet decided to
   * cancel — window days, plus (for the initial base only) the days of the billing period that was already
   * running at `start`, which are replayed with dates before `start`. The result multiplies the probability
   * that the customer decides to cancel that day (0 = cannot decide to cancel that day). A monthly subscriber
   * who decides ends service the day before the next billing anniversary (≤ 1 month later); an annual one at
   * the term end (≤ 12 months later), or at once with a refund for 12 %; one who decides during payment retries
   * ends at once. The hook does not touch payment failures (involuntary churn), plan changes or win-backs, and
   * the churn-rate calibration never calls it, so a multiplier below 1 lowers churn below the target.
   * Must return a finite number ≥ 0 (anything else stops generation with CHURN_ERR_PARAM).
   */
  churnHazard?: (customerId: string, date: string) => number;
  /** Whole customers per batch handed to the sink (default 500). */
  batchCustomers?: number;
}

/** Options with every default filled in and every value checked. */
export interface ResolvedOptions extends Required<Omit<GenerateOptions, 'churnHazard' | 'drift'>> {
  drift: Required<DriftScenario>[];
  churnHazard: GenerateOptions['churnHazard'];
}

export const generateDefaults = { start: '2025-01-01', monthlyChurnRate: 0.04, batchCustomers: 500 } as const;

const driftDefaults: Record<DriftKind, { days: number | null; magnitude: number }> = {
  price_rise: { days: null, magnitude: 0.2 },
  crash_wave: { days: null, magnitude: 8 },
  payment_outage: { days: 21, magnitude: 0.5 },
  channel_shift: { days: null, magnitude: 0.6 },
};

function fail(option: string, value: unknown, rule: string): never {
  throw new ChurnError('CHURN_ERR_PARAM', `generate option ${option} = ${JSON.stringify(value)}: ${rule}`, { option, value });
}

const isInt = (v: unknown, min: number, max: number) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/** Fills defaults and validates; throws CHURN_ERR_PARAM naming the bad option. */
export function resolveOptions(options: GenerateOptions): ResolvedOptions {
  const { customers, months, seed } = options;
  const start = options.start ?? generateDefaults.start;
  const rate = options.monthlyChurnRate ?? generateDefaults.monthlyChurnRate;
  const batchCustomers = options.batchCustomers ?? generateDefaults.batchCustomers;
  if (!isInt(customers, 1, 10_000_000)) fail('customers', customers, 'must be an integer from 1 to 10,000,000');
  if (!isInt(months, 1, 120)) fail('months', months, 'must be an integer from 1 to 120');
  if (!isInt(seed, 0, 2 ** 32 - 1)) fail('seed', seed, 'must be an integer from 0 to 4294967295');
  if (!isIsoDate(start)) fail('start', start, 'must be a calendar date written YYYY-MM-DD');
  if (!(typeof rate === 'number' && rate > 0 && rate <= 0.5)) fail('monthlyChurnRate', rate, 'must be in (0, 0.5]');
  if (!isInt(batchCustomers, 1, 100_000)) fail('batchCustomers', batchCustomers, 'must be an integer from 1 to 100,000');
  if (options.churnHazard !== undefined && typeof options.churnHazard !== 'function')
    fail('churnHazard', typeof options.churnHazard, 'must be a function (customerId, date) => multiplier');
  const startDay = dayOf(start);
  const endDay = addMonths(startDay, months) - 1;
  const drift = (options.drift ?? []).map((d, i) => {
    const name = `drift[${i}]`;
    if (!driftKinds.includes(d?.kind)) fail(`${name}.kind`, d?.kind, `must be one of ${driftKinds.join(', ')}`);
    if (!isIsoDate(d.from)) fail(`${name}.from`, d.from, 'must be a calendar date written YYYY-MM-DD');
    const from = dayOf(d.from);
    if (from < startDay || from > endDay)
      fail(
        `${name}.from`,
        d.from,
        `must lie inside the window ${start} … ${new Date(endDay * 86_400_000).toISOString().slice(0, 10)}`,
      );
    const days = d.days ?? driftDefaults[d.kind].days ?? endDay - from + 1;
    if (!isInt(days, 1, 100_000)) fail(`${name}.days`, d.days, 'must be a positive integer');
    const magnitude = d.magnitude ?? driftDefaults[d.kind].magnitude;
    const maxMagnitude = d.kind === 'crash_wave' ? 100 : d.kind === 'price_rise' ? 5 : 1;
    if (!(typeof magnitude === 'number' && magnitude > 0 && magnitude <= maxMagnitude))
      fail(`${name}.magnitude`, d.magnitude, `must be in (0, ${maxMagnitude}] for ${d.kind}`);
    return { kind: d.kind, from: d.from, days, magnitude };
  });
  return { customers, months, seed, start, monthlyChurnRate: rate, batchCustomers, drift, churnHazard: options.churnHazard };
}
