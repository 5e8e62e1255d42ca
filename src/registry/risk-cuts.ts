/** Risk-bucket cut points: fixed probabilities from configuration, or `auto` — multiples of the training churn rate. */

/** What `scoring.riskCuts` may hold. */
export type RiskCutsSetting = 'auto' | readonly number[];

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * `auto` reads as lift over the average customer: Medium from the base rate b, High from 2·b, Very High from 4·b —
 * each capped half-way (then a quarter-way) to 1 so the cuts always increase and stay below 1:
 * [b, min(2b, (1+b)/2), min(4b, (3+b)/4)]. With a 30-day horizon and 4 % monthly churn that is [0.04, 0.08, 0.16];
 * on a 26.5 % table (Telco) [0.265, 0.531, 0.816]. Fixed absolute cuts such as [0.25, 0.5, 0.75] put almost every
 * customer of a low-churn business in Low, which is why they are not the default.
 */
export function resolveRiskCuts(setting: RiskCutsSetting, baseRate: number): number[] {
  if (setting !== 'auto') return [...setting];
  const b = Math.min(Math.max(baseRate, 0.001), 0.999);
  return [round3(b), round3(Math.min(2 * b, (1 + b) / 2)), round3(Math.min(4 * b, (3 + b) / 4))];
}
