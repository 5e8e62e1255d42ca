/**
 * The exact greedy split finder (XGBoost's `exact`): sort each feature's values in the node and try every cut
 * between neighbouring distinct values, missing values right then left (with none in the node, future ones
 * follow the heavier child, the histogram splitter's rule). Slow; kept as the oracle of the histogram
 * splitter, which must agree with it whenever every distinct value has its own bin.
 */

import type { Matrix } from '../matrix.js';
import { cutBetween } from './binning.js';
import { leafScore, MIN_GAIN, type Regularisation, splitGain } from './splitting.js';

/** The best exact split, in raw units. */
export interface ExactSplit {
  feature: number;
  threshold: number;
  missingLeft: boolean;
  gain: number;
}

/** Best split over `features` of the node holding `rows`, or undefined when none gains more than gamma. */
export function findExactSplit(
  X: Matrix,
  rows: ArrayLike<number>,
  grad: ArrayLike<number>,
  hess: ArrayLike<number>,
  features: ArrayLike<number>,
  reg: Regularisation,
): ExactSplit | undefined {
  let G = 0;
  let H = 0;
  for (let k = 0; k < rows.length; k++) {
    G += grad[rows[k]];
    H += hess[rows[k]];
  }
  const parentScore = leafScore(G, H, reg);
  let best: ExactSplit | undefined;
  let bestGain = Math.max(reg.gamma, MIN_GAIN);
  for (let q = 0; q < features.length; q++) {
    const f = features[q];
    const col = X.columns[f];
    const present: number[] = [];
    let mg = 0;
    let mh = 0;
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k];
      if (col[r] !== col[r]) {
        mg += grad[r];
        mh += hess[r];
      } else present.push(r);
    }
    present.sort((a, b) => col[a] - col[b]);
    const hasMissing = mh > 0;
    let gl = 0;
    let hl = 0;
    for (let k = 0; k < present.length; k++) {
      gl += grad[present[k]];
      hl += hess[present[k]];
      const x = col[present[k]];
      const last = k === present.length - 1;
      if (!last && col[present[k + 1]] === x) continue;
      const threshold = last ? Number.POSITIVE_INFINITY : cutBetween(x, col[present[k + 1]]);
      if (!last || hasMissing) {
        const gain = splitGain(G, H, gl, hl, parentScore, reg);
        if (gain > bestGain) {
          bestGain = gain;
          best = { feature: f, threshold, missingLeft: hasMissing ? false : hl >= H - hl, gain };
        }
      }
      if (hasMissing && !last) {
        const gain = splitGain(G, H, gl + mg, hl + mh, parentScore, reg);
        if (gain > bestGain) {
          bestGain = gain;
          best = { feature: f, threshold, missingLeft: true, gain };
        }
      }
    }
  }
  return best;
}
