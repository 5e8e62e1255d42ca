/** Global feature importance of the selected model, in business feature names. */
import { humanise } from '../format.js';
import { horizontalBarChart } from '../svg/bar-chart.js';
import { esc } from '../svg/markup.js';
import type { TrainingReportInput } from '../types.js';

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
</section>`;
}
