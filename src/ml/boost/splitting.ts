/**
 * The histogram split finder: for each allowed feature, scan its bins left to right and score "bin <= b goes left"
 * with missing values sent right, then left; keep the best gain (XGBoost's regularised second-order gain).
 */

import { MISSING_BIN } from './binning.js';

/** Regularisation that shapes gains and leaf weights. */
export interface Regularisation {
  lambda: number;
  alpha: number;
  gamma: number;
  minChildWeight: number;
}

/** The best split of a node, in bin units. */
export interface SplitCandidate {
  feature: number;
  /** Rows with bin <= this go left. */
  bin: number;
  missingLeft: boolean;
  gain: number;
  leftG: number;
  leftH: number;
  rightG: number;
  rightH: number;
}

/** XGBoost's floor on a useful gain (kRtEps): smaller gains are rounding noise. */
export const MIN_GAIN = 1e-6;

/** Soft-thresholded gradient sum (L1 regularisation). */
export function thresholdL1(g: number, alpha: number): number {
  if (g > alpha) return g - alpha;
  if (g < -alpha) return g + alpha;
  return 0;
}

/** Loss reduction of a leaf holding gradient sum G and hessian sum H (twice the negative optimal loss). */
export function leafScore(G: number, H: number, reg: Regularisation): number {
  const t = thresholdL1(G, reg.alpha);
  return (t * t) / (H + reg.lambda);
}

/** Optimal leaf weight −T(G)/(H + λ), before the learning rate. */
export function leafWeight(G: number, H: number, reg: Regularisation): number {
  return -thresholdL1(G, reg.alpha) / (H + reg.lambda);
}

/** Gain of splitting (G, H) into left (gl, hl) and the rest; -Infinity when a child is too light. */
export function splitGain(G: number, H: number, gl: number, hl: number, parentScore: number, reg: Regularisation): number {
  const hr = H - hl;
  if (hl < reg.minChildWeight || hr < reg.minChildWeight || hl <= 0 || hr <= 0) return Number.NEGATIVE_INFINITY;
  return leafScore(gl, hl, reg) + leafScore(G - gl, hr, reg) - parentScore;
}

/**
 * Best split of a node from its feature histogram, or undefined when no split gains more than gamma.
 * Ties keep the first candidate in order (feature, bin, missing right before missing left), as the exact splitter does.
 */
export function findBestSplit(
  hist: Float64Array,
  nBins: Int32Array,
  features: Int32Array,
  G: number,
  H: number,
  reg: Regularisation,
): SplitCandidate | undefined {
  const parentScore = leafScore(G, H, reg);
  let best: SplitCandidate | undefined;
  let bestGain = Math.max(reg.gamma, MIN_GAIN);
  for (let q = 0; q < features.length; q++) {
    const f = features[q];
    const base = f * 512;
    const mg = hist[base + 2 * MISSING_BIN];
    const mh = hist[base + 2 * MISSING_BIN + 1];
    const hasMissing = mh > 0;
    const nb = nBins[f];
    let gl = 0;
    let hl = 0;
    for (let b = 0; b < nb; b++) {
      gl += hist[base + 2 * b];
      hl += hist[base + 2 * b + 1];
      if (b < nb - 1 || hasMissing) {
        const gain = splitGain(G, H, gl, hl, parentScore, reg);
        if (gain > bestGain) {
          bestGain = gain;
          best = { feature: f, bin: b, missingLeft: false, gain, leftG: gl, leftH: hl, rightG: G - gl, rightH: H - hl };
        }
      }
      if (hasMissing && b < nb - 1) {
        const gain = splitGain(G, H, gl + mg, hl + mh, parentScore, reg);
        if (gain > bestGain) {
          bestGain = gain;
          best = {
            feature: f,
            bin: b,
            missingLeft: true,
            gain,
            leftG: gl + mg,
            leftH: hl + mh,
            rightG: G - gl - mg,
            rightH: H - hl - mh,
          };
        }
      }
    }
    // No missing value seen here: send future ones to the heavier child, the likelier home of an unseen row.
    if (best !== undefined && best.feature === f && !hasMissing) best.missingLeft = best.leftH >= best.rightH;
  }
  return best;
}
