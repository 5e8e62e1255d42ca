/** `churn segment`: k-means on the standardised behaviour of one snapshot, a k = 2..8 report, named segment profiles. */
import { ChurnError } from '../../errors/index.js';
import { dataRange, snapshotAt } from '../../features/index.js';
import { fitKMeans, permutation, rng, silhouette, takeRows } from '../../ml/index.js';
import type { Store } from '../../store/index.js';
import { findScoredSnapshot } from '../scored/read-scores.js';
import { behaviourMatrix, monthlyRevenueColumn } from './behaviour-matrix.js';
import { nameSegments } from './name-segments.js';
import { orderSegments, relabel } from './order-segments.js';
import { segmentInputsFromClusters } from './segment-input.js';

/** Options of `segmentSnapshot`. */
export interface SegmentOptions {
  k?: number;
  seed?: number;
  /** Snapshot day; default the newest data date. */
  at?: string;
  horizonDays?: number;
  /** The k range of the inertia / silhouette report (default 2..8). */
  reportKs?: number[];
  /** Rows the k = 2..8 report is fitted on (seeded sample; default 10,000). */
  reportSample?: number;
  /** Rows the silhouette is computed on (seeded sample; default 2,000). */
  silhouetteSample?: number;
}

/** One segment's profile. */
export interface SegmentProfile {
  id: number;
  name: string;
  size: number;
  share: number;
  /** Realised churn rate when the snapshot's labels are mature, else the mean predicted probability; null if neither. */
  churn_rate: number | null;
  monthly_revenue: number;
  revenue: number;
  mean_features: Record<string, number>;
  /** The centroid in z-scores (what the name is read from). */
  centroid: Record<string, number>;
  traits: string[];
  rationale: string;
}

/** The result of one segmentation. */
export interface Segmentation {
  snapshot_date: string;
  k: number;
  seed: number;
  customers: number;
  features: string[];
  churn_rate_source: 'realised' | 'predicted' | 'unknown';
  report: { k: number; inertia: number; silhouette: number | null }[];
  segments: SegmentProfile[];
  /** Per customer (customer_id order): stable segment id. */
  assignments: { customerId: string; segmentId: number; segmentName: string }[];
}

/** Segments every customer active at `at` (default newest); deterministic for a seed. */
export async function segmentSnapshot(store: Store, options: SegmentOptions = {}): Promise<Segmentation> {
  const k = options.k ?? 4;
  const seed = options.seed ?? 42;
  if (!(Number.isInteger(k) && k >= 2 && k <= 20))
    throw new ChurnError('CHURN_ERR_PARAM', `k must be a whole number from 2 to 20 (got ${k})`, { field: 'k', value: k });
  const at = options.at ?? (await dataRange(store)).newest;
  if (!at) throw new ChurnError('CHURN_ERR_NO_DATA', 'The store holds no data to segment: load or generate data first');
  const snap = await snapshotAt(store, at, { horizonDays: options.horizonDays ?? 30 });
  const n = snap.frame.nRows;
  if (n < k)
    throw new ChurnError('CHURN_ERR_NO_DATA', `${n} customers active on ${at}: too few for ${k} segments`, {
      at,
      customers: n,
      k,
    });
  const { X, features, mean, sd } = behaviourMatrix(snap.frame);
  const sample = Math.min(n, options.silhouetteSample ?? 2000);
  // The k = 2..8 report is fitted on a seeded sample for large n (inertia scaled to all rows): 7 full fits of 100k
  // customers took ~2 minutes; the chosen k is always fitted on every customer.
  const reportRows = options.reportSample ?? 10_000;
  const RX = n > reportRows ? takeRows(X, permutation(rng(seed), n).slice(0, reportRows)) : X;
  const report = (options.reportKs ?? [2, 3, 4, 5, 6, 7, 8])
    .filter((kk) => kk <= RX.nRows - 1)
    .map((kk) => {
      const f = fitKMeans(RX, { k: kk, seed, nInit: 4 });
      const present = new Set(f.labels).size;
      const s = present >= 2 ? silhouette(RX, f.labels, { sampleSize: Math.min(sample, RX.nRows), seed }) : null;
      return { k: kk, inertia: (f.inertia * n) / RX.nRows, silhouette: s };
    });
  const fit = fitKMeans(X, { k, seed, nInit: 4 });

  const { churn, source } = await churnOf(store, snap.frame.customerId, snap.label, snap.labelsMature, at);
  const inputs = segmentInputsFromClusters({
    k,
    featureNames: features,
    centroids: fit.centroids,
    labels: fit.labels,
    churn: churn ?? new Float64Array(n),
  });
  const named = nameSegments(inputs);
  const ids = relabel(fit.labels, orderSegments(inputs));
  const revenue = monthlyRevenueColumn(snap.frame);
  const p = features.length;
  const segments: SegmentProfile[] = named.map((s) => {
    let rev = 0;
    for (let i = 0; i < n; i++) if (ids[i] === s.segmentId && Number.isFinite(revenue[i])) rev += revenue[i];
    const meanFeatures: Record<string, number> = {};
    const centroid: Record<string, number> = {};
    features.forEach((f, j) => {
      const z = fit.centroids[s.cluster * p + j];
      meanFeatures[f] = round(mean[j] + sd[j] * z);
      centroid[f] = z;
    });
    return {
      id: s.segmentId,
      name: s.name,
      size: s.size,
      share: s.share,
      churn_rate: churn ? s.churnRate : null,
      monthly_revenue: round(rev),
      revenue: round(rev),
      mean_features: meanFeatures,
      centroid,
      traits: s.traits,
      rationale: s.rationale,
    };
  });
  const nameOf = new Map(segments.map((s) => [s.id, s.name]));
  return {
    snapshot_date: at,
    k,
    seed,
    customers: n,
    features,
    churn_rate_source: source,
    report,
    segments,
    assignments: snap.frame.customerId.map((customerId, i) => ({
      customerId,
      segmentId: ids[i],
      segmentName: nameOf.get(ids[i]) ?? '',
    })),
  };
}

const round = (v: number) => Math.round(v * 1e4) / 1e4 || 0; // no -0: it does not survive JSON

/** Realised labels when mature; else predicted probabilities of a scoring run on that date (customers it lacks: NaN-free 0). */
async function churnOf(
  store: Store,
  ids: string[],
  label: Float64Array,
  mature: boolean,
  at: string,
): Promise<{ churn: Float64Array | null; source: Segmentation['churn_rate_source'] }> {
  if (mature) return { churn: label, source: 'realised' };
  const scored = await findScoredSnapshot(store, { at });
  if (!scored) return { churn: null, source: 'unknown' };
  const p = new Map(scored.rows.map((r) => [r.customerId, r.probability]));
  const missing = ids.filter((id) => !p.has(id)).length;
  if (missing > 0) return { churn: null, source: 'unknown' };
  return { churn: Float64Array.from(ids, (id) => p.get(id) ?? 0), source: 'predicted' };
}
