/** The messages between a training run and its family workers (plain data: typed arrays, strings, numbers). */
import type { CandidateFit, CandidateRows, LearningData } from '../candidate.js';
import type { CandidateFamily } from '../families.js';
import type { Fold } from '../split/stratified.js';
import type { CrossValidated } from '../table/cross-validate.js';

/** What to do with a family: search + refit on fixed rows (snapshots), or k-fold cross-validation + final fit (tables). */
export type FamilyJob = { kind: 'holdout'; rows: CandidateRows } | { kind: 'cv'; folds: readonly Fold[] };

/** The result of a job, as it crosses threads (no spec functions, no encoded matrices). */
export type FamilyResult =
  | Omit<CandidateFit, 'spec'>
  | (Omit<CrossValidated, 'final'> & { final: Pick<CrossValidated['final'], 'pre' | 'model'> });

/** One family to fit. */
export interface FamilyTask {
  family: CandidateFamily;
  data: LearningData;
  job: FamilyJob;
  budgetSeconds: number;
  seed: number;
}

/** A worker's progress, result or failure (a ChurnError travels as its code, message and context). */
export type WorkerReply =
  | { kind: 'step'; family: CandidateFamily; step: string; seconds: number }
  | { kind: 'done'; family: CandidateFamily; result: FamilyResult }
  | { kind: 'error'; family: CandidateFamily; message: string; code?: string; context?: Record<string, unknown> };
