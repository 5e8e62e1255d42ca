/** Choosing the model: the best validation PR-AUC, near-ties to the simpler family. */
import type { Metrics, Selection } from '../registry/index.js';
import { type CandidateFamily, candidateFamilies, familyNames } from './families.js';

/** PR-AUC differences up to this are ties: below the noise of a few thousand validation rows with ~4 % churners. */
export const SELECTION_TIE = 0.002;

/** The rule in words, as stored in the artifact. */
export const selectionRule =
  `highest out-of-time validation PR-AUC; candidates within ${SELECTION_TIE} of the best count as tied and the simplest ` +
  'wins (logistic regression < random forest < gradient boosting < histogram boosting)';

/**
 * Picks the candidate: among those whose PR-AUC is within SELECTION_TIE of the best, the first in simplicity order.
 * A candidate without a PR-AUC (no churner in validation) never wins while another has one.
 */
export function selectCandidate(
  candidates: readonly { family: CandidateFamily; metrics: Metrics }[],
  validationName = 'out-of-time validation',
): { family: CandidateFamily; selection: Selection } {
  const score = (m: Metrics) => m.prAuc ?? Number.NEGATIVE_INFINITY;
  const best = Math.max(...candidates.map((c) => score(c.metrics)));
  const ordered = [...candidates].sort((a, b) => candidateFamilies.indexOf(a.family) - candidateFamilies.indexOf(b.family));
  const chosen = ordered.find((c) => score(c.metrics) >= best - SELECTION_TIE) ?? ordered[0];
  const top = ordered.find((c) => score(c.metrics) === best) ?? chosen;
  const fmt = (v: number | null) => (v === null ? 'n/a' : v.toFixed(4));
  const reason =
    top.family === chosen.family
      ? `${familyNames[chosen.family]} has the highest ${validationName} PR-AUC (${fmt(chosen.metrics.prAuc)})` +
        (candidates.length > 1 ? `; next best ${runnerUp(candidates, chosen.family)}` : '')
      : `${familyNames[top.family]} scores the highest PR-AUC (${fmt(top.metrics.prAuc)}), but ${familyNames[chosen.family]} ` +
        `(${fmt(chosen.metrics.prAuc)}) is within ${SELECTION_TIE} and simpler`;
  return {
    family: chosen.family,
    selection: {
      rule:
        validationName === 'out-of-time validation'
          ? selectionRule
          : selectionRule.replace('out-of-time validation', validationName),
      metric: 'prAuc',
      chosen: familyNames[chosen.family],
      reason,
    },
  };
}

function runnerUp(candidates: readonly { family: CandidateFamily; metrics: Metrics }[], chosen: CandidateFamily): string {
  const others = candidates.filter((c) => c.family !== chosen).sort((a, b) => (b.metrics.prAuc ?? -1) - (a.metrics.prAuc ?? -1));
  const o = others[0];
  return `${familyNames[o.family]} (${o.metrics.prAuc === null ? 'n/a' : o.metrics.prAuc.toFixed(4)})`;
}
