/** Calibration (reliability) plot: observed churn rate against mean predicted probability per bin, with the diagonal. */
import { lineChart } from './line-chart.js';
import type { ChartLabel } from './markup.js';
import { AXIS, SERIES } from './palette.js';

/** Reliability bins to plot. */
export interface CalibrationSpec extends ChartLabel {
  predicted: readonly number[];
  observed: readonly number[];
  /** Rows per bin; dot areas are proportional to it. */
  count: readonly number[];
  /** Upper end of both axes (defaults to the data's maximum, rounded up to a tenth, at most 1). */
  limit?: number;
  format?: (v: number) => string;
}

/** Renders the reliability curve; the dashed diagonal is perfect calibration. */
export function calibrationPlot(spec: CalibrationSpec): string {
  const top = spec.limit ?? Math.min(1, Math.ceil(Math.max(0.1, ...spec.predicted, ...spec.observed) * 10) / 10);
  const maxCount = Math.max(1, ...spec.count);
  const radii = spec.count.map((n) => 2.5 + 6 * Math.sqrt(n / maxCount));
  return lineChart({
    id: spec.id,
    title: spec.title,
    desc: spec.desc,
    x: { domain: [0, top], label: 'Mean predicted probability', format: spec.format },
    y: { domain: [0, top], label: 'Observed churn rate', format: spec.format },
    series: [
      { name: 'Perfectly calibrated', x: [0, top], y: [0, top], color: AXIS, dash: '6 5', width: 1.5 },
      {
        name: 'Model (dot area ∝ customers in bin)',
        x: spec.predicted,
        y: spec.observed,
        color: SERIES[0],
        points: radii,
        width: 2,
      },
    ],
  });
}
