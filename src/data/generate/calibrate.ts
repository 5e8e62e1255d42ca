/**
 * Calibration of the voluntary hazard so the realised monthly churn rate hits the target: a pilot business
 * (fixed pilot seed, no drift, no hook) is simulated and the hazard scale corrected until it lands.
 */
import { emptyBatch } from './batch.js';
import { CustomerSim } from './customer.js';
import type { ResolvedOptions } from './options.js';
import { Tally } from './summary.js';
import { makeWorld } from './world.js';

const PILOT_SEED = 0x5eed_c0de;
/** Customer-months the pilot simulates: about ±4 % relative error on the rate at the default target. */
const PILOT_CUSTOMER_MONTHS = 18_000;
const MAX_ROUNDS = 8;
/** The rate grows roughly as scale^0.75 (hazard heterogeneity); used for the first guess and first step. */
const ELASTICITY = 0.75;
const cache = new Map<string, number>();

/** Realised voluntary and involuntary monthly churn of the pilot at a hazard scale. */
function pilotRates(options: ResolvedOptions, scale: number): { voluntary: number; involuntary: number } {
  const world = makeWorld(options, scale);
  const tally = new Tally(world.cal);
  for (let i = 0; i < options.customers; i++) new CustomerSim(world, i, emptyBatch(), tally).run();
  const s = tally.summary(options.customers, options.monthlyChurnRate);
  const events = Object.values(s.churnEvents).reduce((a, b) => a + b, 0);
  const involuntary = events ? (s.realisedMonthlyChurnRate * s.churnEvents.payment_failed) / events : 0;
  return { voluntary: s.realisedMonthlyChurnRate - involuntary, involuntary };
}

/**
 * The voluntary-hazard scale for a target rate, window length and start (cached per process): a secant search
 * in log–log space on a pilot business. Depends only on those three, never on the seed, drift or hook, so drift
 * and experiment effects show up as real changes in the churn rate.
 */
export function calibrateHazard(options: ResolvedOptions): number {
  const key = `${options.monthlyChurnRate}|${options.months}|${options.start}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const customers = Math.min(12_000, Math.max(1000, Math.ceil((1.5 * PILOT_CUSTOMER_MONTHS) / options.months)));
  const pilot: ResolvedOptions = { ...options, customers, seed: PILOT_SEED, drift: [], churnHazard: undefined };
  const target = options.monthlyChurnRate;
  let scale = (target / 0.04) ** (1 / ELASTICITY);
  let previous: { scale: number; voluntary: number } | null = null;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const { voluntary, involuntary } = pilotRates(pilot, scale);
    const wanted = Math.max(0.05 * target, target - involuntary);
    if (Math.abs(voluntary + involuntary - target) < 0.02 * target) break;
    let elasticity = ELASTICITY;
    if (previous && previous.voluntary > 0 && voluntary > 0 && previous.scale !== scale) {
      const slope = Math.log(voluntary / previous.voluntary) / Math.log(scale / previous.scale);
      if (Number.isFinite(slope) && slope > 0.1) elasticity = slope;
    }
    previous = { scale, voluntary };
    scale *= (wanted / Math.max(voluntary, 1e-6)) ** (1 / elasticity);
  }
  cache.set(key, scale);
  return scale;
}
