/** Writing a batch-scoring run to the `predictions` table: one row per customer, replacing that model + date's rows. */
import type { Store } from '../../store/index.js';
import { storedExplanation } from './explanation-json.js';
import type { CustomerScores } from './score-customers.js';

/** The `predictions.source` of batch scoring. */
export const batchScoreSource = 'batch_score';

const columns = [
  'created_at',
  'source',
  'customer_ref',
  'snapshot_date',
  'model_id',
  'probability',
  'decision',
  'risk_bucket',
  'explanation_json',
] as const;

/**
 * Replaces the batch-score rows of (model, snapshot date) with this run's, in one transaction: re-running the same
 * model on the same date leaves exactly one row per customer. Returns the rows written.
 */
export async function savePredictions(store: Store, result: CustomerScores, now = new Date()): Promise<number> {
  const createdAt = now.toISOString();
  const rows = result.customers.map((c) => [
    createdAt,
    batchScoreSource,
    c.customerId,
    result.snapshotDate,
    result.modelId,
    c.probability,
    c.decision,
    c.riskBucket,
    JSON.stringify(storedExplanation(c)),
  ]);
  return store.transaction(async (tx) => {
    await tx.run('DELETE FROM predictions WHERE source = ? AND model_id = ? AND snapshot_date = ?', [
      batchScoreSource,
      result.modelId,
      result.snapshotDate,
    ]);
    return tx.insertMany('predictions', columns, rows);
  });
}
