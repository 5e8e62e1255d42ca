/** The decision threshold: precision, recall and F1 across thresholds, the chosen one marked, and its confusion matrix. */
import { fmtInt, fmtNum } from '../format.js';

const fmtDetail = (v: string | number) => (typeof v === 'string' ? v : Number.isInteger(v) ? fmtInt(v) : fmtNum(v));

import { confusionMatrixChart } from '../svg/confusion-matrix.js';
import { lineChart } from '../svg/line-chart.js';
import { esc } from '../svg/markup.js';
import { SERIES } from '../svg/palette.js';
import type { TrainingReportInput } from '../types.js';

/** The threshold section. */
export function thresholdSection(input: TrainingReportInput): string {
  const { threshold: t, thresholdCurve: tc, confusion } = input.chosen;
  const curve = lineChart({
    id: 'threshold',
    title: 'Precision, recall and F1 against the decision threshold',
    desc: `Validation precision, recall and F1 of the selected model for each threshold; the dashed vertical line marks the chosen threshold ${fmtNum(t.value)}.`,
    x: { domain: [0, 1], label: 'Decision threshold (churn probability)', format: (v) => v.toFixed(1) },
    y: { domain: [0, 1], label: 'Score', format: (v) => v.toFixed(1) },
    series: [
      { name: 'Precision', x: tc.threshold, y: tc.precision, color: SERIES[0], width: 2.25 },
      { name: 'Recall', x: tc.threshold, y: tc.recall, color: SERIES[1], width: 2.25 },
      { name: 'F1', x: tc.threshold, y: tc.f1, color: SERIES[2], width: 3 },
    ],
    marker: { x: t.value, label: `chosen ${fmtNum(t.value)}` },
  });
  const matrix = confusionMatrixChart({
    id: 'confusion',
    title: `Confusion matrix at threshold ${fmtNum(t.value)}`,
    desc: `Validation customers by actual outcome and decision: ${confusion.tp} true positives, ${confusion.fn} false negatives, ${confusion.fp} false positives, ${confusion.tn} true negatives.`,
    counts: confusion,
    format: fmtInt,
  });
  const rule =
    t.rule === 'f1'
      ? `maximises F1 on ${t.details?.tunedOn ? 'held-out tuning rows (tunedOn below)' : 'the validation data'}, found in one sorted pass over the scores`
      : 'maximises the expected net value: revenue saved from churners reached minus the cost of contacting flagged customers';
  const details = Object.entries(t.details ?? {})
    .map(([k, v]) => `<li><span>${esc(k)}</span> <strong>${esc(fmtDetail(v))}</strong></li>`)
    .join('');
  return `<section id="threshold" aria-labelledby="threshold-h">
<h2 id="threshold-h">Decision threshold</h2>
<p class="lead">Customers with a churn probability at or above <strong>${fmtNum(t.value)}</strong> are flagged. This threshold ${esc(rule)}. It is stored in the model artifact and used by every score, API reply and export.</p>
${details ? `<ul class="details">${details}</ul>` : ''}
<div class="grid2"><figure>${curve}<figcaption>Lower thresholds find more churners (recall) at the cost of more false alarms (precision).</figcaption></figure>
<figure>${matrix}<figcaption>Validation customers at the chosen threshold.</figcaption></figure></div>
</section>`;
}
