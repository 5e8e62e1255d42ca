/** How a contribution reads: its direction on churn risk and its size, with the unit named (log-odds or probability). */
import type { ContributionUnit } from '../types.js';
import { formatSigned } from './format.js';

/** Whether a driver pushes the churn risk up, down, or not at all. */
export type DriverDirection = 'raises' | 'lowers' | 'neutral';

/** The direction of a contribution. */
export function directionOf(contribution: number): DriverDirection {
  if (contribution > 0) return 'raises';
  if (contribution < 0) return 'lowers';
  return 'neutral';
}

/**
 * The effect in words with its unit: "raises churn risk (+0.42 log-odds)" or
 * "lowers churn risk (−3.1 percentage points)" for probability-scale contributions.
 */
export function describeEffect(contribution: number, unit: ContributionUnit): string {
  const direction = directionOf(contribution);
  if (direction === 'neutral') return 'no effect on churn risk';
  const size =
    unit === 'log-odds'
      ? `${formatSigned(contribution, 2)} log-odds`
      : `${formatSigned(contribution * 100, 1)} percentage points`;
  return `${direction} churn risk (${size})`;
}
