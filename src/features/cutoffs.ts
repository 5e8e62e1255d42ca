/** Choosing training cutoffs: monthly month ends with mature labels, and the out-of-time train/validation plan. */
import { ChurnError } from '../errors/index.js';
import type { DataRange } from './data-range.js';
import { addDays, addMonths, dayNumber, daysBetween, monthEnd } from './dates.js';

/** Days of history a cutoff needs before it (the longest window is 90 days; 60 gives the trend and most windows). */
export const minHistoryDays = 60;

/** What a cutoff is used for: training rows, out-of-time validation rows, or left out so training labels end before validation starts. */
export type CutoffRole = 'train' | 'validation' | 'purged';

/** Month ends from the first month with ≥ 60 days of history to the last one whose horizon is fully observed. */
export function monthlyCutoffs(range: DataRange, horizonDays: number): string[] {
  if (!range.oldest || !range.newest) throw new ChurnError('CHURN_ERR_NO_DATA', 'The store holds no data to cut snapshots from');
  const out: string[] = [];
  for (let m = monthEnd(range.oldest); addDays(m, horizonDays) <= range.newest; m = monthEnd(addMonths(m.slice(0, 8) + '01', 1)))
    if (daysBetween(range.oldest, m) >= minHistoryDays) out.push(m);
  return out;
}

/** Sorted, de-duplicated, validated cutoffs; each must be mature (cutoff + horizon ≤ newest day) to carry labels. */
export function matureCutoffs(cutoffs: readonly string[], range: DataRange, horizonDays: number): string[] {
  const sorted = [...new Set(cutoffs)].sort();
  for (const c of sorted) {
    dayNumber(c, 'cutoff');
    if (!range.newest || addDays(c, horizonDays) > range.newest)
      throw new ChurnError(
        'CHURN_ERR_LABEL_IMMATURE',
        `Cutoff ${c} + ${horizonDays} days is after the newest data (${range.newest ?? 'none'}): its labels are not observed yet`,
        { cutoff: c, horizonDays, newestDate: range.newest },
      );
  }
  return sorted;
}

/**
 * Assigns roles: the validation cutoffs (the latest `validation` ones, or the listed ones) are held out; training cutoffs
 * whose label horizon reaches past the first validation cutoff are purged, since those labels were unknown at that time.
 * A training cutoff later than a validation cutoff is a CHURN_ERR_LEAKAGE error.
 */
export function planCutoffs(cutoffs: readonly string[], validation: number | readonly string[], horizonDays: number) {
  const held = typeof validation === 'number' ? latest(cutoffs, validation) : [...validation].sort();
  for (const v of held)
    if (!cutoffs.includes(v))
      throw new ChurnError('CHURN_ERR_PARAM', `Validation cutoff ${v} is not one of the cutoffs`, { cutoff: v });
  const firstValidation = held[0];
  const roles = new Map<string, CutoffRole>();
  for (const c of cutoffs) {
    if (held.includes(c)) roles.set(c, 'validation');
    else if (c > firstValidation)
      throw new ChurnError(
        'CHURN_ERR_LEAKAGE',
        `Training cutoff ${c} is later than validation cutoff ${firstValidation}: the model would train on the future`,
        { cutoff: c, validationCutoff: firstValidation },
      );
    else roles.set(c, addDays(c, horizonDays) > firstValidation ? 'purged' : 'train');
  }
  if (![...roles.values()].includes('train')) {
    const purged = cutoffs.filter((c) => roles.get(c) === 'purged');
    const why = purged.length ? ` (purged, as their ${horizonDays}-day labels end after it: ${purged.join(', ')})` : '';
    throw new ChurnError('CHURN_ERR_NO_DATA', `No training cutoff is left before validation cutoff ${firstValidation}${why}`, {
      cutoffs,
      validationCutoff: firstValidation,
    });
  }
  return roles;
}

function latest(cutoffs: readonly string[], count: number): string[] {
  if (!Number.isInteger(count) || count < 1 || count >= cutoffs.length)
    throw new ChurnError(
      'CHURN_ERR_PARAM',
      `validationCutoffs must be a whole number from 1 to ${cutoffs.length - 1} with ${cutoffs.length} cutoffs (got ${count})`,
      { validationCutoffs: count, cutoffs: cutoffs.length },
    );
  return cutoffs.slice(cutoffs.length - count);
}
