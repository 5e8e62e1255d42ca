/** Applying the artifact's optional calibration to the estimator's probabilities (the same rule training fitted it under). */
import { applyIsotonic, applyPlatt, type IsotonicCalibrator, type PlattCalibrator } from '../ml/index.js';
import type { Calibration } from '../registry/index.js';

/**
 * The calibrated probability of the estimator's `p`, or `p` itself when the model has none. Training fits both
 * calibrators on the estimator's probability (not its margin), for every family, so that is what they receive here.
 */
export function calibrate(calibration: Calibration, p: Float64Array): Float64Array {
  if (calibration === null) return p;
  switch (calibration.method) {
    case 'platt':
      return applyPlatt(calibration.state as PlattCalibrator, p);
    case 'isotonic':
      return applyIsotonic(calibration.state as IsotonicCalibrator, p);
    default:
      return calibration.method satisfies never;
  }
}
