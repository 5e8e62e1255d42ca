/**
 * A row's strongest drivers picked straight from its contributions, without a driver object per business feature:
 * the same drivers, in the same order, as insights' topDrivers / risingDrivers over the row's whole driver list
 * (larger |contribution| first, equal sizes by feature name, input order for equal names) — a row has dozens of
 * drivers, and an explained reply shows three each way.
 */
import { type RetentionRule, defaultTopK as ruleTopK } from '../insights/index.js';

/** Counts selected by insertion (small positive integers); other counts take the full ranking. */
export const isSelectableCount = (k: number): boolean => Number.isInteger(k) && k >= 1 && k <= 64;

const compare = (fa: string, ca: number, fb: string, cb: number) =>
  Math.abs(cb) - Math.abs(ca) || (fa < fb ? -1 : fa > fb ? 1 : 0);

/**
 * Positions in `names` of the `k` (isSelectableCount) strongest contributions `contributions[offset + j]` raising the
 * risk (`sign` 1: > 0) or lowering it (`sign` -1: < 0), strongest first.
 */
export function strongestIndices(
  names: readonly string[],
  contributions: ArrayLike<number>,
  offset: number,
  k: number,
  sign: 1 | -1,
): number[] {
  const out: number[] = [];
  for (let j = 0; j < names.length; j++) {
    const c = contributions[offset + j];
    if (!(sign > 0 ? c > 0 : c < 0)) continue;
    let i = out.length;
    if (i === k) {
      const w = out[k - 1];
      if (compare(names[j], c, names[w], contributions[offset + w]) >= 0) continue; // not stronger than the weakest kept
      i = k - 1;
    } else out.push(j);
    while (i > 0 && compare(names[j], c, names[out[i - 1]], contributions[offset + out[i - 1]]) < 0) {
      out[i] = out[i - 1];
      i--;
    }
    out[i] = j;
  }
  return out;
}

/**
 * The most risk-raising drivers any of `rules` reads (each reads its first `topK`, default 3), or null when a rule's
 * topK is not a selectable count (then the whole list is handed over).
 */
export function rulesTopK(rules: readonly RetentionRule[]): number | null {
  let k = 1;
  for (const r of rules) {
    const t = r.when.topK ?? ruleTopK;
    if (!isSelectableCount(t)) return null;
    if (t > k) k = t;
  }
  return k;
}
