/** The model's ROC, precision–recall, calibration and threshold curves, with the chosen threshold marked. */
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { pct } from '../format';
import type { Curves } from '../types';
import { Chart, palette } from './Chart';
import { Card } from './ui';

type Nums = (number | null)[];
const pairs = (x: Nums, y: Nums) => x.map((v, i) => [v, y[i]]).filter(([a, b]) => a !== null && b !== null);

function xy(
  name: string,
  xName: string,
  yName: string,
  series: EChartsCoreOption[],
  extra: EChartsCoreOption = {},
): EChartsCoreOption {
  return {
    grid: { left: 48, right: 16, top: 28, bottom: 40 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => (typeof v === 'number' ? v.toFixed(3) : v) },
    legend: { top: 0, textStyle: { fontSize: 11 } },
    xAxis: { type: 'value', min: 0, max: 1, name: xName, nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'value', min: 0, max: 1, name: yName, nameLocation: 'middle', nameGap: 34 },
    series,
    title: { show: false, text: name },
    ...extra,
  };
}

/** The chart cards of /model/curves. */
export function CurveCharts({ c }: { c: Curves }) {
  const t = c.chosen_threshold;
  const options = useMemo(() => {
    const diagonal = {
      type: 'line',
      name: 'chance',
      data: [
        [0, 0],
        [1, 1],
      ],
      symbol: 'none',
      lineStyle: { type: 'dashed', color: palette.grey },
    };
    // The point of each curve at the chosen threshold: nearest sampled threshold.
    const th = c.threshold_curve.threshold;
    let k = 0;
    for (let i = 0; i < th.length; i++) if (th[i] !== null && Math.abs((th[i] as number) - t) < Math.abs((th[k] ?? 9) - t)) k = i;
    const precisionAt = c.threshold_curve.precision[k];
    const recallAt = c.threshold_curve.recall[k];
    const thresholdLine = {
      symbol: 'none',
      label: { formatter: `chosen ${pct(t)}` },
      lineStyle: { color: palette.red },
      data: [{ xAxis: t }],
    };
    return {
      roc: xy('ROC', 'false positive rate', 'true positive rate', [
        { type: 'line', name: 'ROC', data: pairs(c.roc.x, c.roc.y), symbol: 'none', color: palette.blue },
        diagonal,
      ]),
      pr: xy('PR', 'recall', 'precision', [
        {
          type: 'line',
          name: 'precision–recall',
          data: pairs(c.pr.x, c.pr.y),
          symbol: 'none',
          color: palette.blue,
          markPoint: undefined,
        },
        ...(precisionAt !== null && recallAt !== null
          ? [
              {
                type: 'scatter',
                name: `at threshold ${pct(t)}`,
                data: [[recallAt, precisionAt]],
                symbolSize: 12,
                color: palette.red,
              },
            ]
          : []),
      ]),
      calibration: xy('Calibration', 'predicted probability', 'observed churn rate', [
        { type: 'line', name: 'model', data: pairs(c.calibration.predicted, c.calibration.observed), color: palette.blue },
        { ...diagonal, name: 'perfect' },
      ]),
      threshold: xy('Threshold', 'decision threshold', 'score', [
        {
          type: 'line',
          name: 'precision',
          data: pairs(th, c.threshold_curve.precision),
          symbol: 'none',
          color: palette.blue,
          markLine: thresholdLine,
        },
        { type: 'line', name: 'recall', data: pairs(th, c.threshold_curve.recall), symbol: 'none', color: palette.amber },
        { type: 'line', name: 'F1', data: pairs(th, c.threshold_curve.f1), symbol: 'none', color: palette.green },
      ]),
    };
  }, [c, t]);
  return (
    <div className="grid two">
      <Card
        title="ROC curve"
        help="How many churners are caught (up) for how many false alarms (right). Further top-left is better; the dashed line is guessing."
      >
        <Chart option={options.roc} label="ROC curve" />
      </Card>
      <Card
        title="Precision–recall curve"
        help={`Of the customers flagged, how many really churn (precision) vs how many churners are found (recall). Red dot: the chosen threshold ${pct(t)}.`}
      >
        <Chart option={options.pr} label="Precision-recall curve" />
      </Card>
      <Card
        title="Calibration"
        help="When the model says 20%, do about 20% churn? Points on the dashed line mean the probabilities can be taken at face value."
      >
        <Chart option={options.calibration} label="Calibration curve" />
      </Card>
      <Card
        title="Threshold trade-off"
        help={`Precision, recall and F1 at each threshold; the red line marks the threshold the model uses (${pct(t)}).`}
      >
        <Chart option={options.threshold} label="Precision, recall and F1 by threshold" />
      </Card>
    </div>
  );
}
