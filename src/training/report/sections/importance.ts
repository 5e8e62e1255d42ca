/** Global feature importance of the selected model, in business feature names. */
import { fmtInt, humanise } from '../format.js';
import { horizontalBarChart } from '../svg/bar-chart.js';
import { esc } from '../svg/markup.js';
import type { ReportImportance, TrainingReportInput } from '../types.js';

const TOP = 20;

/** The importance section (top 20 features). */
export function importanceSection(input: TrainingReportInput): string {
  const values = [...input.importance.values].sort((a, b) => Math.abs(b.value) - Math.abs(a.value)).slice(0, TOP);
  const max = Math.max(...values.map((v) => Math.abs(v.value)), 0);
  const digits = max >= 100 ? 0 : max >= 1 ? 2 : 3;
  const chart = values.length
    ? horizontalBarChart({
        id: 'importance',
        title: `Top ${values.length} features by importance (${input.importance.method})`,
        desc: values.map((v) => `${v.label ?? humanise(v.feature)}: ${v.value.toFixed(digits)}`).join('; '),
        items: values.map((v) => ({ label: v.label ?? humanise(v.feature), value: v.value, note: v.feature })),
        format: (v) => v.toFixed(digits),
      })
    : '<p>No importance was recorded for this model.</p>';
  const more = input.importance.values.length > TOP ? ` Showing the top ${TOP} of ${input.importance.values.length}.` : '';
  return `<section id="importance" aria-labelledby="importance-h">
<h2 id="importance-h">Feature importance</h2>
<p class="lead">Which customer signals the selected model relies on most, measured as ${esc(input.importance.method)}. Encoded pieces of one feature (e.g. one-hot plan types) are summed back to the business feature.${more}</p>
<div class="medium"><figure>${chart}</figure></div>
${input.importances?.length ? measuresTable(input, values) : ''}
</section>`;
}

/** Column heads of the named measures. */
const measureHeads: Record<string, string> = {
  mean_abs_shap: 'Mean |SHAP|',
  permutation: 'Permutation (ROC-AUC drop)',
  native: 'Model-native',
};

/** How a measure was taken, in words: its method and its sample. */
const howMeasured = (m: ReportImportance) =>
  `${measureHeads[m.name] ?? m.name}: ${m.method}${m.sample ? ` — ${fmtInt(m.sample.rows)} rows of the ${m.sample.from}` : ' — read off the fitted model'}`;

/** Every measure side by side for the chart's features, each value with its rank within its measure. */
function measuresTable(input: TrainingReportInput, shown: readonly { feature: string; label?: string }[]): string {
  const measures = input.importances ?? [];
  const ranks = measures.map((m) => new Map(m.values.map((v, i) => [v.feature, { value: v.value, rank: i + 1 }])));
  const head = `<tr><th scope="col">Feature</th>${measures.map((m) => `<th scope="col">${esc(measureHeads[m.name] ?? m.name)}</th>`).join('')}</tr>`;
  const body = shown
    .map((f) => {
      const cells = ranks.map((r) => {
        const v = r.get(f.feature);
        return `<td>${v ? `${esc(v.value.toFixed(4))} <span class="rank">#${v.rank}</span>` : '—'}</td>`;
      });
      return `<tr><th scope="row">${esc(f.label ?? humanise(f.feature))}</th>${cells.join('')}</tr>`;
    })
    .join('');
  return `<h3>Three measures side by side</h3>
<p>Each measure answers another question: mean |SHAP| how far a feature moves individual scores, permutation how much ranking quality is lost without it, model-native what the fitted model itself reports. Features that rank high on all three are the ones to trust.</p>
<ul>${measures.map((m) => `<li>${esc(howMeasured(m))}</li>`).join('')}</ul>
<div class="table-scroll"><table class="metrics"><caption class="sr-only">Importance of each feature by every measure, with its rank</caption><thead>${head}</thead><tbody>${body}</tbody></table></div>`;
}
