/** The voluntary-cancellation hazard of one customer-day, and the reason a customer gives for leaving. */
import type { CustomerSim } from './customer.js';
import { engagement, hazard } from './parameters.js';
import type { ChurnReason } from './summary.js';

/** The factors of today's hazard that explain the reason (computed on the decision day only; mirrors voluntaryHazard). */
function factors(sim: CustomerSim, day: number, e: number) {
  const engagementFactor = Math.exp(-hazard.engagementElasticity * e) * (sim.fading ? hazard.fading : 1);
  const priceShock = day < sim.priceShockUntil ? hazard.priceShock : 1;
  const promo = sim.sub!.discount > 0 && day < sim.sub!.promoEnd ? hazard.promoActive : 1;
  const grievance = day >= sim.grievanceFrom && day <= sim.grievanceUntil ? hazard.grievance : 1;
  const crashes = 1 + hazard.crashLoad * Math.min(sim.crashLoad, 8);
  const friction = sim.lastFailureDay >= 0 && day - sim.lastFailureDay <= hazard.paymentFrictionDays ? hazard.paymentFriction : 1;
  return { engagementFactor, priceShock, promo, grievance, crashes, friction };
}

/** Multiplier for tenure: new customers leave more often, long-standing ones less. */
function tenureFactor(days: number): number {
  if (days < 91) return hazard.firstQuarter;
  if (days < 365) return hazard.firstYear;
  return hazard.loyal;
}

/** Probability that the customer decides to cancel on `day` (before the experiment hook). Allocation-free: hot path. */
export function voluntaryHazard(sim: CustomerSim, day: number, e: number): number {
  const sub = sim.sub!;
  let h =
    sim.world.voluntaryScale *
    hazard.dailyBase *
    sim.profile.staticHazard *
    sub.hazardFactor *
    tenureFactor(day - sim.profile.signupDay) *
    Math.exp(-hazard.engagementElasticity * e);
  if (sim.fading) h *= hazard.fading;
  if (day < sim.priceShockUntil) h *= hazard.priceShock;
  if (sub.discount > 0 && day < sub.promoEnd) h *= hazard.promoActive;
  if (day >= sim.grievanceFrom && day <= sim.grievanceUntil) h *= hazard.grievance;
  if (sim.crashLoad > 0.01) h *= 1 + hazard.crashLoad * Math.min(sim.crashLoad, 8);
  if (sim.lastFailureDay >= 0 && day - sim.lastFailureDay <= hazard.paymentFrictionDays) h *= hazard.paymentFriction;
  return h;
}

/** The stated reason, drawn in proportion to how much each cause raises today's hazard above neutral. */
export function cancelReason(sim: CustomerSim, day: number, e: number): ChurnReason {
  const f = factors(sim, day, e);
  const sub = sim.sub!;
  const weights = [
    0.2 * sim.profile.priceSensitivity + (f.priceShock - 1) + (sub.priceLevel - 1) + (f.friction - 1),
    0.15 + Math.max(0, f.engagementFactor - 1),
    0.05 + (f.grievance - 1) + (f.crashes - 1),
    0.25,
    0.2 + (sub.autoRenew ? 0 : 0.5),
  ];
  return (['price', 'low_engagement', 'service_quality', 'competitor', 'other'] as const)[sim.r.pick(weights)];
}

/** Engagement after a decision to cancel: the customer already uses the service less. */
export const decidedEngagement = (e: number) => e - engagement.decidedDrop;
