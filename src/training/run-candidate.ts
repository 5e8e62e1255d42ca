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

/** Each family's share of the search budget (tables; snapshots scale it down, see snapshotSearchBudget). */
export const familyBudget = (o: Pick<ResolvedTrainOptions, 'budgetSeconds' | 'families'>) => o.budgetSeconds / o.families.length;

/**
 * A snapshot family's search spends at most this many times its default configuration's estimated seconds (the
 * default included), so the search's share of the fitting stays the same at every data size — about one further
 * configuration of similar cost — while the family's share of `budgetSeconds` caps it in absolute terms.
 */
export const SEARCH_SCALE = 2;

/** What the run plans for one family: its search budget and its estimated seconds (search + final fit). */
export interface FamilyPlan {
  budgetSeconds: number;
  seconds: number;
}

/** Width of the encoded matrix per preprocessing mode, from preprocessors fitted on the search rows (cheap next to any fit). */
function widths(o: ResolvedTrainOptions, data: LearningData, searchFit: Int32Array) {
  const sample = selectRows(data.frame, searchFit);
  const width = { linear: 0, tree: 0 };
  for (const mode of ['linear', 'tree'] as const)
    if (o.families.some((f) => estimatorSpecs[f].mode === mode))
      width[mode] = fitPreprocessor(sample, data.features, { mode }).columns.length;
  return width;
}

/**
 * Each family's plan: the search within `budgetOf(default's estimated seconds)`, plus the final fit unless the search's
 * model is kept (rows.final is the search's fit part). The seconds are the progress total and order the families
 * longest first onto the worker threads.
 */
export function familyPlans(
  o: ResolvedTrainOptions,
  data: LearningData,
  rows: Pick<CandidateRows, 'searchFit' | 'final' | 'refit'>,
  budgetOf: (defaultSeconds: number) => number,
): Map<CandidateFamily, FamilyPlan> {
  const width = widths(o, data, rows.searchFit);
  const keepsSearchModel = !rows.refit && rows.final.length === rows.searchFit.length;
  const plans = new Map<CandidateFamily, FamilyPlan>();
  for (const f of o.families) {
    const spec = estimatorSpecs[f];
    const p = width[spec.mode];
    const n = rows.searchFit.length;
    const budgetSeconds = ceil3(budgetOf(spec.estimateSeconds(spec.grid()[0], n, p)));
    const search = plannedConfigs(spec, n, p, budgetSeconds).seconds;
    const final = keepsSearchModel ? 0 : spec.estimateSeconds(spec.grid()[0], rows.final.length, p);
    plans.set(f, { budgetSeconds, seconds: search + final });
  }
  return plans;
}

/** A snapshot family's search budget: its share of `budgetSeconds`, at most SEARCH_SCALE × its default's estimate. */
export const snapshotSearchBudget = (o: ResolvedTrainOptions) => (defaultSeconds: number) =>
  Math.min(familyBudget(o), SEARCH_SCALE * defaultSeconds);

/** Sum of the planned seconds (times `times`, e.g. once per fold plus the final fit). */
export const plannedTotal = (plans: Map<CandidateFamily, FamilyPlan>, times = 1) =>
  [...plans.values()].reduce((t, p) => t + p.seconds, 0) * times;

/** Rounded up, so a budget of exactly twice the default still admits a configuration of the same estimate. */
const ceil3 = (v: number) => Math.ceil(v * 1e3) / 1e3;

/** The outcome of a family fitted on fixed rows (snapshots): its fit, how it was tuned, and its assessment. */
export function holdoutOutcome(
  family: CandidateFamily,
  fit: Omit<CandidateFit, 'spec'>,
  tunedOn: string,
  budgetSeconds: number,
  assessment: Assessment,
): CandidateOutcome {
  return {
    family,
    name: candidateName(family),
    config: fit.config,
    imbalance: estimatorSpecs[family].imbalance,
    search: { tunedOn, trials: fit.search.trials, skipped: fit.search.skipped, budgetSeconds },
    preprocessor: fit.preprocessor,
    model: fit.model,
    assessment,
  };
}

/** Progress of the fits, reported on the meter with the family's display name. */
export const meterSteps = (meter: WorkMeter) => (family: CandidateFamily, step: string, seconds: number) =>
  meter.step('fit', `${candidateName(family)}: ${step}`, seconds, family);
