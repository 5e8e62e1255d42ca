/** Customer lifetime value and revenue at risk from a churn probability: constant monthly hazard, optional discounting. */
import { ChurnError } from '../../errors/index.js';

/** Length of the month the hazard is expressed in; 30 days, so with the default 30-day horizon h equals p. */
export const daysPerMonth = 30;

/** How far ahead CLV looks and how future months are discounted. */
export interface LifetimeOptions {
  /** Horizon of the churn probability in days (the model's label horizon). Default 30. */
  horizonDays?: number;
  /** Months of future revenue counted (an integer ≥ 1, or Infinity for the perpetuity). Default 24. */
  horizonMonths?: number;
  /** Monthly discount rate d ≥ 0 (0.01 ≈ 12.7 % a year). Default 0: undiscounted. */
  monthlyDiscountRate?: number;
}

/** The defaults of `LifetimeOptions`. */
export const defaultLifetimeOptions: Required<LifetimeOptions> = { horizonDays: 30, horizonMonths: 24, monthlyDiscountRate: 0 };

/** One customer's value figures. */
export interface CustomerValue {
  probability: number;
  monthlyRevenue: number;
  /** h = 1 − (1 − p)^(30 / horizonDays). */
  monthlyHazard: number;
  /** Σ_{t=1..T} (1 − h)^t: expected paid months ahead, undiscounted. */
  expectedLifetimeMonths: number;
  /** Σ_{t=1..T} m (1 − h)^t / (1 + d)^t. */
  clv: number;
  /** p × m: monthly revenue expected to be lost within the horizon. */
  revenueAtRisk: number;
  /** p × m × 12. */
  revenueAtRiskAnnual: number;
}

function check(ok: boolean, field: string, value: unknown, rule: string): void {
  if (!ok) throw new ChurnError('CHURN_ERR_PARAM', `${field} must be ${rule}, got ${String(value)}`, { field, value });
}

/** Monthly churn hazard implied by a churn probability over `horizonDays`. */
export function monthlyHazard(probability: number, horizonDays = defaultLifetimeOptions.horizonDays): number {
  check(probability >= 0 && probability <= 1, 'probability', probability, 'in [0, 1]');
  check(horizonDays > 0 && Number.isFinite(horizonDays), 'horizonDays', horizonDays, 'a positive number of days');
  // 1 − (1 − p)^k computed as −expm1(k·log1p(−p)) to keep precision for small p.
  return probability === 1 ? 1 : -Math.expm1((daysPerMonth / horizonDays) * Math.log1p(-probability));
}

/**
 * Σ_{t=1..T} m·r^t with r = (1 − h)/(1 + d), in closed form m·r·(1 − r^T)/(1 − r); m·T when r = 1;
 * m·r/(1 − r) when T is Infinity (needs h + d > 0).
 */
export function lifetimeValue(monthlyRevenue: number, hazard: number, options: LifetimeOptions = {}): number {
  const { horizonMonths: T, monthlyDiscountRate: d } = { ...defaultLifetimeOptions, ...options };
  check(monthlyRevenue >= 0 && Number.isFinite(monthlyRevenue), 'monthlyRevenue', monthlyRevenue, 'a finite amount ≥ 0');
  check(hazard >= 0 && hazard <= 1, 'hazard', hazard, 'in [0, 1]');
  check(T === Number.POSITIVE_INFINITY || (Number.isInteger(T) && T >= 1), 'horizonMonths', T, 'an integer ≥ 1 or Infinity');
  check(d >= 0 && Number.isFinite(d), 'monthlyDiscountRate', d, 'a finite rate ≥ 0');
  const oneMinusR = (hazard + d) / (1 + d); // exact form of 1 − (1 − h)/(1 + d), no cancellation
  const r = 1 - oneMinusR;
  if (oneMinusR === 0) {
    check(T !== Number.POSITIVE_INFINITY, 'horizonMonths', T, 'finite when hazard and discount rate are both 0');
    return monthlyRevenue * T;
  }
  if (r === 0) return 0;
  const tail = T === Number.POSITIVE_INFINITY ? 1 : -Math.expm1(T * Math.log1p(-oneMinusR)); // 1 − r^T
  return (monthlyRevenue * r * tail) / oneMinusR;
}

/** All value figures of one customer. */
export function customerValue(
  input: { probability: number; monthlyRevenue: number },
  options: LifetimeOptions = {},
): CustomerValue {
  const o = { ...defaultLifetimeOptions, ...options };
  const { probability: p, monthlyRevenue: m } = input;
  const h = monthlyHazard(p, o.horizonDays);
  const clv = lifetimeValue(m, h, o);
  const months = lifetimeValue(1, h, { horizonMonths: o.horizonMonths, monthlyDiscountRate: 0 });
  return {
    probability: p,
    monthlyRevenue: m,
    monthlyHazard: h,
    expectedLifetimeMonths: months,
    clv,
    revenueAtRisk: p * m,
    revenueAtRiskAnnual: p * m * 12,
  };
}
