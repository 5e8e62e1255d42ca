/** Reliability diagram data: mean predicted probability vs observed positive rate per bin (scikit-learn's binning). */

import { MlShapeError } from '../errors.js';
import { checkMetricInputs } from './ranking.js';

/** One non-empty bin: (lower, upper] except the first, which also holds its lower edge. */
export interface CalibrationBin {
  lower: number;
  upper: number;
  count: number;
  meanPredicted: number;
  fractionPositive: number;
}

/**
 * Bins probabilities on [0, 1] ('uniform') or at quantiles of p ('quantile', numpy's linear percentiles),
 * a probability equal to an edge falling in the lower bin, exactly as scikit-learn's calibration_curve.
 * Empty bins are left out.
 */
export function calibrationCurve(
  y: ArrayLike<number>,
  p: ArrayLike<number>,
  bins = 10,
  strategy: 'uniform' | 'quantile' = 'uniform',
): CalibrationBin[] {
  checkMetricInputs('calibrationCurve', y, p);
  if (!Number.isInteger(bins) || bins < 1) throw new MlShapeError(`calibrationCurve: bins must be an integer >= 1, got ${bins}`);
  for (let i = 0; i < p.length; i++)
    if (p[i] < 0 || p[i] > 1) throw new MlShapeError(`calibrationCurve: probability at row ${i} is ${p[i]}, outside [0, 1]`);
  const edges = strategy === 'uniform' ? uniformEdges(bins) : quantileEdges(p, bins);
  const count = new Float64Array(bins);
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  for (let i = 0; i < p.length; i++) {
    const b = countBelow(edges, p[i]);
    count[b]++;
    sumP[b] += p[i];
    sumY[b] += y[i];
  }
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++)
    if (count[b] > 0)
      out.push({
        lower: edges[b],
        upper: edges[b + 1],
        count: count[b],
        meanPredicted: sumP[b] / count[b],
        fractionPositive: sumY[b] / count[b],
      });
  return out;
}

/** numpy.linspace(0, 1, bins + 1). */
function uniformEdges(bins: number): Float64Array {
  const step = 1 / bins;
  const e = Float64Array.from({ length: bins + 1 }, (_, i) => i * step);
  e[bins] = 1;
  return e;
}

/** numpy.percentile(p, linspace(0, 100, bins + 1)) with linear interpolation, reproduced operation for operation. */
function quantileEdges(p: ArrayLike<number>, bins: number): Float64Array {
  const sorted = Float64Array.from(p).sort();
  const n = sorted.length;
  const step = 1 / bins;
  return Float64Array.from({ length: bins + 1 }, (_, i) => {
    const q = i === bins ? 1 : (i * step * 100) / 100;
    const v = (n - 1) * q;
    const lo = Math.floor(v);
    const t = v - lo;
    const a = sorted[lo];
    const b = sorted[Math.min(lo + 1, n - 1)];
    return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
  });
}

/** Number of inner edges strictly below x: numpy.searchsorted(edges[1:-1], x, side='left'). */
function countBelow(edges: Float64Array, x: number): number {
  let lo = 1;
  let hi = edges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
