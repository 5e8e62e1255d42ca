/** Support tickets: opening, resolution time, CSAT, and the grievance a bad experience leaves behind. */
import type { ticketCategories } from '../contract/index.js';
import type { CustomerSim } from './customer.js';
import { hazard, support } from './parameters.js';

export type Category = (typeof ticketCategories)[number];

const backgroundCategories = Object.keys(support.backgroundCategories) as Category[];
const backgroundWeights = backgroundCategories.map(
  (c) => support.backgroundCategories[c as keyof typeof support.backgroundCategories],
);

/**
 * Opens a ticket on `day`. Resolution takes a log-normal number of hours (longer for technical tickets
 * during a crash wave); a share is never resolved. CSAT falls with resolution time and is given by a share
 * of customers. A slow (> 72 h), badly rated (≤ 2) or never-resolved ticket raises the churn hazard for
 * 60 days from when the customer experiences it. Tickets unresolved at the window end show resolved = 0.
 */
export function openTicket(sim: CustomerSim, day: number, category: Category): void {
  const { r, world } = sim;
  const backlog = category === 'technical' && world.drift.crashFactor(day) > 1 ? support.crashWaveBacklog : 1;
  const hours = Math.min(
    9999,
    Math.round(support.medianHours[category] * backlog * Math.exp(support.hoursSd * r.normal()) * 10) / 10,
  );
  const never = r.chance(support.neverResolved);
  const resolvedDay = day + Math.ceil(hours / 24);
  const satisfaction = Math.min(5, Math.max(1, Math.round(4.6 - 0.9 * Math.log(1 + hours / 24) + 0.8 * r.normal())));
  const rated = r.chance(support.ratedShare);
  const observed = !never && resolvedDay <= world.cal.endDay;
  sim.out.support_tickets.push([
    `${sim.profile.id}-T${++sim.ticketSeq}`,
    sim.profile.id,
    world.cal.iso(day),
    category,
    observed ? hours : null,
    observed ? 1 : 0,
    observed && rated ? satisfaction : null,
  ]);
  sim.tally.rows.support_tickets++;
  // A slow ticket hurts from the moment it is overdue; a bad rating from the resolution; an abandoned one after a week.
  const from = never ? day + 7 : hours > hazard.slowTicketHours ? day + 3 : satisfaction <= 2 ? resolvedDay : -1;
  if (from < 0) return;
  if (from <= sim.grievanceUntil && from >= sim.grievanceFrom) sim.grievanceUntil = from + hazard.grievanceDays;
  else if (from > sim.grievanceUntil) {
    sim.grievanceFrom = from;
    sim.grievanceUntil = from + hazard.grievanceDays;
  }
}

/** A ticket for a reason unrelated to crashes or payments, at a low daily rate. */
export function backgroundTicket(sim: CustomerSim, day: number): void {
  if (sim.r.next() < support.backgroundPerDay) openTicket(sim, day, backgroundCategories[sim.r.pick(backgroundWeights)]);
}
