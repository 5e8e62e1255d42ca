/** The prediction a client receives for one customer, and the summary of a batch. */
import type { Assessment } from '../../scoring/index.js';

/** One driver in business words. */
export interface DriverOut {
  feature: string;
  text: string;
  contribution: number;
}

/** The recommended retention action. */
export interface ActionOut {
  rule: string;
  action: string;
  channel: string;
  offer: string | null;
  reason: string;
}

/** One scored customer. `drivers` and `action` only when explanations were asked for. */
export interface PredictionOut {
  customer_id: string;
  probability: number;
  prediction: 0 | 1;
  risk_bucket: string;
  model_id: string;
  snapshot_date?: string;
  drivers?: { unit: string; up: DriverOut[]; down: DriverOut[] };
  action?: ActionOut | null;
}

const driver = (d: { feature: string; text: string; contribution: number }): DriverOut => ({
  feature: d.feature,
  text: d.text,
  contribution: d.contribution,
});

/** A full assessment (score + drivers + action) as the API shows it. */
export function explainedPrediction(a: Assessment, modelId: string): PredictionOut {
  const r = a.recommendation;
  return {
    customer_id: a.customerId,
    probability: a.probability,
    prediction: a.decision,
    risk_bucket: a.riskBucket,
    model_id: modelId,
    drivers: { unit: a.unit, up: a.drivers.up.map(driver), down: a.drivers.down.map(driver) },
    action: r && { rule: r.ruleId, action: r.action, channel: r.channel, offer: r.offer, reason: r.reason },
  };
}

/** Counts of a batch: per risk bucket (every label of the model, zeros included), predicted churners, high risk. */
export interface BatchSummary {
  total: number;
  scored: number;
  rejected: number;
  by_risk_bucket: Record<string, number>;
  predicted_churners: number;
  /** Rows in the two highest risk buckets. */
  high_risk: number;
}

/** Summarises scored rows under the model's bucket labels. */
export function summarise(
  total: number,
  rows: readonly { risk_bucket: string; prediction: 0 | 1 }[],
  labels: readonly string[],
): BatchSummary {
  const by: Record<string, number> = Object.fromEntries(labels.map((l) => [l, 0]));
  let churners = 0;
  for (const r of rows) {
    by[r.risk_bucket] = (by[r.risk_bucket] ?? 0) + 1;
    churners += r.prediction;
  }
  const high = labels.slice(-2).reduce((s, l) => s + (by[l] ?? 0), 0);
  return {
    total,
    scored: rows.length,
    rejected: total - rows.length,
    by_risk_bucket: by,
    predicted_churners: churners,
    high_risk: high,
  };
}
