/** Charging: anniversary charges, failure causes (expired card, funds, processing, outage), retries, refunds. */
import type { failureReasons } from '../contract/index.js';
import { addMonths } from './calendar.js';
import type { CustomerSim } from './customer.js';
import { billing, support } from './parameters.js';
import { advanceAnniversary } from './subscription.js';
import { openTicket } from './support.js';

export type FailureReason = (typeof failureReasons)[number];

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Why attempt `attempt` on `day` fails, or null when it succeeds. Draws nothing extra outside an outage. */
function failureCause(sim: CustomerSim, day: number, attempt: number): FailureReason | null {
  const { r, profile, world } = sim;
  const outage = world.drift.outageFailure(day);
  if (outage > 0 && r.next() < outage) return 'provider_outage';
  const previous = attempt > 1 ? sim.retryCause : null;
  if (previous === 'insufficient_funds') return r.chance(billing.fundsRetrySuccess) ? null : previous;
  if (previous === 'processing_error') return r.chance(billing.processingRetrySuccess) ? null : previous;
  if (profile.method === 'card' && day >= sim.cardExpiry) {
    const inTime =
      previous === 'card_expired' ? billing.cardUpdatedOnRetry : 1 - (1 - billing.cardUpdatedInTime) * world.involuntaryScale;
    if (!r.chance(inTime)) return 'card_expired';
    sim.cardExpiry = addMonths(day, billing.cardLifeMonths);
  }
  if (attempt === 1 && r.chance(profile.fundsFailure)) return 'insufficient_funds';
  if (attempt === 1 && r.chance(billing.processingErrorRate)) return 'processing_error';
  return null;
}

/**
 * Attempts the anniversary charge (attempt 1) or a retry (2–4). A failure schedules the next retry; the
 * fourth failure ends the subscription that day with `payment_failed`.
 */
export function charge(sim: CustomerSim, day: number, attempt: number): void {
  const sub = sim.sub!;
  if (attempt === 1) advanceAnniversary(sub);
  const cause = failureCause(sim, day, attempt);
  sim.out.payments.push([
    `${sim.profile.id}-P${++sim.paySeq}`,
    sim.profile.id,
    sub.id,
    sim.world.cal.iso(day),
    sub.charge,
    cause ? 'failed' : 'success',
    sim.profile.method,
    cause,
    attempt,
  ]);
  sim.tally.rows.payments++;
  if (!cause) {
    sub.lastCharge = sub.charge;
    sim.retryAttempt = 0;
    sim.retryDay = -1;
    sim.retryCause = null;
    return;
  }
  if (attempt === 1) {
    sub.lastCharge = 0;
    sim.lastFailureDay = day;
    if (sim.r.chance(support.ticketAfterFailedPayment)) openTicket(sim, day, 'billing');
  }
  if (attempt > billing.retryGaps.length) {
    sim.churn(day, 'payment_failed');
    return;
  }
  sim.retryAttempt = attempt;
  sim.retryDay = day + billing.retryGaps[attempt - 1];
  sim.retryCause = cause;
}

/** Refunds the unused part of the current paid period (annual subscribers who cancel mid-term). */
export function refundRest(sim: CustomerSim, day: number): void {
  const sub = sim.sub!;
  const term = sub.nextCharge - sub.termStart;
  const amount = round2((sub.lastCharge * (sub.nextCharge - day - 1)) / term);
  if (!(amount > 0)) return;
  sim.out.payments.push([
    `${sim.profile.id}-P${++sim.paySeq}`,
    sim.profile.id,
    sub.id,
    sim.world.cal.iso(day),
    amount,
    'refunded',
    sim.profile.method,
    null,
    1,
  ]);
  sim.tally.rows.payments++;
}
