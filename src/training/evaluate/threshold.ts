/** The decision threshold of a candidate: F1-optimal (default) or value-maximising, tuned on held-out rows, never the test cutoff. */
import { ChurnError } from '../../errors/index.js';
import { costOptimalThreshold, f1OptimalThreshold } from '../../ml/index.js';
import type { Threshold } from '../../registry/index.js';

/** The threshold rules: 'f1' (the original system's), 'cost' (contact cost against revenue saved). */
export type ThresholdRule = Threshold['rule'];

/** The economics of a retention contact (config `training.cost`). */
export interface ContactEconomics {
  /** Cost of contacting one customer (offer + handling), in the revenue's currency. */
  contactCost: number;
  /** Months of revenue a retained churner keeps paying. */
  monthsSaved: number;
  /** Share of contacted churners the contact actually retains. */
  uplift: number;
}

/** What the threshold is tuned on: held-out labels and probabilities (and, for 'cost', each row's monthly revenue). */
export interface TuningRows {
  y: Uint8Array;
  p: Float64Array;
  monthlyRevenue?: Float64Array;
  /** Where the rows come from, in words (recorded in the artifact). */
  source: string;
}

/**
 * Tunes the threshold. 'f1': the score maximising F1 (ties: the higher threshold). 'cost': the score maximising
 * Σ over contacted rows of (churned · revenue × months saved × uplift − contact cost); when contacting nobody is best
 * the threshold is 1 (no customer is flagged unless the model is certain).
 */
export function tuneThreshold(rule: ThresholdRule, rows: TuningRows, economics: ContactEconomics): Threshold {
  if (rule === 'f1') {
    const best = f1OptimalThreshold(rows.y, rows.p);
    return {
      value: best.threshold,
      rule,
      details: { tunedOn: rows.source, f1: best.f1, precision: best.precision, recall: best.recall },
    };
  }
  const revenue = rows.monthlyRevenue;
  if (!revenue)
    throw new ChurnError(
      'CHURN_ERR_PARAM',
      'The cost threshold needs each customer’s monthly revenue (for a table: --revenue COLUMN)',
    );
  const benefit = Float64Array.from(revenue, (r) => (Number.isFinite(r) ? r : 0) * economics.monthsSaved * economics.uplift);
  const cost = new Float64Array(rows.y.length).fill(economics.contactCost);
  const best = costOptimalThreshold(rows.y, rows.p, benefit, cost);
  return {
    value: Number.isFinite(best.threshold) ? Math.min(1, best.threshold) : 1,
    rule,
    details: {
      tunedOn: rows.source,
      netValue: best.netValue,
      targeted: best.targeted,
      rows: rows.y.length,
      contactCost: economics.contactCost,
      monthsSaved: economics.monthsSaved,
      uplift: economics.uplift,
      benefit: 'monthly revenue × monthsSaved × uplift per retained churner',
    },
  };
}
