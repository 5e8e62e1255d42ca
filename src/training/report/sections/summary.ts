/** Run summary: the selected model's headline numbers and the data it was trained and validated on. */
import { fmtDates, fmtInt, fmtNum, fmtPct } from '../format.js';
import { esc } from '../svg/markup.js';
import type { TrainingReportInput } from '../types.js';

const card = (label: string, value: string, note = '', text = false) =>
  `<div class="card"><div class="card-label">${esc(label)}</div><div class="card-value${text ? ' text' : ''}">${value}</div>${note ? `<div class="card-note">${note}</div>` : ''}</div>`;

const row = (label: string, value: string) => `<tr><th scope="row">${esc(label)}</th><td>${value}</td></tr>`;

/** The summary section. */
export function summarySection(input: TrainingReportInput): string {
  const chosen = input.candidates.find((c) => c.selected) ?? input.candidates[0];
  const d = input.data;
  const t = input.chosen.threshold;
  const cards = [
    card('Selected model', esc(chosen.name), '', true),
    card('ROC-AUC (validation)', fmtNum(chosen.metrics.rocAuc)),
    card('PR-AUC (validation)', fmtNum(chosen.metrics.prAuc), `churn rate ${fmtPct(d.churnRate.validation)}`),
    card('Decision threshold', fmtNum(t.value), t.rule === 'f1' ? 'F1-optimal' : 'cost-based'),
    card(
      'Top-decile lift',
      fmtNum(chosen.metrics.topDecileLift, 2),
      `captures ${fmtPct(chosen.metrics.topDecileCapture)} of churners`,
    ),
  ];
  const rows: string[] = [];
  if (input.source === 'snapshots') {
    rows.push(row('Data window', d.window ? `${esc(d.window.from)} to ${esc(d.window.to)}` : '—'));
    if (d.cutoffs) {
      rows.push(row('Training cutoffs', esc(fmtDates(d.cutoffs.train))));
      rows.push(row('Validation cutoffs (out-of-time)', esc(fmtDates(d.cutoffs.validation))));
    }
    rows.push(row('Churn horizon', d.horizonDays === null ? '—' : `${d.horizonDays} days after each cutoff`));
  } else {
    if (d.table)
      rows.push(
        row('Table', `${esc(d.table.file)} — label <code>${esc(d.table.target)}</code> = <code>${esc(d.table.positive)}</code>`),
      );
    if (d.folds)
      rows.push(
        row('Validation', `${d.folds.k}-fold ${d.folds.stratified ? 'stratified ' : ''}cross-validation (out-of-fold scores)`),
      );
  }
  rows.push(row('Rows', `${fmtInt(d.rows.train)} training · ${fmtInt(d.rows.validation)} validation`));
  rows.push(row('Churn rate', `${fmtPct(d.churnRate.train)} training · ${fmtPct(d.churnRate.validation)} validation`));
  rows.push(row('Input features', fmtInt(d.features)));
  rows.push(row('Candidates trained', `${input.candidates.length} (${input.candidates.map((c) => esc(c.name)).join(', ')})`));
  return `<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">Run summary</h2>
<div class="cards">${cards.join('')}</div>
<table class="kv"><caption class="sr-only">Training data and validation design</caption><tbody>${rows.join('')}</tbody></table>
</section>`;
}
