/** Optional probability calibration, fitted on held-out probabilities and applied after the estimator. */
import { applyIsotonic, applyPlatt, fitIsotonic, fitPlatt, type IsotonicCalibrator, type PlattCalibrator } from '../ml/index.js';
import type { Calibration } from '../registry/index.js';

/** `--calibrate`: none, Platt scaling (a sigmoid of the probability) or isotonic regression (a monotone step function). */
export type CalibrationMethod = 'none' | 'platt' | 'isotonic';

/**
 * Fits the calibrator on held-out rows: the inner-validation cutoff (snapshots) or out-of-fold rows (tables) — never the
 * out-of-time validation cutoff. Input is the estimator's probability, the same for every family.
 */
export function fitCalibration(method: CalibrationMethod, p: Float64Array, y: Uint8Array): Calibration {
  switch (method) {
    case 'none':
      return null;
    case 'platt':
      return { method, state: fitPlatt(p, y) };
    case 'isotonic':
      return { method, state: fitIsotonic(p, y) };
    default:
      return method satisfies never;
  }
}

/**
 * The calibrated probability of the artifact's estimator output `p` (the estimator's predictProba), or `p` itself when
 * the model has no calibration. Scoring must apply exactly this after predictProba.
 */
export function applyCalibration(calibration: Calibration, p: Float64Array): Float64Array {
  if (calibration === null) return p;
  return calibration.method === 'platt'
    ? applyPlatt(calibration.state as PlattCalibrator, p)
    : applyIsotonic(calibration.state as IsotonicCalibrator, p);
}
