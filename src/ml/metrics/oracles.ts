/**
 * The naive versions kept as test oracles (STYLE 7): quadratic pairwise AUC and an exhaustive threshold scan.
 * Not exported from src/ml; the fast metrics are tested equal to these on random inputs with many ties.
 */

/** Σ over (positive, negative) pairs of wᵢwⱼ·([sᵢ > sⱼ] + ½[sᵢ = sⱼ]) / (W₊W₋). O(n²). */
export function pairwiseAuc(y: ArrayLike<number>, s: ArrayLike<number>, w?: ArrayLike<number>): number {
  let num = 0;
  let pos = 0;
  let neg = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = w ? w[i] : 1;
    if (y[i] === 1) pos += wi;
    else neg += wi;
    if (y[i] !== 1) continue;
    for (let j = 0; j < y.length; j++) {
      if (y[j] !== 0) continue;
      const wj = w ? w[j] : 1;
      num += wi * wj * (s[i] > s[j] ? 1 : s[i] === s[j] ? 0.5 : 0);
    }
  }
  return num / (pos * neg);
}

/** Best F1 by trying every distinct score as "positive when score ≥ t" and counting from scratch. O(n²). */
export function scanF1Threshold(y: ArrayLike<number>, s: ArrayLike<number>): { threshold: number; f1: number } {
  const candidates = [...new Set(Array.from(s))].sort((a, b) => b - a);
  let best = { threshold: Number.NaN, f1: -1 };
  for (const t of candidates) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < y.length; i++) {
      if (s[i] >= t && y[i] === 1) tp++;
      else if (s[i] >= t) fp++;
      else if (y[i] === 1) fn++;
    }
    const f1 = (2 * tp) / (2 * tp + fp + fn);
    if (f1 > best.f1) best = { threshold: t, f1 };
  }
  return best;
}

/** Best net value Σ_{s ≥ t}(y·benefit − cost) by trying every distinct score (and "nobody"). O(n²). */
export function scanCostThreshold(
  y: ArrayLike<number>,
  s: ArrayLike<number>,
  benefit: ArrayLike<number>,
  cost: ArrayLike<number>,
): { threshold: number; netValue: number } {
  const candidates = [...new Set(Array.from(s))].sort((a, b) => b - a);
  let best = { threshold: Number.POSITIVE_INFINITY, netValue: 0 };
  for (const t of candidates) {
    let net = 0;
    for (let i = 0; i < y.length; i++) if (s[i] >= t) net += (y[i] === 1 ? benefit[i] : 0) - cost[i];
    if (net > best.netValue) best = { threshold: t, netValue: net };
  }
  return best;
}
