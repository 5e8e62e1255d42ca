/** Lift and gains by score group (deciles by default): how much richer in churners the top of the ranking is. */

import { MlShapeError } from '../errors.js';
import { descendingOrder } from './descending-order.js';
import { checkMetricInputs } from './ranking.js';

/** One group of the ranking, best scores first. */
export interface LiftGroup {
  /** 1 = the highest scores. */
  group: number;
  rows: number;
  /** Positives in the group; rows tied across a group boundary share their positives pro rata. */
  positives: number;
  rate: number;
  /** rate / overall positive rate. */
  lift: number;
  /** Share of all positives captured by this and the higher groups (the gains curve). */
  cumulativeCapture: number;
  cumulativeLift: number;
}

/** The lift table and its headline figures. */
export interface LiftTable {
  groups: LiftGroup[];
  topGroupLift: number;
  topGroupCapture: number;
}

/**
 * Splits the rows ranked by descending score into `groups` groups of ⌈n/groups⌉ or ⌊n/groups⌋ rows. Tied scores
 * spanning a boundary share their positives pro rata, so the table does not depend on row order.
 */
export function liftTable(y: ArrayLike<number>, scores: ArrayLike<number>, groups = 10): LiftTable {
  checkMetricInputs('liftTable', y, scores);
  const n = y.length;
  if (!Number.isInteger(groups) || groups < 1 || groups > n)
    throw new MlShapeError(`liftTable: groups must be an integer in [1, ${n}], got ${groups}`);
  const start = (g: number) => Math.floor((g * n + groups - 1) / groups); // first rank of group g
  const positives = new Float64Array(groups);
  const order = descendingOrder(scores);
  let totalPositives = 0;
  for (let a = 0; a < n; ) {
    let b = a;
    let pos = 0;
    while (b < n && scores[order[b]] === scores[order[a]]) pos += y[order[b++]];
    totalPositives += pos;
    // Spread the tie block [a, b) over the groups it overlaps.
    for (let g = Math.floor((a * groups) / n); g < groups && start(g) < b; g++) {
      const overlap = Math.min(b, start(g + 1)) - Math.max(a, start(g));
      if (overlap > 0) positives[g] += (pos * overlap) / (b - a);
    }
    a = b;
  }
  if (totalPositives === 0) throw new MlShapeError('liftTable: no positive rows, lift is undefined');
  const baseRate = totalPositives / n;
  let cumRows = 0;
  let cumPos = 0;
  const table: LiftGroup[] = [];
  for (let g = 0; g < groups; g++) {
    const rows = start(g + 1) - start(g);
    cumRows += rows;
    cumPos += positives[g];
    const rate = positives[g] / rows;
    table.push({
      group: g + 1,
      rows,
      positives: positives[g],
      rate,
      lift: rate / baseRate,
      cumulativeCapture: cumPos / totalPositives,
      cumulativeLift: cumPos / cumRows / baseRate,
    });
  }
  return { groups: table, topGroupLift: table[0].lift, topGroupCapture: table[0].cumulativeCapture };
}
