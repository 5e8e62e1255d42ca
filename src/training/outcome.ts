/** A trained candidate's outcome, and how it is written into the artifact (candidate entry, estimator, parameters). */
import type { Preprocessor } from '../features/index.js';
import type { ClassifierModel } from '../ml/index.js';
import type { Candidate, Estimator } from '../registry/index.js';
import type { Assessment } from './assess.js';
import type { Config } from './estimators/spec.js';
import { type CandidateFamily, familyNames } from './families.js';
import type { SearchTrial } from './search.js';

/** Everything the pipeline keeps about one candidate. */
export interface CandidateOutcome {
  family: CandidateFamily;
  name: string;
  /** The configuration of the final model. */
  config: Config;
  /** How class imbalance was handled, in words. */
  imbalance: string;
  /** The search: held-out rows it scored on, trials, configurations left out by the budget. */
  search: { tunedOn: string; trials: SearchTrial[]; skipped: number; budgetSeconds: number };
  preprocessor: Preprocessor;
  model: ClassifierModel;
  assessment: Assessment;
}

const r6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** The parameters recorded for a candidate: the configuration, imbalance handling and the search log. */
export function candidateParams(o: CandidateOutcome): Record<string, unknown> {
  return {
    ...o.config,
    imbalance: o.imbalance,
    calibration: o.assessment.calibration?.method ?? 'none',
    search: {
      tunedOn: o.search.tunedOn,
      budgetSeconds: o.search.budgetSeconds,
      skippedConfigs: o.search.skipped,
      trials: o.search.trials.map((t) => ({ config: t.config, prAuc: r6(t.prAuc), rocAuc: r6(t.rocAuc) })),
    },
  };
}

/** The artifact's candidate entry. */
export function candidateEntry(o: CandidateOutcome, selected: boolean): Candidate {
  return {
    name: o.name,
    family: o.family,
    params: candidateParams(o),
    selected,
    metrics: o.assessment.metrics,
    ...(o.assessment.curves ? { curves: o.assessment.curves } : {}),
  };
}

/** The artifact's estimator: family, parameters and the fitted src/ml model. */
export function estimatorOf(o: CandidateOutcome): Estimator {
  return { family: o.family, params: candidateParams(o), state: o.model };
}

/** The display name of a family (candidate names are unique because each family trains once). */
export const candidateName = (family: CandidateFamily) => familyNames[family];
