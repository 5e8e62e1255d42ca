/** Training one family inside a run: plan its work, search, refit, assess; and the estimated seconds of a whole run. */
import { fitPreprocessor, selectRows } from '../features/index.js';
import type { Assessment } from './assess.js';
import { type CandidateFit, type CandidateRows, fitCandidate, type LearningData } from './candidate.js';
import { estimatorSpecs } from './estimators/index.js';
import type { CandidateFamily } from './families.js';
import type { ResolvedTrainOptions } from './options.js';
import { type CandidateOutcome, candidateName } from './outcome.js';
import type { WorkMeter } from './progress.js';
import { plannedConfigs } from './search.js';

/** Each family's share of the search budget. */
export const familyBudget = (o: Pick<ResolvedTrainOptions, 'budgetSeconds' | 'families'>) => o.budgetSeconds / o.families.length;

/**
 * Estimated seconds of fitting every family on `rows` (search within budget + one refit at the default config), used as
 * the progress total. Widths come from preprocessors fitted on the search rows (cheap next to any model fit).
 */
export function plannedSeconds(o: ResolvedTrainOptions, data: LearningData, rows: CandidateRows, times = 1): number {
  const sample = selectRows(data.frame, rows.searchFit);
  const width = { linear: 0, tree: 0 };
  for (const mode of ['linear', 'tree'] as const)
    if (o.families.some((f) => estimatorSpecs[f].mode === mode))
      width[mode] = fitPreprocessor(sample, data.features, { mode }).columns.length;
  let total = 0;
  for (const f of o.families) {
    const spec = estimatorSpecs[f];
    const p = width[spec.mode];
    total += plannedConfigs(spec, rows.searchFit.length, p, familyBudget(o)).seconds;
    total += spec.estimateSeconds(spec.grid()[0], rows.refit.length, p);
  }
  return total * times;
}

/** Searches, refits and assesses one family; progress goes to the meter. */
export function trainCandidate(
  family: CandidateFamily,
  data: LearningData,
  rows: CandidateRows,
  tunedOn: string,
  o: ResolvedTrainOptions,
  meter: WorkMeter,
  judge: (fit: CandidateFit) => Assessment,
): CandidateOutcome {
  const spec = estimatorSpecs[family];
  const name = candidateName(family);
  const fit = fitCandidate(spec, data, rows, familyBudget(o), o.seed, (step, seconds) =>
    meter.step('fit', `${name}: ${step}`, seconds, family),
  );
  const assessment = judge(fit);
  meter.step('evaluate', `${name}: evaluated`, 0, family);
  return {
    family,
    name,
    config: fit.config,
    imbalance: spec.imbalance,
    search: { tunedOn, trials: fit.search.trials, skipped: fit.search.skipped, budgetSeconds: familyBudget(o) },
    preprocessor: fit.preprocessor,
    model: fit.model,
    assessment,
  };
}
