/** The Population Stability Index over two share vectors, with an explicit empty-bin rule. */

/**
 * Shares below `epsilon` are raised to `epsilon` before the log (no renormalisation), so an empty bin on either side
 * adds a large but finite term instead of Infinity. Default 1e-4: an empty bin facing a 10 % bin contributes
 * (0.1 − 0.0001)·ln(0.1/0.0001) ≈ 0.69 — always "drift", never a crash.
 */
export const DEFAULT_PSI_EPSILON = 1e-4;

/** PSI = Σ (actual − expected) · ln(actual / expected), over bins aligned by index. */
export function psi(expected: readonly number[], actual: readonly number[], epsilon = DEFAULT_PSI_EPSILON): number {
  if (expected.length !== actual.length) throw new Error(`psi: ${expected.length} expected bins vs ${actual.length} actual bins`);
  let total = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = Math.max(expected[i], epsilon);
    const a = Math.max(actual[i], epsilon);
    total += (a - e) * Math.log(a / e);
  }
  return total;
}
