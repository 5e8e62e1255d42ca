/** Feature importance as scikit-learn defines it: weighted impurity decrease per feature, normalised to sum to 1. */

/** A copy of `raw` scaled to sum to 1 (left all zero when nothing was split). */
export function normaliseImportance(raw: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(raw);
  let sum = 0;
  for (let i = 0; i < out.length; i++) sum += out[i];
  if (sum > 0) for (let i = 0; i < out.length; i++) out[i] /= sum;
  return out;
}

/** The mean of per-model importances (each already normalised), normalised again. */
export function meanImportance(parts: readonly ArrayLike<number>[], nFeatures: number): Float64Array {
  const out = new Float64Array(nFeatures);
  for (const part of parts) for (let f = 0; f < nFeatures; f++) out[f] += part[f];
  return normaliseImportance(out);
}
