/** ROC and precision-recall curves of every candidate, with the chance and no-skill baselines. */
import { fmtNum, fmtPct } from '../format.js';
import { type LineSeries, lineChart } from '../svg/line-chart.js';
import { AXIS, seriesColor } from '../svg/palette.js';
import type { ReportCandidate, TrainingReportInput } from '../types.js';

const two = (v: number) => v.toFixed(1);

/** Candidates with the selected one first (first colour, thicker line). */
function ordered(input: TrainingReportInput): ReportCandidate[] {
  return [...input.candidates].sort((a, b) => Number(b.selected) - Number(a.selected));
}

function seriesOf(
  cands: ReportCandidate[],
  pick: (c: ReportCandidate) => ReportCandidate['roc'],
  metric: (c: ReportCandidate) => string,
): LineSeries[] {
  return cands.flatMap((c, i) => {
    const curve = pick(c);
    return curve
      ? [{ name: `${c.name} (${metric(c)})`, x: curve.x, y: curve.y, color: seriesColor(i), width: c.selected ? 3 : 1.75 }]
      : [];
  });
}

/** The curves section. */
export function curvesSection(input: TrainingReportInput): string {
  const cands = ordered(input);
  const roc = lineChart({
    id: 'roc',
    title: 'ROC curves of all candidates',
    desc: 'True-positive rate against false-positive rate on the validation data; the dashed diagonal is a random ranking.',
    x: { domain: [0, 1], label: 'False-positive rate', format: two },
    y: { domain: [0, 1], label: 'True-positive rate (recall)', format: two },
    series: [
      ...seriesOf(
        cands,
        (c) => c.roc,
        (c) => `AUC ${fmtNum(c.metrics.rocAuc)}`,
      ),
      { name: 'Random ranking', x: [0, 1], y: [0, 1], color: AXIS, dash: '6 5', width: 1.5 },
    ],
  });
  const base = input.data.churnRate.validation;
  const pr = lineChart({
    id: 'pr',
    title: 'Precision-recall curves of all candidates',
    desc: `Precision against recall on the validation data; the dashed line is the churn rate (${fmtPct(base)}), what flagging customers at random achieves.`,
    x: { domain: [0, 1], label: 'Recall (share of churners found)', format: two },
    y: { domain: [0, 1], label: 'Precision', format: two },
    series: [
      ...seriesOf(
        cands,
        (c) => c.pr,
        (c) => `AP ${fmtNum(c.metrics.prAuc)}`,
      ),
      { name: `No skill (${fmtPct(base)})`, x: [0, 1], y: [base, base], color: AXIS, dash: '6 5', width: 1.5 },
    ],
  });
  return `<section id="curves" aria-labelledby="curves-h">
<h2 id="curves-h">ROC and precision-recall curves</h2>
<p class="lead">How well each candidate ranks churners above stayers on the validation data. With churn this rare, the precision-recall curve is the more telling one.</p>
<div class="grid2"><figure>${roc}<figcaption>ROC: higher and further left is better.</figcaption></figure>
<figure>${pr}<figcaption>Precision-recall: higher and further right is better.</figcaption></figure></div>
</section>`;
}
