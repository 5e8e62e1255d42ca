/** Daily usage: whether the customer is active, and their sessions, minutes and crashes that day. */
import type { CustomerSim } from './customer.js';
import { devices, hazard, support, usage } from './parameters.js';
import { openTicket } from './support.js';

/**
 * Draws day `day` at engagement `e` (log scale). Active with probability base × e^(0.9·e) × weekday × season;
 * then sessions = 1 + Poisson(e^(0.45·e)), minutes = sessions × 13 × device factor × e^(0.3·e + 0.5·ε),
 * crashes = Poisson(sessions × the customer's crash rate × any crash-wave factor). Each crash may open a ticket.
 */
export function usageDay(sim: CustomerSim, day: number, e: number): void {
  const { r, world, profile } = sim;
  sim.crashLoad *= hazard.crashLoadDecay;
  const p = usage.activeDayBase * Math.exp(usage.activeDayElasticity * e) * world.dayActivity[day - world.cal.startDay];
  if (r.next() >= p) return;
  const sessions = Math.min(500, 1 + r.poisson(usage.sessionsBase * Math.exp(usage.sessionsElasticity * e)));
  const perSession = usage.minutesPerSession * devices[profile.device].minutes;
  const minutes = Math.min(
    1440,
    Math.round(sessions * perSession * Math.exp(usage.minutesElasticity * e + usage.minutesSd * r.normal()) * 10) / 10,
  );
  const crashes = Math.min(500, r.poisson(sessions * profile.crashPerSession * world.drift.crashFactor(day)));
  sim.out.usage_daily.push([profile.id, world.cal.iso(day), sessions, minutes, crashes]);
  sim.tally.rows.usage_daily++;
  if (crashes > 0) {
    sim.crashLoad += crashes;
    if (r.chance(1 - (1 - support.ticketPerCrash) ** crashes)) openTicket(sim, day, 'technical');
  }
}
