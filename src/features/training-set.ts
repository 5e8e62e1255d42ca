/** buildTrainingSet: stacks mature snapshots at several cutoffs and marks the out-of-time validation part. */
import { ChurnError } from '../errors/index.js';
import type { Store } from '../store/index.js';
import { type CutoffRole, matureCutoffs, monthlyCutoffs, planCutoffs } from './cutoffs.js';
import { dataRange } from './data-range.js';
import { concatFrames, type FeatureFrame } from './frame.js';
import { checkHorizon } from './horizon.js';
import { snapshotsAt } from './parallel/snapshot-pool.js';

export interface TrainingSetOptions {
  /** Explicit cutoffs (ISO days); each must be mature. */
  cutoffs?: readonly string[];
  /** Month ends from the first with 60 days of history to the last mature one (used when `cutoffs` is not given). */
  monthly?: boolean;
  horizonDays?: number;
  /** How many of the latest cutoffs to hold out (default 1), or the exact validation cutoffs. */
  validationCutoffs?: number | readonly string[];
  /** Called after each snapshot (progress display). */
  onSnapshot?: (done: number, total: number, cutoff: string) => void;
  /** Two snapshots at a time: true = always, false = never, unset = on large data (same result either way). */
  parallel?: boolean;
}

/** Rows and churn of one cutoff. */
export interface CutoffSummary {
  cutoff: string;
  role: CutoffRole;
  rows: number;
  churned: number;
  churnRate: number;
}

/** Stacked snapshots (train + validation rows; purged cutoffs are summarised but not included). */
export interface TrainingSet {
  horizonDays: number;
  newestDate: string;
  /** Snapshot features (not yet derived), rows ordered by cutoff then customer_id. */
  frame: FeatureFrame;
  /** 1 = churned within the horizon. */
  label: Uint8Array;
  /** 1 = the row belongs to the out-of-time validation part. */
  isValidation: Uint8Array;
  cutoffs: CutoffSummary[];
}

/** Builds the training set: one snapshot query per cutoff, labels always mature. */
export async function buildTrainingSet(store: Store, options: TrainingSetOptions = {}): Promise<TrainingSet> {
  const horizonDays = checkHorizon(options.horizonDays ?? 30);
  const range = await dataRange(store);
  const requested = options.cutoffs ?? (options.monthly !== false ? monthlyCutoffs(range, horizonDays) : []);
  const cutoffs = matureCutoffs(requested, range, horizonDays);
  if (cutoffs.length < 2)
    throw new ChurnError('CHURN_ERR_NO_DATA', `A training set needs at least 2 mature cutoffs (found ${cutoffs.length})`, {
      cutoffs,
      newestDate: range.newest,
      horizonDays,
    });
  const roles = planCutoffs(cutoffs, options.validationCutoffs ?? 1, horizonDays);
  const frames: FeatureFrame[] = [];
  const labels: Uint8Array[] = [];
  const validation: Uint8Array[] = [];
  const summaries: CutoffSummary[] = [];
  const snapshots = await snapshotsAt(store, cutoffs, {
    horizonDays,
    range,
    parallel: options.parallel,
    onSnapshot: (done, cutoff) => options.onSnapshot?.(done, cutoffs.length, cutoff),
  });
  for (const snap of snapshots) {
    const role = roles.get(snap.cutoff) as CutoffRole;
    const label = Uint8Array.from(snap.label);
    const churned = label.reduce((n, v) => n + v, 0);
    const rows = snap.frame.nRows;
    summaries.push({ cutoff: snap.cutoff, role, rows, churned, churnRate: rows ? churned / rows : 0 });
    if (role !== 'purged') {
      frames.push(snap.frame);
      labels.push(label);
      validation.push(new Uint8Array(rows).fill(role === 'validation' ? 1 : 0));
    }
  }
  return {
    horizonDays,
    newestDate: range.newest as string,
    frame: concatFrames(frames),
    label: concat(labels),
    isValidation: concat(validation),
    cutoffs: summaries,
  };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
