/** snapshotAt: one row per customer active at a cutoff, features from rows dated ≤ cutoff, label from (cutoff, cutoff + horizon]. */
import { ChurnError } from '../errors/index.js';
import type { Store } from '../store/index.js';
import { type DataRange, dataRange } from './data-range.js';
import { addDays, dayNumber } from './dates.js';
import type { FeatureFrame } from './frame.js';
import { checkHorizon } from './horizon.js';
import { queryTable } from './query-table.js';
import { finishSnapshot } from './snapshot-finish.js';
import { snapshotQuery } from './snapshot-sql.js';

/** One point-in-time snapshot. */
export interface Snapshot {
  cutoff: string;
  horizonDays: number;
  /** Newest day in the data (decides label maturity only). */
  newestDate: string | null;
  /** True when cutoff + horizon ≤ newestDate, i.e. every label is fully observed. */
  labelsMature: boolean;
  /** Features of every customer active at the cutoff, sorted by customer_id. */
  frame: FeatureFrame;
  /** 1 = churned within the horizon, 0 = stayed, NaN = not yet observable (immature horizon). */
  label: Float64Array;
}

export interface SnapshotOptions {
  /** Label horizon in days (default 30). */
  horizonDays?: number;
  /** A data range computed earlier in the same call (training sets compute it once for all cutoffs). */
  range?: DataRange;
}

/** Computes the snapshot at `cutoff` (ISO day) with one SQL query. */
export async function snapshotAt(store: Store, cutoff: string, options: SnapshotOptions = {}): Promise<Snapshot> {
  dayNumber(cutoff, 'cutoff');
  const horizonDays = checkHorizon(options.horizonDays ?? 30);
  const range = options.range ?? (await dataRange(store));
  const labelsMature = range.newest !== null && addDays(cutoff, horizonDays) <= range.newest;
  const { sql, params } = snapshotQuery(store.dialect, cutoff, horizonDays);
  const { frame, churned } = finishSnapshot(await queryTable(store, sql, params), cutoff);
  const label = Float64Array.from(churned, (c) => (labelsMature ? c : Number.NaN));
  return { cutoff, horizonDays, newestDate: range.newest, labelsMature, frame, label };
}

/** The snapshot to score now: at the newest day of the data (its labels are never mature). CHURN_ERR_NO_DATA on an empty store. */
export async function latestSnapshot(store: Store, options: Omit<SnapshotOptions, 'range'> = {}): Promise<Snapshot> {
  const range = await dataRange(store);
  if (!range.newest)
    throw new ChurnError('CHURN_ERR_NO_DATA', 'The store holds no data to score (run churn generate or churn load)');
  return snapshotAt(store, range.newest, { ...options, range });
}
