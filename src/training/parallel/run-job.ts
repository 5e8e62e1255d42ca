/** Running one family's job, on whichever thread: the same function serves the serial path and the workers. */
import { fitCandidate } from '../candidate.js';
import { estimatorSpecs } from '../estimators/index.js';
import { crossValidate } from '../table/cross-validate.js';
import type { FamilyResult, FamilyTask } from './messages.js';

/** Fits the task's family and returns a thread-portable result (progress through `onStep`). */
export function runFamilyJob(task: FamilyTask, onStep: (step: string, seconds: number) => void): FamilyResult {
  const spec = estimatorSpecs[task.family];
  if (task.job.kind === 'holdout') {
    const { spec: _spec, ...fit } = fitCandidate(spec, task.data, task.job.rows, task.budgetSeconds, task.seed, onStep);
    return fit;
  }
  const cv = crossValidate(spec, task.data, task.job.folds, task.budgetSeconds, task.seed, onStep);
  return { ...cv, final: { pre: cv.final.pre, model: cv.final.model } };
}
