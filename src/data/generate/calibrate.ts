/**
 * Calibration of the voluntary hazard so the realised monthly churn rate hits the target: a pilot business
 * (fixed pilot seed, no drift, no hook) is simulated and the hazard scale corrected a few times.
 */
import { emptyBatch } from './batch.js';
import { CustomerSim } from './customer.js';
import type { ResolvedOptions } from './options.js';
import { Tally } from './summary.js';
import { makeWorld } from './world.js';

const PILOT_SEED = 0x5eed_c0de;
/** Customer-months the pilot simulates: about ±3 % relative error on the rate at the default target. */
const PILOT_CUSTOMER_MONTHS = 24_000;
const ROUNDS = 4;
const cache = new Map<string, number>();

function pilotRate(options: ResolvedOptions, scale: number): { total: number; involuntary: number } {
  const world = makeWorld(options, scale);
  const tally = new Tally(world.cal);
  for (let i = 0; i < options.customers; i++) {
    const batch = emptyBatch();
    new CustomerSim(world, i, batch, tally).run();
  }
  const s = tally.summary(options.customers, options.monthlyChurnRate);
  const events = Object.values(s.churnEvents).reduce((a, b) => a + b, 0);
  const share = events ? s.churnEvents.payment_failed / events : 0;
  return { total: s.realisedMonthlyChurnRate, involuntary: s.realisedMonthlyChurnRate * share };
}

/**
 * The voluntary-hazard scale for a target rate, window length and start (cached per process). Depends only on
 * those three, never on the seed, drift or hook, so drift and experiment effects show up as real changes.
 */
export function calibrateHazard(options: ResolvedOptions): number {
  const key = `${options.monthlyChurnRate}|${options.months}|${options.start}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const customers = Math.max(1000, Math.ceil((1.5 * PILOT_CUSTOMER_MONTHS) / options.months));
  const pilot: ResolvedOptions = { ...options, customers, seed: PILOT_SEED, drift: [], churnHazard: undefined };
  const target = options.monthlyChurnRate;
  let scale = target / 0.04;
  for (let round = 0; round < ROUNDS; round++) {
    const { total, involuntary } = pilotRate(pilot, scale);
    const voluntary = Math.max(1e-6, total - involuntary);
    const wanted = Math.max(0.05 * target, target - involuntary);
    const step = wanted / voluntary;
    scale *= step ** (round === 0 ? 1 : 1.15); // hazard heterogeneity makes the rate concave in the scale
    if (Math.abs(step - 1) < 0.01) break;
  }
  cache.set(key, scale);
  return scale;
}
