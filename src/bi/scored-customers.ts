/** The rows every BI surface reads: the newest batch-scored date's customers, with attributes, current plan and segment. */
import { ChurnError } from '../errors/index.js';
import { daysBetween } from '../features/index.js';
import { latestSegmentNames } from '../insights/index.js';
import type { StoredExplanation } from '../scoring/index.js';
import type { Store } from '../store/index.js';

/** One scored customer with what an analyst slices by. */
export interface ScoredCustomer {
  customerId: string;
  region: string;
  city: string | null;
  deviceType: string;
  acquisitionChannel: string;
  gender: string | null;
  planType: string | null;
  billingCycle: string | null;
  monthlyPrice: number | null;
  tenureDays: number;
  probability: number;
  decision: number;
  riskBucket: string;
  /** Segment name in the newest `churn segment` run; null when the customer is not in it (or none ran). */
  segment: string | null;
  explanation: StoredExplanation | null;
  modelId: string;
  snapshotDate: string;
  scoredAt: string;
}

/** The newest batch_score date and the model that scored it last; CHURN_ERR_NO_DATA when nothing was scored. */
export async function latestScoredBatch(store: Store): Promise<{ snapshotDate: string; modelId: string }> {
  const rows = await store.all<{ snapshot_date: string; model_id: string }>(
    "SELECT snapshot_date, model_id FROM predictions WHERE source = 'batch_score' ORDER BY snapshot_date DESC, created_at DESC LIMIT 1",
  );
  if (!rows.length) throw new ChurnError('CHURN_ERR_NO_DATA', 'No batch scores yet: run `churn score` first', {});
  return { snapshotDate: rows[0].snapshot_date, modelId: rows[0].model_id };
}

/**
 * Every customer of the newest scored batch, in customer_id order; the plan is the subscription running on that date,
 * the segment that of the newest segmentation run (`customer_segments`).
 */
export async function scoredCustomers(store: Store): Promise<ScoredCustomer[]> {
  const { snapshotDate, modelId } = await latestScoredBatch(store);
  const rows = await store.all<Record<string, string | number | null>>(
    `SELECT p.customer_ref, p.probability, p.decision, p.risk_bucket, p.explanation_json, p.created_at,
            c.signup_date, c.region, c.city, c.device_type, c.acquisition_channel, c.gender
       FROM predictions p JOIN customers c ON c.customer_id = p.customer_ref
      WHERE p.source = 'batch_score' AND p.snapshot_date = ? AND p.model_id = ?
      ORDER BY p.customer_ref`,
    [snapshotDate, modelId],
  );
  const subs = await store.all<{ customer_id: string; plan_type: string; billing_cycle: string; monthly_price: number }>(
    `SELECT customer_id, plan_type, billing_cycle, monthly_price FROM subscriptions
      WHERE start_date <= ? AND (end_date IS NULL OR end_date >= ?) ORDER BY customer_id, start_date`,
    [snapshotDate, snapshotDate],
  );
  // The latest-starting subscription running on the date wins (rows are ordered by start).
  const plan = new Map(subs.map((s) => [s.customer_id, s]));
  const segments = await latestSegmentNames(store);
  return rows.map((r) => {
    const id = String(r.customer_ref);
    const s = plan.get(id);
    return {
      customerId: id,
      region: String(r.region),
      city: r.city === null ? null : String(r.city),
      deviceType: String(r.device_type),
      acquisitionChannel: String(r.acquisition_channel),
      gender: r.gender === null ? null : String(r.gender),
      planType: s?.plan_type ?? null,
      billingCycle: s?.billing_cycle ?? null,
      monthlyPrice: s ? Number(s.monthly_price) : null,
      tenureDays: daysBetween(String(r.signup_date), snapshotDate),
      probability: Number(r.probability),
      decision: Number(r.decision),
      riskBucket: String(r.risk_bucket),
      segment: segments.get(id) ?? null,
      explanation: r.explanation_json ? (JSON.parse(String(r.explanation_json)) as StoredExplanation) : null,
      modelId,
      snapshotDate,
      scoredAt: String(r.created_at),
    };
  });
}
