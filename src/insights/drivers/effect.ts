/** How a contribution reads: its direction on churn risk and its size, with the unit named (log-odds or probability). */
import type { ContributionUnit } from '../types.js';

/** Whether a driver pushes the churn risk up, down, or not at all. */
export type DriverDirection = 'raises' | 'lowers' | 'neutral';

/** The direction of a contribution. */
export function directionOf(contribution: number): DriverDirection {
  if (contribution > 0) return 'raises';
  if (contribution < 0) return 'lowers';
  return 'neutral';
}

/** Fixed decimals, or two significant digits when smaller, always signed: "+0.42", "−0.0031". */
function signed(x: number, decimals: number): string {
  const abs = Math.abs(x);
  const digits = abs >= 10 ** -decimals ? abs.toFixed(decimals) : String(Number(abs.toPrecision(2)));
  return `${x < 0 ? '−' : '+'}${digits}`;
}

/**
 * The effect in words with its unit: "raises churn risk (+0.42 log-odds)" or
 * "lowers churn risk (−3.1 percentage points)" for probability-scale contributions.
 */
export function describeEffect(contribution: number, unit: ContributionUnit): string {
  const direction = directionOf(contribution);
  if (direction === 'neutral') return 'no effect on churn risk';
  const size = unit === 'log-odds' ? `${signed(contribution, 2)} log-odds` : `${signed(contribution * 100, 1)} percentage points`;
  return `${direction} churn risk (${size})`;
}
