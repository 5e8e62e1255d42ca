/** The summary printed after batch scoring: customers per risk bucket, predicted churn, revenue at risk. */
import type { CustomerScores } from './score-customers.js';

/** Aggregate figures of one scoring run. */
export interface ScoreSummary {
  customers: number;
  /** Customers per risk bucket, in the artifact's label order (empty buckets included). */
  byBucket: { bucket: string; customers: number }[];
  /** Σ probability: the expected number of churners within the horizon. */
  expectedChurners: number;
  /** Mean probability. */
  predictedChurnRate: number;
  /** Customers at or above the decision threshold. */
  flagged: number;
  threshold: number;
  /** Σ p × monthly revenue over customers with a known revenue, and its annual figure. */
  revenueAtRisk: number;
  revenueAtRiskAnnual: number;
  /** Σ CLV over customers with a known revenue. */
  totalClv: number;
}

/** Summarises a scoring run. */
export function summariseScores(result: CustomerScores, labels: readonly string[], threshold: number): ScoreSummary {
  const counts = new Map(labels.map((l) => [l, 0]));
  let expected = 0;
  let flagged = 0;
  let atRisk = 0;
  let annual = 0;
  let clv = 0;
  for (const c of result.customers) {
    counts.set(c.riskBucket, (counts.get(c.riskBucket) ?? 0) + 1);
    expected += c.probability;
    flagged += c.decision;
    if (c.value) {
      atRisk += c.value.revenueAtRisk;
      annual += c.value.revenueAtRiskAnnual;
      clv += c.value.clv;
    }
  }
  const n = result.customers.length;
  return {
    customers: n,
    byBucket: [...counts].map(([bucket, customers]) => ({ bucket, customers })),
    expectedChurners: expected,
    predictedChurnRate: n ? expected / n : 0,
    flagged,
    threshold,
    revenueAtRisk: atRisk,
    revenueAtRiskAnnual: annual,
    totalClv: clv,
  };
}

/** The summary as lines for a terminal. */
export function formatScoreSummary(s: ScoreSummary, result: CustomerScores): string {
  const money = (v: number) => v.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
  const w = Math.max(...s.byBucket.map((b) => b.bucket.length));
  return [
    `Scored ${s.customers.toLocaleString('en')} customers active on ${result.snapshotDate} with model ${result.modelId} (horizon ${result.horizonDays} days)`,
    ...s.byBucket.map(
      (b) =>
        `  ${b.bucket.padEnd(w)}  ${String(b.customers).padStart(7)}  ${pct(s.customers ? b.customers / s.customers : 0).padStart(6)}`,
    ),
    `Predicted churn rate ${pct(s.predictedChurnRate)} (${s.expectedChurners.toFixed(1)} expected churners); ` +
      `${s.flagged.toLocaleString('en')} flagged at threshold ${s.threshold.toFixed(3)}`,
    `Revenue at risk ${money(s.revenueAtRisk)} a month (${money(s.revenueAtRiskAnnual)} a year); total CLV ${money(s.totalClv)}`,
  ].join('\n');
}
