/** The newest batch-scored snapshot as the `predictions` table holds it (written by `churn score`), read back for insights. */
import { ChurnError } from '../../errors/index.js';
import type { Store } from '../../store/index.js';

/** The part of `predictions.explanation_json` insights read (see src/scoring explanation-json). */
export interface StoredScoreExplanation {
  up?: { feature: string; text: string; contribution: number | null }[];
  down?: { feature: string; text: string; contribution: number | null }[];
  action?: { ruleId: string; action: string; channel: string; offer: string | null; reason: string } | null;
  monthlyRevenue?: number | null;
  clv?: number | null;
  revenueAtRisk?: number | null;
}

/** One scored customer of a batch-scoring run. */
export interface StoredScore {
  customerId: string;
  probability: number;
  riskBucket: string;
  explanation: StoredScoreExplanation;
}

/** A batch-scoring run: one model, one snapshot date, one row per customer (customer_id order). */
export interface ScoredSnapshot {
  modelId: string;
  snapshotDate: string;
  rows: StoredScore[];
}

/** Which run to read: the newest snapshot date (or `at`), by `modelId` or else the run written last. */
export interface ScoredSnapshotQuery {
  at?: string;
  modelId?: string;
}

/** The scored run asked for, or null when `churn score` has not written one yet. */
export async function findScoredSnapshot(store: Store, query: ScoredSnapshotQuery = {}): Promise<ScoredSnapshot | null> {
  const where = ["source = 'batch_score'"];
  const params: unknown[] = [];
  if (query.at) {
    where.push('snapshot_date = ?');
    params.push(query.at);
  }
  if (query.modelId) {
    where.push('model_id = ?');
    params.push(query.modelId);
  }
  const head = await store.all<{ model_id: string; snapshot_date: string }>(
    `SELECT model_id, snapshot_date FROM predictions WHERE ${where.join(' AND ')}
     ORDER BY snapshot_date DESC, created_at DESC LIMIT 1`,
    params,
  );
  if (head.length === 0) return null;
  const { model_id: modelId, snapshot_date: snapshotDate } = head[0];
  const raw = await store.all<{
    customer_ref: string;
    probability: number;
    risk_bucket: string;
    explanation_json: string | null;
  }>(
    `SELECT customer_ref, probability, risk_bucket, explanation_json FROM predictions
     WHERE source = 'batch_score' AND model_id = ? AND snapshot_date = ? ORDER BY customer_ref`,
    [modelId, snapshotDate],
  );
  const rows = raw.map((r) => ({
    customerId: r.customer_ref,
    probability: Number(r.probability),
    riskBucket: r.risk_bucket,
    explanation: (r.explanation_json ? JSON.parse(r.explanation_json) : {}) as StoredScoreExplanation,
  }));
  return { modelId, snapshotDate, rows };
}

/** Like findScoredSnapshot, but CHURN_ERR_NOT_FOUND telling the user to run `churn score` when there is none. */
export async function requireScoredSnapshot(store: Store, query: ScoredSnapshotQuery = {}): Promise<ScoredSnapshot> {
  const found = await findScoredSnapshot(store, query);
  if (found) return found;
  const at = query.at ? ` on ${query.at}` : '';
  throw new ChurnError('CHURN_ERR_NOT_FOUND', `No scored customers${at}: run \`churn score\` first`, { ...query });
}
