/** Validation of the label horizon option, shared by snapshots and training sets. */
import { ChurnError } from '../errors/index.js';

/** Returns `days` when it is a whole number of days in 1–365; otherwise throws CHURN_ERR_PARAM naming it. */
export function checkHorizon(days: number): number {
  if (!Number.isInteger(days) || days < 1 || days > 365)
    throw new ChurnError('CHURN_ERR_PARAM', `horizonDays must be a whole number of days from 1 to 365 (got ${days})`, {
      horizonDays: days,
    });
  return days;
}
