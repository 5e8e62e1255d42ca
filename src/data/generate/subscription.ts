/** Subscription rows: opening one (plan, cycle, price, promotion), closing it, and changes at a billing anniversary. */
import type { billingCycles, cancelReasons, planTypes } from '../contract/index.js';
import { addMonths } from './calendar.js';
import type { CustomerSim } from './customer.js';
import { annualMonthsCharged, hazard, lifecycle, plans } from './parameters.js';

export type Plan = (typeof planTypes)[number];
export type Cycle = (typeof billingCycles)[number];
export type CancelReason = (typeof cancelReasons)[number];

const planOrder: Plan[] = ['Basic', 'Standard', 'Premium'];

/** The open subscription row of a customer and its billing schedule. */
export interface Sub {
  id: string;
  plan: Plan;
  cycle: Cycle;
  /** monthly_price: list price per month (monthly equivalent for annual billing) before discount. */
  price: number;
  discount: number;
  startDay: number;
  autoRenew: 0 | 1;
  /** Amount charged at each anniversary. */
  charge: number;
  /** Billing anchor and the index of the next anniversary. */
  anchor: number;
  k: number;
  nextCharge: number;
  /** Start of the period paid by the last anniversary charge, and that charge (0 if it failed). */
  termStart: number;
  lastCharge: number;
  /** Day the promotion ends (Infinity without one). */
  promoEnd: number;
  /** Lasting hazard factor of a list price above the pre-rise price: 1 + sensitivity × 1.5 × rise. */
  priceLevel: number;
  /** Plan × cycle × auto-renew × price-level factor of the voluntary hazard. */
  hazardFactor: number;
}

/** What a new row starts with. */
export interface Offer {
  plan: Plan;
  cycle: Cycle;
  discount: number;
  autoRenew: 0 | 1;
  /** Keeps a running promotion's end when a row is re-priced mid-promotion. */
  promoEnd?: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const periodMonths = (cycle: Cycle) => (cycle === 'annual' ? 12 : 1);

/** List price per month of `plan` on `day` (monthly equivalent for annual billing), after any price rise. */
export function listPrice(sim: CustomerSim, plan: Plan, cycle: Cycle, day: number): number {
  const annual = cycle === 'annual' ? annualMonthsCharged / 12 : 1;
  return round2(plans[plan].price * sim.world.drift.priceIndex(day) * annual);
}

/** Opens a row on `day`; the first charge is on `day`, or for a row that began before the window on its first anniversary inside it. */
export function openSubscription(sim: CustomerSim, day: number, offer: Offer): void {
  const { cal } = sim.world;
  const price = listPrice(sim, offer.plan, offer.cycle, day);
  const months = periodMonths(offer.cycle);
  let promoEnd =
    offer.promoEnd ?? (offer.discount > 0 ? addMonths(day, offer.cycle === 'annual' ? 12 : lifecycle.promoMonths) : Infinity);
  const discount = promoEnd <= cal.startDay ? 0 : offer.discount; // a promotion that ended before the window is history
  if (!discount) promoEnd = Infinity;
  let k = 0;
  let nextCharge = day;
  while (nextCharge < cal.startDay) nextCharge = addMonths(day, ++k * months);
  const priceLevel = 1 + hazard.priceSensitivity * sim.profile.priceSensitivity * (sim.world.drift.priceIndex(day) - 1);
  sim.sub = {
    id: `${sim.profile.id}-S${++sim.subSeq}`,
    plan: offer.plan,
    cycle: offer.cycle,
    price,
    discount,
    startDay: day,
    autoRenew: offer.autoRenew,
    charge: round2(price * months * (1 - discount / 100)),
    anchor: day,
    k,
    nextCharge,
    termStart: k ? addMonths(day, (k - 1) * months) : day,
    lastCharge: k ? round2(price * months * (1 - discount / 100)) : 0,
    promoEnd,
    priceLevel,
    hazardFactor:
      plans[offer.plan].hazard *
      (offer.cycle === 'annual' ? hazard.annual : 1) *
      (offer.autoRenew ? 1 : hazard.noAutoRenew) *
      priceLevel,
  };
}

/** Moves the schedule to the following anniversary (called when an anniversary's first charge is attempted). */
export function advanceAnniversary(sub: Sub): void {
  sub.termStart = sub.nextCharge;
  sub.nextCharge = addMonths(sub.anchor, ++sub.k * periodMonths(sub.cycle));
}

/** Writes the row of the open subscription with its end (null = still active at the window end). */
export function closeSubscription(sim: CustomerSim, endDay: number | null, reason: CancelReason | null): void {
  const s = sim.sub!;
  const { cal } = sim.world;
  sim.out.subscriptions.push([
    s.id,
    sim.profile.id,
    s.plan,
    s.cycle,
    s.price,
    s.discount,
    cal.iso(s.startDay),
    endDay === null ? null : cal.iso(endDay),
    reason,
    s.autoRenew,
  ]);
  sim.tally.rows.subscriptions++;
  sim.sub = null;
}

/**
 * At an anniversary, before charging: a promotion that ends, a list price that rose, or an upgrade/downgrade
 * closes the row (`plan_change`, ending yesterday) and opens its successor today. Returns true on a change.
 */
export function anniversaryChanges(sim: CustomerSim, day: number, engagementLevel: number): boolean {
  const s = sim.sub!;
  const r = sim.r;
  let plan = s.plan;
  let discount = s.discount;
  let shock = false;
  if (day >= s.promoEnd) {
    discount = 0;
    shock = true;
  } else if (listPrice(sim, s.plan, s.cycle, day) > s.price + 0.005) {
    shock = true;
  }
  const scale = s.cycle === 'annual' ? 4 : 1;
  const level = planOrder.indexOf(plan);
  if (level < 2 && r.chance(lifecycle.upgradePerMonth * scale * Math.exp(0.8 * engagementLevel))) plan = planOrder[level + 1];
  else if (
    level > 0 &&
    r.chance(lifecycle.downgradePerMonth * scale * Math.exp(-0.6 * engagementLevel) * sim.profile.priceSensitivity)
  )
    plan = planOrder[level - 1];
  if (plan === s.plan && !shock) return false;
  if (plan !== s.plan) discount = 0;
  closeSubscription(sim, day - 1, 'plan_change');
  openSubscription(sim, day, {
    plan,
    cycle: s.cycle,
    discount,
    autoRenew: s.autoRenew,
    promoEnd: discount ? s.promoEnd : undefined,
  });
  if (shock) sim.priceShockUntil = day + hazard.priceShockDays;
  return true;
}
