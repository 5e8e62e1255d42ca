/**
 * How the logistic passes see the columns: most one-hot encoded columns are 0/1 indicators set on a minority of rows,
 * and are kept as the ascending lists of those rows; every other column is dense. A term x·v with x = 0 is ±0, which
 * leaves any sum it is added to unchanged, and with x = 1 it is v exactly, so summing over an indicator's rows only
 * gives the bits of the dense sum, in the same order (see logistic-loss.ts).
 */

import type { Column } from '../matrix.js';
import type { LogisticData } from './logistic-loss.js';

/** An indicator column is kept as a row list when at most this share of its rows are 1. */
const SPARSE_SHARE = 0.5;

export interface ColumnLayout {
  /** Per column: its index among the dense columns, or −1 − (its index among the indicator columns). */
  slot: Int32Array;
  /** Original indices of the dense columns, ascending. */
  dense: Int32Array;
  /** Original indices of the indicator columns, ascending. */
  sparse: Int32Array;
  /** Rows where indicator s is 1: rows[starts[s]] … rows[starts[s + 1] − 1], ascending. */
  starts: Int32Array;
  rows: Int32Array;
  /** The same by row: the indicators (by their index s, ascending) that are 1 in row i are rowSparse[rowStarts[i] …]. */
  rowStarts: Int32Array;
  rowSparse: Int32Array;
}

const layouts = new WeakMap<LogisticData, ColumnLayout>();

/**
 * The layout of `data`'s columns, computed once per LogisticData object (a fit builds one and keeps its columns
 * unchanged while it runs).
 */
export function columnLayout(data: LogisticData): ColumnLayout {
  let layout = layouts.get(data);
  if (!layout) {
    layout = buildLayout(data.columns, data.nRows);
    layouts.set(data, layout);
  }
  return layout;
}

/** Number of 1s when every value is exactly 0 or 1 and at most SPARSE_SHARE of them are 1, else −1. */
function indicatorCount(col: Column, n: number): number {
  const limit = SPARSE_SHARE * n;
  let ones = 0;
  for (let i = 0; i < n; i++) {
    const v = col[i];
    if (v === 1) {
      if (++ones > limit) return -1;
    } else if (v !== 0) return -1;
  }
  return ones;
}

function buildLayout(columns: Column[], n: number): ColumnLayout {
  const p = columns.length;
  const slot = new Int32Array(p);
  const dense: number[] = [];
  const sparse: number[] = [];
  const counts: number[] = [];
  for (let j = 0; j < p; j++) {
    const ones = indicatorCount(columns[j], n);
    if (ones < 0) {
      slot[j] = dense.length;
      dense.push(j);
    } else {
      slot[j] = -1 - sparse.length;
      sparse.push(j);
      counts.push(ones);
    }
  }
  const starts = new Int32Array(sparse.length + 1);
  for (let s = 0; s < sparse.length; s++) starts[s + 1] = starts[s] + counts[s];
  const rows = new Int32Array(starts[sparse.length]);
  const rowStarts = new Int32Array(n + 1);
  sparse.forEach((j, s) => {
    const col = columns[j];
    let e = starts[s];
    for (let i = 0; i < n; i++)
      if (col[i] === 1) {
        rows[e++] = i;
        rowStarts[i + 1]++;
      }
  });
  for (let i = 0; i < n; i++) rowStarts[i + 1] += rowStarts[i];
  const rowSparse = new Int32Array(rows.length);
  const fill = rowStarts.slice(0, n);
  for (let s = 0; s < sparse.length; s++) for (let e = starts[s]; e < starts[s + 1]; e++) rowSparse[fill[rows[e]]++] = s;
  return { slot, dense: Int32Array.from(dense), sparse: Int32Array.from(sparse), starts, rows, rowStarts, rowSparse };
}
