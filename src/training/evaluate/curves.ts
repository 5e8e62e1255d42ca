/** Curves for the artifact and the report: ROC, PR, reliability diagram and precision/recall/F1 against threshold. */
import { binaryCurve, calibrationCurve, prCurve, rocCurve } from '../../ml/index.js';
import { type ChosenCurves, type Curve, downsampleCurve, type ThresholdCurve } from '../../registry/index.js';

/** Downsampled ROC (x = FPR, y = TPR) and PR (x = recall, y = precision) curves. */
export function rankingCurves(y: Uint8Array, p: Float64Array): { roc: Curve; pr: Curve } {
  const roc = rocCurve(y, p);
  const pr = prCurve(y, p);
  // PR points come thresholds descending (recall rising); start the drawn curve at recall 0 with the first precision.
  const recall = [0, ...pr.recall];
  const precision = [pr.precision[0] ?? 1, ...pr.precision];
  return { roc: downsampleCurve({ x: roc.fpr, y: roc.tpr }), pr: downsampleCurve({ x: recall, y: precision }) };
}

/** Every curve of the selected model on the validation rows. */
export function chosenCurves(y: Uint8Array, p: Float64Array, calibrationBins = 10): ChosenCurves {
  const bins = calibrationCurve(y, p, calibrationBins, 'quantile');
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return {
    ...rankingCurves(y, p),
    calibration: {
      predicted: bins.map((b) => round(b.meanPredicted)),
      observed: bins.map((b) => round(b.fractionPositive)),
      count: bins.map((b) => b.count),
    },
    threshold: thresholdCurve(y, p),
  };
}

/**
 * Precision, recall and F1 at up to `points` thresholds, taken at evenly spaced ranks of the distinct scores
 * (thresholds ascending), so dense score regions get as many points as sparse ones.
 */
export function thresholdCurve(y: Uint8Array, p: Float64Array, points = 100): ThresholdCurve {
  const c = binaryCurve('thresholdCurve', y, p);
  const m = c.thresholds.length;
  const picks = new Set<number>();
  for (let k = 0; k < points; k++) picks.add(Math.round((k * (m - 1)) / Math.max(1, points - 1)));
  const out: ThresholdCurve = { threshold: [], precision: [], recall: [], f1: [] };
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  for (const k of [...picks].sort((a, b) => b - a)) {
    const tp = c.tps[k];
    const flagged = tp + c.fps[k];
    const precision = flagged > 0 ? tp / flagged : null;
    const recall = c.positives > 0 ? tp / c.positives : null;
    out.threshold.push(round(Math.min(1, Math.max(0, c.thresholds[k]))));
    out.precision.push(precision === null ? null : round(precision));
    out.recall.push(recall === null ? null : round(recall));
    out.f1.push(c.positives > 0 ? round((2 * tp) / (flagged + c.positives)) : null);
  }
  return out;
}
