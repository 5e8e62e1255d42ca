/** The explanation stored with each prediction: drivers in words, base value, margin, unit, value and action (compact JSON). */
import type { Assessment } from '../assess.js';

const round = (v: number, digits = 6) => (Number.isFinite(v) ? Number(v.toFixed(digits)) : null);

/** The stored form of one assessment's explanation (read by the API, BI and pages). */
export interface StoredExplanation {
  unit: string;
  baseValue: number | null;
  margin: number | null;
  up: { feature: string; value: unknown; contribution: number | null; text: string }[];
  down: { feature: string; value: unknown; contribution: number | null; text: string }[];
  action: { ruleId: string; action: string; channel: string; offer: string | null; reason: string } | null;
  monthlyRevenue: number | null;
  clv: number | null;
  revenueAtRisk: number | null;
}

/** The explanation of one assessment as stored in `predictions.explanation_json`. */
export function storedExplanation(a: Assessment): StoredExplanation {
  const driver = (d: Assessment['drivers']['up'][number]) => ({
    feature: d.feature,
    value: typeof d.value === 'number' ? round(d.value) : d.value,
    contribution: round(d.contribution),
    text: d.text,
  });
  const r = a.recommendation;
  return {
    unit: a.unit,
    baseValue: round(a.baseValue),
    margin: round(a.margin),
    up: a.drivers.up.map(driver),
    down: a.drivers.down.map(driver),
    action: r ? { ruleId: r.ruleId, action: r.action, channel: r.channel, offer: r.offer, reason: r.reason } : null,
    monthlyRevenue: a.value ? round(a.value.monthlyRevenue, 4) : null,
    clv: a.value ? round(a.value.clv, 4) : null,
    revenueAtRisk: a.value ? round(a.value.revenueAtRisk, 4) : null,
  };
}
