/** The business rules' parameters in one place: docs/business-rules.md explains each; tests prove their effects. */
import type { acquisitionChannels, deviceTypes, planTypes } from '../contract/index.js';

type Plan = (typeof planTypes)[number];
type Device = (typeof deviceTypes)[number];
type Channel = (typeof acquisitionChannels)[number];

/** Plans: list price per month (monthly billing), mix at signup, and the plan's effect on the churn hazard. */
export const plans: Record<Plan, { price: number; share: number; hazard: number }> = {
  Basic: { price: 7.99, share: 0.42, hazard: 1.15 },
  Standard: { price: 12.99, share: 0.4, hazard: 1.0 },
  Premium: { price: 17.99, share: 0.18, hazard: 0.9 },
};
/** Annual billing charges 10 months for 12: its monthly-equivalent list price is price × 10 / 12. */
export const annualMonthsCharged = 10;

/** Devices: share at signup, crash probability per session, minutes per session factor, churn hazard factor. */
export const devices: Record<Device, { share: number; crashPerSession: number; minutes: number; hazard: number }> = {
  Android: { share: 0.4, crashPerSession: 0.022, minutes: 0.9, hazard: 1.05 },
  iOS: { share: 0.3, crashPerSession: 0.01, minutes: 1.0, hazard: 0.9 },
  Web: { share: 0.15, crashPerSession: 0.008, minutes: 1.2, hazard: 1.4 },
  SmartTV: { share: 0.15, crashPerSession: 0.015, minutes: 2.2, hazard: 0.65 },
};

/** Acquisition channels: share of signups, churn hazard factor, chance of a signup promotion. */
export const channels: Record<Channel, { share: number; hazard: number; promo: number }> = {
  Organic: { share: 0.35, hazard: 0.9, promo: 0.1 },
  Ads: { share: 0.25, hazard: 1.3, promo: 0.35 },
  Referral: { share: 0.15, hazard: 0.7, promo: 0.3 },
  Partner: { share: 0.1, hazard: 1.0, promo: 0.5 },
  Social: { share: 0.15, hazard: 1.4, promo: 0.35 },
};

export const regions: Record<string, string[]> = {
  North: ['Aberdeen', 'Bergen', 'Tromsø', 'Oulu'],
  South: ['Seville', 'Naples', 'Marseille', 'Porto'],
  East: ['Krakow', 'Vilnius', 'Brno', 'Debrecen'],
  West: ['Bristol', 'Nantes', 'Cork', 'Bilbao'],
  Central: ['Munich', 'Vienna', 'Zurich', 'Prague'],
};

/** Latent engagement (log scale): personal level, monthly random walk with pull back to it, and fading episodes. */
export const engagement = {
  personalSd: 0.6,
  monthlyStepSd: 0.25,
  /** Share of the gap to the personal level closed each month (keeps long windows stationary). */
  reversion: 0.15,
  /** Chance per month that a fading episode starts, and that a running one ends. */
  fadeStart: 0.06,
  fadeEnd: 0.15,
  /** Monthly drift of engagement during a fading episode. */
  fadeDrift: -0.35,
  /** Share of the initial base already in a fading episode at the window start (0–3 months into it). */
  fadingAtStart: 0.15,
  /** Engagement drop once a customer has decided to cancel but is still inside the paid period. */
  decidedDrop: 0.3,
};

/** Daily usage: probability of an active day, sessions, minutes; weekday and seasonal factors on activity. */
export const usage = {
  activeDayBase: 0.16,
  activeDayElasticity: 0.9,
  sessionsBase: 1.0,
  sessionsElasticity: 0.6,
  minutesPerSession: 13,
  minutesElasticity: 0.5,
  minutesSd: 0.5,
  /** Activity factor Sunday … Saturday (weekends busier). */
  weekday: [1.2, 0.9, 0.88, 0.9, 0.95, 1.05, 1.25],
  /** Seasonal amplitude: activity × (1 + a·cos(2π(dayOfYear − peak)/365)), peak mid-January, trough mid-July. */
  seasonalAmplitude: 0.15,
  seasonalPeakDay: 15,
  crashPronenessSd: 0.6,
};

/** The voluntary-cancellation hazard: a daily base rate × factors (the base is calibrated to the target rate). */
export const hazard = {
  /** Daily base hazard at the default target before calibration. */
  dailyBase: 0.019 / 30,
  engagementElasticity: 1.1,
  fading: 2.0,
  firstQuarter: 1.5,
  firstYear: 1.1,
  loyal: 0.85,
  young: 1.15,
  senior: 0.9,
  annual: 0.35,
  noAutoRenew: 2.2,
  promoActive: 0.6,
  /** After a promotion ends or a price rises: factor for `priceShockDays`. */
  priceShock: 2.5,
  priceShockDays: 60,
  /** Lasting effect of a price above the one the customer signed up for: × (1 + sensitivity × rise). */
  priceSensitivity: 1.5,
  /** A slow (> `slowTicketHours`) or badly rated (CSAT ≤ 2) or never-resolved ticket: factor for `grievanceDays`. */
  grievance: 5,
  grievanceDays: 75,
  slowTicketHours: 72,
  /** A failed charge (even one recovered by a retry) leaves billing friction: factor for `paymentFrictionDays`. */
  paymentFriction: 1.8,
  paymentFrictionDays: 45,
  /** Recent crashes: × (1 + crashLoad·k) with crashLoad an exponentially decaying crash count. */
  crashLoad: 0.12,
  crashLoadDecay: 0.93,
  /** Annual subscribers who decide to cancel mid-term and get a prorated refund instead of waiting for term end. */
  annualMidTermCancel: 0.12,
};

/** Billing: method mix, failure causes, retry schedule. */
export const billing = {
  methods: { card: 0.6, paypal: 0.2, bank_transfer: 0.1, carrier_billing: 0.1 },
  annualShare: 0.22,
  autoRenewShare: { monthly: 0.85, annual: 0.75 },
  /** Cards expire every `cardLifeMonths`; a customer updates the card beforehand with probability `cardUpdatedInTime`. */
  cardLifeMonths: 36,
  cardUpdatedInTime: 0.35,
  /** Chance that the customer updates an expired card before each retry. */
  cardUpdatedOnRetry: 0.3,
  /** Insufficient funds: per-customer chance per charge ~ fragile share × high rate, else low rate. */
  fragileShare: 0.12,
  fragileRate: 0.12,
  sturdyRate: 0.004,
  fundsRetrySuccess: 0.3,
  processingErrorRate: 0.004,
  processingRetrySuccess: 0.9,
  /** Days between attempts 1→2, 2→3, 3→4; after the 4th failure the subscription ends (involuntary churn). */
  retryGaps: [3, 5, 7],
};

/** Plan changes at a billing anniversary, promotions and win-backs. */
export const lifecycle = {
  upgradePerMonth: 0.012,
  downgradePerMonth: 0.012,
  promoDiscounts: [20, 30, 50],
  promoMonths: 3,
  /** Chance that a churned customer comes back, by why they left; gap = minGap + exponential(meanGap) days. */
  winBack: { payment_failed: 0.35, other: 0.15 },
  winBackMinGapDays: 30,
  winBackMeanGapDays: 90,
  winBackOffer: 0.5,
};

/** Support: background ticket rate, crash → technical ticket, resolution time and CSAT. */
export const support = {
  backgroundPerDay: 0.0012,
  backgroundCategories: { technical: 0.15, billing: 0.2, account: 0.3, content: 0.2, other: 0.15 },
  /** Chance a single crash makes the customer open a technical ticket that day. */
  ticketPerCrash: 0.12,
  ticketAfterFailedPayment: 0.3,
  medianHours: { technical: 30, billing: 10, account: 6, content: 12, other: 8 },
  hoursSd: 1.1,
  neverResolved: 0.03,
  ratedShare: 0.65,
  /** During a crash wave the support queue is longer: technical resolution × this. */
  crashWaveBacklog: 1.8,
};
