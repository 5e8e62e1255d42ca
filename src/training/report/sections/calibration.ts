/** Calibration of the selected model: do predicted probabilities match observed churn rates? */
import { fmtNum } from '../format.js';
import { calibrationPlot } from '../svg/calibration-plot.js';
import type { TrainingReportInput } from '../types.js';

/** The calibration section. */
export function calibrationSection(input: TrainingReportInput): string {
  const chosen = input.candidates.find((c) => c.selected) ?? input.candidates[0];
  const c = input.chosen.calibration;
  const plot = calibrationPlot({
    id: 'calibration',
    title: `Calibration of ${chosen.name}`,
    desc: 'Observed churn rate against mean predicted probability per bin of validation customers; points on the dashed diagonal are perfectly calibrated.',
    predicted: c.predicted,
    observed: c.observed,
    count: c.count,
    format: (v) => v.toFixed(1),
  });
  return `<section id="calibration" aria-labelledby="calibration-h">
<h2 id="calibration-h">Calibration</h2>
<p class="lead">When the model says 30 %, about 30 % of those customers should churn. Points above the diagonal mean the model under-estimates risk; below, over-estimates. Brier score ${fmtNum(chosen.metrics.brier, 4)}, log loss ${fmtNum(chosen.metrics.logLoss, 4)}.</p>
<div class="narrow"><figure>${plot}<figcaption>Dot area is proportional to the number of customers in the bin.</figcaption></figure></div>
</section>`;
}
