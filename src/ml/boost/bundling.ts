/**
 * Histogram columns ("groups") and their byte encoding. Two ideas from LightGBM, both exact:
 * - sparse features (one bin holds at least half the rows) are encoded so that this default bin is group bin 0,
 *   which the histogram builder skips; the default bin's sums are recovered as node total minus the rest.
 *   Skipping it is most of the speed: it avoids the chain of updates to one hot slot row after row.
 * - exclusive feature bundling (conflict-free only): sparse features without missing values that are never off
 *   their default bin in the same row (one-hot groups) share one group, so k dummies cost one byte per row.
 */

import { MISSING_BIN } from './binning.js';

/** How features map to histogram columns. Groups [0, nDense) are stored as is; the rest skip group bin 0. */
export interface GroupLayout {
  nFeatures: number;
  nGroups: number;
  /** Groups [0, nDense) hold one feature with its own bins; later groups are default-encoded. */
  nDense: number;
  /** feature → group. */
  groupOf: Int32Array;
  /** feature → group bin of its first non-default bin; -1 for a dense feature (group bins = feature bins). */
  offset: Int32Array;
  /** feature → its most frequent bin (group bin 0 when encoded). */
  defaultBin: Int32Array;
  /** feature → number of value bins. */
  nBins: Int32Array;
}

/**
 * Plans groups over per-feature bin columns: dense features first, then bundles of exclusive sparse features
 * (greedy, most non-default rows first, first bundle with no conflicting row and room in one byte), then the
 * remaining sparse features alone. `bundle` false keeps every sparse feature alone.
 */
export function planGroups(columns: Uint8Array[], nBins: Int32Array, bundle: boolean): GroupLayout {
  const nFeatures = columns.length;
  const nRows = nFeatures === 0 ? 0 : columns[0].length;
  const defaultBin = new Int32Array(nFeatures);
  const nonDefault = new Int32Array(nFeatures);
  const hasMissing = new Uint8Array(nFeatures);
  const dense: number[] = [];
  const sparse: number[] = [];
  for (let f = 0; f < nFeatures; f++) {
    const counts = new Int32Array(256);
    const col = columns[f];
    for (let i = 0; i < nRows; i++) counts[col[i]]++;
    let best = 0;
    for (let b = 1; b < MISSING_BIN; b++) if (counts[b] > counts[best]) best = b;
    defaultBin[f] = best;
    nonDefault[f] = nRows - counts[best];
    hasMissing[f] = counts[MISSING_BIN] > 0 ? 1 : 0;
    (counts[best] * 2 >= nRows ? sparse : dense).push(f);
  }
  const candidates = sparse.filter((f) => bundle && hasMissing[f] === 0).sort((a, b) => nonDefault[b] - nonDefault[a] || a - b);

  const bundles: { features: number[]; used: Uint8Array; binsUsed: number }[] = [];
  for (const f of candidates) {
    // The rows off the default bin: a sparse feature has at most half of them, so conflict checks read only those.
    const rows = nonDefaultRows(columns[f], defaultBin[f], nonDefault[f]);
    const need = nBins[f] - 1;
    let home = bundles.find((b) => {
      if (b.binsUsed + need > MISSING_BIN - 1) return false;
      for (let k = 0; k < rows.length; k++) if (b.used[rows[k]] === 1) return false;
      return true;
    });
    if (home === undefined) {
      home = { features: [], used: new Uint8Array(nRows), binsUsed: 0 };
      bundles.push(home);
    }
    home.features.push(f);
    home.binsUsed += need;
    for (let k = 0; k < rows.length; k++) home.used[rows[k]] = 1;
  }

  const groupOf = new Int32Array(nFeatures).fill(-1);
  const offset = new Int32Array(nFeatures).fill(-1);
  let nGroups = 0;
  for (const f of dense) groupOf[f] = nGroups++;
  const multi = bundles.filter((b) => b.features.length > 1).map((b) => b.features.sort((x, y) => x - y));
  const inBundle = new Set(multi.flat());
  const encodedGroups = [...multi, ...sparse.filter((f) => !inBundle.has(f)).map((f) => [f])];
  for (const members of encodedGroups) {
    let next = 1; // group bin 0 = every member at its default bin
    for (const f of members) {
      groupOf[f] = nGroups;
      offset[f] = next;
      next += nBins[f] - 1;
    }
    nGroups++;
  }
  return { nFeatures, nGroups, nDense: dense.length, groupOf, offset, defaultBin, nBins: Int32Array.from(nBins) };
}

/** Positions of the `count` rows of a bin column that are not at bin `def`. */
function nonDefaultRows(col: Uint8Array, def: number, count: number): Int32Array {
  const rows = new Int32Array(count);
  for (let i = 0, k = 0; i < col.length; i++) if (col[i] !== def) rows[k++] = i;
  return rows;
}

/** The group bin that feature f's bin b is stored as. Missing stays MISSING_BIN (only lone features have it). */
export function groupBinOf(layout: GroupLayout, f: number, b: number): number {
  const off = layout.offset[f];
  if (off < 0 || b === MISSING_BIN) return b;
  const def = layout.defaultBin[f];
  if (b === def) return 0;
  return off + (b < def ? b : b - 1);
}

/** Feature f's bin, read back from the group bin gb of its group. */
export function featureBinOf(layout: GroupLayout, f: number, gb: number): number {
  const off = layout.offset[f];
  if (off < 0 || gb === MISSING_BIN) return gb;
  const k = gb - off;
  if (gb === 0 || k < 0 || k >= layout.nBins[f] - 1) return layout.defaultBin[f];
  return k < layout.defaultBin[f] ? k : k + 1;
}

/** Groups that hold several features (for reports and tests). */
export function bundledGroups(layout: GroupLayout): number[][] {
  const groups: number[][] = Array.from({ length: layout.nGroups }, () => []);
  for (let f = 0; f < layout.nFeatures; f++) groups[layout.groupOf[f]].push(f);
  return groups.filter((g) => g.length > 1);
}
