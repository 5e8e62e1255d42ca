/**
 * Behaviour signals of a segment centroid: each family (engagement, fading, billing, support, tenure, price) is the
 * mean signed z-score of the standardised features that belong to it; absent features simply do not count.
 */

/** The behaviour families segment names are read from. */
export const signalFamilies = ['engagement', 'fading', 'billing', 'support', 'tenure', 'price'] as const;
/** One family. */
export type SignalFamily = (typeof signalFamilies)[number];

/** A feature-name pattern and the sign that makes "more" mean "more of the family". */
interface Member {
  pattern: RegExp;
  sign: 1 | -1;
}

const plus = (pattern: RegExp): Member => ({ pattern, sign: 1 });
const minus = (pattern: RegExp): Member => ({ pattern, sign: -1 });

/** Which features speak for which family (names as src/features writes them; a `log1p_` prefix is ignored). */
export const familyMembers: Record<SignalFamily, Member[]> = {
  engagement: [plus(/^(total_sessions|active_days|total_minutes|avg_session_minutes|minutes_per_active_day)_\d+d$/)],
  fading: [
    minus(/^(sessions|minutes)_trend_\d+d$/),
    plus(/^days_since_last_activity$/),
    plus(/^inactive_\d+d$/),
    minus(/^recent_sessions_share$/),
  ],
  billing: [plus(/^(failed_payments|total_amount_failed|refunds)_\d+d$/), plus(/^payment_failure_rate$/)],
  support: [
    plus(/^support_tickets(_[a-z]+)?_\d+d$/),
    plus(/^unresolved_tickets$/),
    plus(/^avg_resolution_time_\d+d$/),
    plus(/^(total_crashes|crash_rate)_\d+d$/),
    plus(/^support_per_session$/),
    minus(/^sessions_per_crash$/),
    minus(/^avg_csat_\d+d$/),
  ],
  tenure: [plus(/^tenure_days$/)],
  price: [plus(/^discount_pct$/), plus(/^has_discount$/), plus(/^downgraded_\d+d$/), plus(/^plan_changes_\d+d$/)],
};

/** The family a feature belongs to and its sign, or undefined. */
export function familyOf(feature: string): { family: SignalFamily; sign: 1 | -1 } | undefined {
  const name = feature.replace(/^log1p_/, '');
  for (const family of signalFamilies) {
    const m = familyMembers[family].find((member) => member.pattern.test(name));
    if (m) return { family, sign: m.sign };
  }
  return undefined;
}

/** Mean signed z-score per family over the centroid's features; a family without features is absent. */
export function centroidSignals(centroid: Readonly<Record<string, number>>): Partial<Record<SignalFamily, number>> {
  const sum: Partial<Record<SignalFamily, number>> = {};
  const count: Partial<Record<SignalFamily, number>> = {};
  for (const feature of Object.keys(centroid).sort()) {
    const f = familyOf(feature);
    if (!f) continue;
    sum[f.family] = (sum[f.family] ?? 0) + f.sign * centroid[feature];
    count[f.family] = (count[f.family] ?? 0) + 1;
  }
  const out: Partial<Record<SignalFamily, number>> = {};
  for (const family of signalFamilies) {
    const n = count[family];
    if (n) out[family] = (sum[family] ?? 0) / n;
  }
  return out;
}
