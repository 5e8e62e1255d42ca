/**
 * Decision thresholds chosen in one sorted pass: the F1-optimal one and the one that maximises net value
 * given each customer's benefit and cost. A threshold t means "predict positive when score ≥ t"; it is always
 * one of the scores, so applying it reproduces the reported figures exactly.
 */

import { MlShapeError } from '../errors.js';
import { descendingOrder } from './descending-order.js';
import { binaryCurve, checkMetricInputs } from './ranking.js';

/** The F1-optimal threshold and the metrics there. */
export interface F1Optimum {
  threshold: number;
  f1: number;
  precision: number;
  recall: number;
}

/** Maximises F1 over all distinct scores; among equal F1 the highest threshold (fewest flagged) wins. */
export function f1OptimalThreshold(y: ArrayLike<number>, scores: ArrayLike<number>, weights?: ArrayLike<number>): F1Optimum {
  const c = binaryCurve('f1OptimalThreshold', y, scores, weights);
  if (!(c.positives > 0)) throw new MlShapeError('f1OptimalThreshold: no positive rows, F1 is 0 at every threshold');
  let best = -1;
  let bestF1 = -1;
  for (let k = 0; k < c.thresholds.length; k++) {
    const f1 = (2 * c.tps[k]) / (c.tps[k] + c.fps[k] + c.positives);
    if (f1 > bestF1) {
      bestF1 = f1;
      best = k;
    }
  }
  const tp = c.tps[best];
  return { threshold: c.thresholds[best], f1: bestF1, precision: tp / (tp + c.fps[best]), recall: tp / c.positives };
}

/** The value-maximising threshold: targeting a row earns y·benefit − cost. */
export interface CostOptimum {
  /** +∞ when targeting nobody is best (every prefix loses money). */
  threshold: number;
  /** Σ over targeted rows of (y·benefit − cost). */
  netValue: number;
  /** Rows with score ≥ threshold. */
  targeted: number;
}

/**
 * Maximises Σ_{score ≥ t} (yᵢ·benefitᵢ − costᵢ) over thresholds t: benefitᵢ is what retaining churner i is worth
 * (e.g. CLV × offer success rate), costᵢ what contacting customer i costs. Ties: the highest threshold wins.
 */
export function costOptimalThreshold(
  y: ArrayLike<number>,
  scores: ArrayLike<number>,
  benefit: ArrayLike<number>,
  cost: ArrayLike<number>,
): CostOptimum {
  checkMetricInputs('costOptimalThreshold', y, scores);
  for (const [name, a] of [
    ['benefit', benefit],
    ['cost', cost],
  ] as const) {
    if (a.length !== y.length)
      throw new MlShapeError(`costOptimalThreshold: ${name} has ${a.length} values for ${y.length} rows`);
    for (let i = 0; i < a.length; i++)
      if (a[i] - a[i] !== 0) throw new MlShapeError(`costOptimalThreshold: ${name} at row ${i} is ${a[i]}`, { row: i });
  }
  const order = descendingOrder(scores);
  const best: CostOptimum = { threshold: Number.POSITIVE_INFINITY, netValue: 0, targeted: 0 };
  let net = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    net += (y[i] === 1 ? benefit[i] : 0) - cost[i];
    const endOfTies = k === order.length - 1 || scores[order[k + 1]] !== scores[i];
    if (endOfTies && net > best.netValue) {
      best.threshold = scores[i];
      best.netValue = net;
      best.targeted = k + 1;
    }
  }
  return best;
}
