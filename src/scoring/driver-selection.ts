/**
 * A row's strongest drivers picked straight from its contributions, without a driver object per business feature:
 * the same drivers, in the same order, as insights' topDrivers / risingDrivers over the row's whole driver list
 * (larger |contribution| first, equal sizes by feature name, input order for equal names) — a row has dozens of
 * drivers, and an explained reply shows three each way.
 */
import { compareStrength as compare } from '../insights/index.js';

/**
 * Positions in `names` of the `k` (insights' isSelectableCount) strongest contributions `contributions[offset + j]`
 * raising the risk (`sign` 1: > 0) or lowering it (`sign` -1: < 0), strongest first (insights' compareStrength).
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
