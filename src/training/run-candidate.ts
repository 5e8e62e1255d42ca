/** A family inside a run: its share of the budget, the run's planned seconds, and its outcome once fitted and assessed. */
import { fitPreprocessor, selectRows } from '../features/index.js';
import type { Assessment } from './assess.js';
import type { CandidateFit, CandidateRows, LearningData } from './candidate.js';
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

/** The outcome of a family fitted on fixed rows (snapshots): its fit, how it was tuned, and its assessment. */
export function holdoutOutcome(
  family: CandidateFamily,
  fit: Omit<CandidateFit, 'spec'>,
  tunedOn: string,
  o: ResolvedTrainOptions,
  assessment: Assessment,
): CandidateOutcome {
  return {
    family,
    name: candidateName(family),
    config: fit.config,
    imbalance: estimatorSpecs[family].imbalance,
    search: { tunedOn, trials: fit.search.trials, skipped: fit.search.skipped, budgetSeconds: familyBudget(o) },
    preprocessor: fit.preprocessor,
    model: fit.model,
    assessment,
  };
}

/** Progress of the fits, reported on the meter with the family's display name. */
export const meterSteps = (meter: WorkMeter) => (family: CandidateFamily, step: string, seconds: number) =>
  meter.step('fit', `${candidateName(family)}: ${step}`, seconds, family);
