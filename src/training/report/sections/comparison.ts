/** Model comparison: every candidate's validation metrics side by side, the best per metric bold, the selected row marked. */
import { fmtNum, fmtPct } from '../format.js';
import { esc } from '../svg/markup.js';
import type { ReportMetrics, TrainingReportInput } from '../types.js';

interface Column {
  key: keyof ReportMetrics;
  head: string;
  title: string;
  better: 'high' | 'low' | 'none';
  format: (v: number | null) => string;
}

const columns: Column[] = [
  { key: 'rocAuc', head: 'ROC-AUC', title: 'Area under the ROC curve', better: 'high', format: (v) => fmtNum(v) },
  {
    key: 'prAuc',
    head: 'PR-AUC',
    title: 'Average precision (area under the precision-recall curve)',
    better: 'high',
    format: (v) => fmtNum(v),
  },
  {
    key: 'precision',
    head: 'Precision',
    title: 'Share of flagged customers who churned',
    better: 'high',
    format: (v) => fmtNum(v),
  },
  { key: 'recall', head: 'Recall', title: 'Share of churners flagged', better: 'high', format: (v) => fmtNum(v) },
  { key: 'f1', head: 'F1', title: 'Harmonic mean of precision and recall', better: 'high', format: (v) => fmtNum(v) },
  { key: 'accuracy', head: 'Accuracy', title: 'Share of correct decisions', better: 'high', format: (v) => fmtNum(v) },
  {
    key: 'brier',
    head: 'Brier',
    title: 'Mean squared error of the probabilities (lower is better)',
    better: 'low',
    format: (v) => fmtNum(v, 4),
  },
  {
    key: 'logLoss',
    head: 'Log loss',
    title: 'Cross-entropy of the probabilities (lower is better)',
    better: 'low',
    format: (v) => fmtNum(v, 4),
  },
  {
    key: 'topDecileLift',
    head: 'Lift @10 %',
    title: 'Churn rate in the top 10 % of scores ÷ overall churn rate',
    better: 'high',
    format: (v) => fmtNum(v, 2),
  },
  {
    key: 'topDecileCapture',
    head: 'Capture @10 %',
    title: 'Share of all churners found in the top 10 % of scores',
    better: 'high',
    format: (v) => fmtPct(v),
  },
  {
    key: 'threshold',
    head: 'Threshold',
    title: "The candidate's tuned decision threshold",
    better: 'none',
    format: (v) => fmtNum(v),
  },
];

function best(input: TrainingReportInput, col: Column): number | null {
  const values = input.candidates.map((c) => c.metrics[col.key]).filter((v): v is number => v !== null);
  if (!values.length || col.better === 'none') return null;
  return col.better === 'high' ? Math.max(...values) : Math.min(...values);
}

/** The comparison section. */
export function comparisonSection(input: TrainingReportInput): string {
  const bests = columns.map((c) => best(input, c));
  const head = `<tr><th scope="col">Model</th>${columns.map((c) => `<th scope="col" title="${esc(c.title)}">${esc(c.head)}</th>`).join('')}</tr>`;
  const body = input.candidates
    .map((cand) => {
      const cells = columns.map((col, i) => {
        const v = cand.metrics[col.key];
        const isBest = bests[i] !== null && v === bests[i];
        return `<td${isBest ? ' class="best"' : ''}>${esc(col.format(v))}</td>`;
      });
      const badge = cand.selected ? ' <span class="badge">selected</span>' : '';
      return `<tr${cand.selected ? ' class="selected" aria-current="true"' : ''}><th scope="row">${esc(cand.name)}${badge}</th>${cells.join('')}</tr>`;
    })
    .join('');
  return `<section id="comparison" aria-labelledby="comparison-h">
<h2 id="comparison-h">Model comparison</h2>
<p class="lead">Validation metrics of every candidate, each at its own tuned threshold. <strong>Bold</strong> marks the best value per column.</p>
<div class="table-scroll"><table class="metrics"><caption class="sr-only">Validation metrics per candidate model</caption><thead>${head}</thead><tbody>${body}</tbody></table></div>
<div class="callout"><strong>Selection rule:</strong> ${esc(input.selection.rule)}<br><strong>Why this model:</strong> ${esc(input.selection.reason)}</div>
</section>`;
}
