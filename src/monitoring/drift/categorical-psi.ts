/** PSI of a categorical feature against its training level shares, with unseen categories pooled into one bin. */
import type { PsiBin, PsiResult } from './bins.js';
import { DEFAULT_PSI_EPSILON, psi } from './psi.js';

/** The reference of a categorical feature as the training pipeline stores it. */
export interface CategoricalReference {
  /** Shares of present values per training level (Σ = 1). */
  levels: readonly { value: string; share: number }[];
  missingShare: number;
}

/** Label of the bin that pools every level the training data never saw. */
export const UNSEEN_LEVEL = '(unseen in training)';

/**
 * Bins: every training level, then one pooled bin for levels unseen in training (reference share 0, so it is scored
 * through the epsilon rule — a new category appearing is drift, by design), then missing. Shares are of all rows.
 */
export function categoricalPsi(
  ref: CategoricalReference,
  values: readonly (string | null)[],
  epsilon = DEFAULT_PSI_EPSILON,
): PsiResult {
  const index = new Map(ref.levels.map((l, i) => [l.value, i]));
  const counts = new Float64Array(ref.levels.length);
  let unseen = 0;
  let missing = 0;
  for (const v of values) {
    if (v === null) missing++;
    else {
      const i = index.get(v);
      if (i === undefined) unseen++;
      else counts[i]++;
    }
  }
  const n = values.length || 1;
  const present = 1 - ref.missingShare;
  const bins: PsiBin[] = ref.levels.map((l, i) => ({ label: l.value, expected: l.share * present, actual: counts[i] / n }));
  if (unseen > 0) bins.push({ label: UNSEEN_LEVEL, expected: 0, actual: unseen / n });
  if (ref.missingShare > 0 || missing > 0) bins.push({ label: 'missing', expected: ref.missingShare, actual: missing / n });
  return {
    psi: psi(
      bins.map((b) => b.expected),
      bins.map((b) => b.actual),
      epsilon,
    ),
    bins,
    rows: values.length,
  };
}
