/** The trust box: why the validation numbers can be believed (point-in-time features, out-of-time validation). */
import { fmtDates } from '../format.js';
import { esc } from '../svg/markup.js';
import type { TrainingReportInput } from '../types.js';

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function snapshotLines(input: TrainingReportInput): string[] {
  const d = input.data;
  const lines = [
    'Every feature of a customer at cutoff <em>T</em> is computed only from records dated on or before <em>T</em>; the label is whether the subscription ends in (<em>T</em>, <em>T</em> + horizon]. A test changes every record after <em>T</em> and checks the snapshot at <em>T</em> stays byte-identical.',
  ];
  if (d.cutoffs?.train.length && d.cutoffs.validation.length) {
    const lastTrain = [...d.cutoffs.train].sort().at(-1)!;
    const firstVal = [...d.cutoffs.validation].sort()[0];
    lines.push(
      `Validation is <strong>out-of-time</strong>: the model was fitted on cutoffs ${esc(fmtDates(d.cutoffs.train))} and scored on the later cutoff(s) ${esc(fmtDates(d.cutoffs.validation))}, as it will be used — on customers and months it has not seen.`,
    );
    if (d.horizonDays !== null) {
      const matures = addDays(lastTrain, d.horizonDays);
      lines.push(
        matures <= firstVal
          ? `The last training labels matured on ${esc(matures)}, on or before the first validation cutoff ${esc(firstVal)}: no training label looks into the validation period.`
          : `<span class="warn">Note:</span> the last training labels mature on ${esc(matures)}, after the first validation cutoff ${esc(firstVal)}; training and validation label windows overlap by ${Math.round((Date.parse(matures) - Date.parse(firstVal)) / 86_400_000)} days.`,
      );
    }
  }
  lines.push(leakageBound(input));
  return lines;
}

/** A plausibility check on the selected model's ROC-AUC: churn is noisy, so a near-perfect ranking signals leakage. */
function leakageBound(input: TrainingReportInput): string {
  const auc = (input.candidates.find((c) => c.selected) ?? input.candidates[0]).metrics.rocAuc;
  if (auc === null) return 'ROC-AUC is undefined on this validation set (one class only): the ranking could not be checked.';
  return auc > 0.97
    ? `<span class="warn">Check for leakage:</span> validation ROC-AUC ${auc.toFixed(3)} is above 0.97, which on churn data almost always means a feature sees the outcome.`
    : `Validation ROC-AUC ${auc.toFixed(3)} is below 0.97, the level above which a churn model almost surely leaks the outcome.`;
}

function tableLines(input: TrainingReportInput): string[] {
  const k = input.data.folds?.k ?? 5;
  return [
    `This model was trained on a flat table without a time axis, so validation is ${k}-fold ${input.data.folds?.stratified ? 'stratified ' : ''}cross-validation: every row is scored by a model that did not see it.`,
    'Cross-validation estimates performance on similar customers, not on the future: re-check the numbers on newer data before relying on them for planning.',
    'Identifier-like columns are dropped before training, and the label column is never a feature.',
    leakageBound(input),
  ];
}

/** The trust section. */
export function trustSection(input: TrainingReportInput): string {
  const lines = [
    ...(input.source === 'snapshots' ? snapshotLines(input) : tableLines(input)),
    ...(input.trustNotes ?? []).map(esc),
  ];
  return `<section id="trust" class="trust" aria-labelledby="trust-h">
<h2 id="trust-h">Why these numbers can be trusted</h2>
<ul>${lines.map((l) => `<li>${l}</li>`).join('')}</ul>
</section>`;
}
