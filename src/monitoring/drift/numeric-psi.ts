/** PSI of a numeric feature against its stored reference bins (edges + shares + missing share). */
import type { PsiBin, PsiResult } from './bins.js';
import { DEFAULT_PSI_EPSILON, psi } from './psi.js';

/** The reference of a numeric feature as the training pipeline stores it (see src/training/baseline.ts). */
export interface NumericReference {
  /** Inner edges e₁ < … < e_m; bin i is [e_i, e_{i+1}) with e₀ = −∞, e_{m+1} = +∞. */
  edges: readonly number[];
  /** Shares of present values per bin (Σ = 1). */
  shares: readonly number[];
  /** Share of all rows that were missing. */
  missingShare: number;
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(4));

function binLabel(edges: readonly number[], i: number): string {
  if (edges.length === 0) return 'all values';
  if (i === 0) return `< ${fmt(edges[0])}`;
  if (i === edges.length) return `≥ ${fmt(edges[i - 1])}`;
  return `[${fmt(edges[i - 1])}, ${fmt(edges[i])})`;
}

/**
 * Missing values are one more bin on both sides, so a feature that starts arriving empty drifts. Shares on both sides
 * are of ALL rows: present-bin shares are scaled by (1 − missing share).
 */
export function numericPsi(ref: NumericReference, values: ArrayLike<number>, epsilon = DEFAULT_PSI_EPSILON): PsiResult {
  const { edges } = ref;
  const counts = new Float64Array(edges.length + 2);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x !== x) {
      counts[edges.length + 1]++;
      continue;
    }
    // Binary search for the first edge > x: that index is the bin.
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (x >= edges[mid]) lo = mid + 1;
      else hi = mid;
    }
    counts[lo]++;
  }
  const n = values.length || 1;
  const present = 1 - ref.missingShare;
  const bins: PsiBin[] = [];
  for (let i = 0; i <= edges.length; i++)
    bins.push({ label: binLabel(edges, i), expected: (ref.shares[i] ?? 0) * present, actual: counts[i] / n });
  const missingActual = counts[edges.length + 1] / n;
  if (ref.missingShare > 0 || missingActual > 0)
    bins.push({ label: 'missing', expected: ref.missingShare, actual: missingActual });
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
