/** After the candidates: select one, and measure the selected model's global importance on the validation rows. */
import type { Matrix } from '../ml/index.js';
import type { Selection } from '../registry/index.js';
import { type GlobalImportance, globalImportance } from './importance/index-of-model.js';
import type { CandidateOutcome } from './outcome.js';
import type { WorkMeter } from './progress.js';
import { selectCandidate } from './select.js';

/** The selected candidate, the selection record and its importance. */
export interface FinishedRun {
  selected: CandidateOutcome;
  selection: Selection;
  importance: GlobalImportance;
}

/** Selects by validation PR-AUC (see select.ts) and explains the winner on the validation matrix `validationX(winner)`. */
export function finishRun(
  outcomes: readonly CandidateOutcome[],
  validation: { matrixOf: (o: CandidateOutcome) => Matrix; y: Uint8Array; name?: string },
  seed: number,
  meter: WorkMeter,
): FinishedRun {
  const { family, selection } = selectCandidate(
    outcomes.map((o) => ({ family: o.family, metrics: o.assessment.metrics })),
    validation.name,
  );
  const selected = outcomes.find((o) => o.family === family) as CandidateOutcome;
  const importance = globalImportance(
    selected.model,
    validation.matrixOf(selected),
    validation.y,
    selected.preprocessor.columns,
    seed,
  );
  meter.step('explain', `${selected.name}: importance`, 0, family);
  return { selected, selection, importance };
}
