/** A candidate's calibration, threshold and validation metrics: tuned on held-out rows, measured on the evaluation rows. */
import type { Calibration, Curve, Metrics, Threshold } from '../registry/index.js';
import { applyCalibration, type CalibrationMethod, fitCalibration } from './calibrate.js';
import { rankingCurves } from './evaluate/curves.js';
import { evaluateAt, hasBothClasses } from './evaluate/metrics.js';
import { type ContactEconomics, type ThresholdRule, type TuningRows, tuneThreshold } from './evaluate/threshold.js';

/** What a candidate is judged by. */
export interface Assessment {
  calibration: Calibration;
  threshold: Threshold;
  /** Served probabilities (calibrated when asked) of the evaluation rows. */
  probabilities: Float64Array;
  metrics: Metrics;
  curves?: { roc: Curve; pr: Curve };
}

/**
 * Calibration is fitted on the tuning rows' probabilities, the threshold is tuned on the tuning rows' (calibrated)
 * probabilities, and only then are the evaluation rows scored: nothing here looks at evaluation labels before measuring.
 */
export function assess(
  tuning: TuningRows,
  evaluation: { y: Uint8Array; p: Float64Array },
  options: { calibrate: CalibrationMethod; threshold: ThresholdRule; economics: ContactEconomics },
): Assessment {
  const calibration = fitCalibration(options.calibrate, tuning.p, tuning.y);
  const threshold = tuneThreshold(
    options.threshold,
    { ...tuning, p: applyCalibration(calibration, tuning.p) },
    options.economics,
  );
  const probabilities = applyCalibration(calibration, evaluation.p);
  return {
    calibration,
    threshold,
    probabilities,
    metrics: evaluateAt(evaluation.y, probabilities, threshold.value),
    curves: hasBothClasses(evaluation.y) ? rankingCurves(evaluation.y, probabilities) : undefined,
  };
}
