/** The model's decision and risk bucket for a probability: the one rule every surface (API, scores, BI) uses. */
import type { RiskBuckets } from './schema/model.js';

/** What a probability means for a customer under a given model. */
export interface Classification {
  /** 1 when the probability is at or above the model's decision threshold. */
  decision: 0 | 1;
  riskBucket: string;
}

/** The bucket label for `p`: labels[i] covers cuts[i-1] ≤ p < cuts[i]; p ≥ the last cut gets the last label. */
export function riskBucketOf(buckets: RiskBuckets, p: number): string {
  const { cuts, labels } = buckets;
  let i = 0;
  while (i < cuts.length && p >= cuts[i]) i++;
  return labels[i];
}

/** Decision (p ≥ threshold) and risk bucket of one probability, from the artifact's threshold and buckets. */
export function classify(model: { threshold: { value: number }; riskBuckets: RiskBuckets }, p: number): Classification {
  return { decision: p >= model.threshold.value ? 1 : 0, riskBucket: riskBucketOf(model.riskBuckets, p) };
}

/** The default risk-bucket labels; cut points come from configuration (`scoring.riskCuts`). */
export const RISK_LABELS = ['Low', 'Medium', 'High', 'Very High'] as const;
