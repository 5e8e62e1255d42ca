/** bi/churn_kpis.md: the KPIs as a generated markdown page with their definitions. */
import type { ChurnKpis, GroupKpis } from './kpis.js';

const pct = (v: number) => `${(v * 100).toFixed(2)} %`;
const money = (v: number | null) => (v === null ? '—' : v.toFixed(2));

function table(title: string, groups: readonly GroupKpis[]): string[] {
  return [
    `## ${title}`,
    '',
    '| group | customers | predicted churn rate | flagged | monthly revenue | revenue at risk / month | mean CLV |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...groups.map(
      (g) =>
        `| ${g.group} | ${g.customers} | ${pct(g.predictedChurnRate)} | ${g.flagged} | ${money(g.monthlyRevenue)} | ${money(g.revenueAtRiskMonthly)} | ${money(g.meanClv)} |`,
    ),
    '',
  ];
}

/** The markdown text (figures rounded for reading; GET /kpis serves the unrounded values). */
export function kpisMarkdown(k: ChurnKpis): string {
  const t = k.total;
  const r = k.realised;
  return [
    '# Churn KPIs',
    '',
    `Generated from the store by \`churn bi export\` — scored date ${k.snapshotDate}, model ${k.modelId}. Do not edit by hand.`,
    '',
    '| KPI | value |',
    '|---|---:|',
    `| active customers | ${t.customers} |`,
    `| predicted churn rate | ${pct(t.predictedChurnRate)} |`,
    `| customers flagged (at the model threshold) | ${t.flagged} |`,
    `| monthly revenue | ${money(t.monthlyRevenue)} |`,
    `| revenue at risk, monthly | ${money(t.revenueAtRiskMonthly)} |`,
    `| revenue at risk, annualised | ${money(k.revenueAtRiskAnnualised)} |`,
    `| mean CLV | ${money(t.meanClv)} |`,
    r
      ? `| realised subscription churn rate (cohort ${r.cohortDate}, ${r.horizonDays} d, ${r.customers} customers) | ${pct(r.subscriptionChurnRate)} |`
      : '| realised subscription churn rate | labels pending |',
    r
      ? `| realised usage churn rate (same cohort) | ${pct(r.usageChurnRate)} |`
      : '| realised usage churn rate | labels pending |',
    '',
    ...table('By risk bucket', k.byRiskBucket),
    ...table('By segment', k.bySegment),
    ...table('By plan', k.byPlan),
    ...table('By billing cycle', k.byBillingCycle),
    '## Definitions',
    '',
    '- **Active customers**: customers with a running subscription on the scored date (one row each in the export).',
    '- **Predicted churn rate**: mean churn probability = expected churners / active customers, over the model horizon.',
    '- **Flagged**: customers whose probability is at or above the threshold stored in the model artifact.',
    '- **Revenue at risk, monthly**: Σ probability × monthly revenue; **annualised** = monthly × 12.',
    "- **Segment**: the customer's segment in the newest `churn segment` run (k-means on behaviour, docs/segments.md);",
    '  "(unsegmented)" = customers not in that run (or no run yet).',
    '- **CLV**: expected discounted revenue over the customer lifetime as valued by the scoring layer (docs/scoring.md).',
    '- **Realised subscription churn**: of the customers active at T = scored date − horizon, the share whose last',
    '  subscription ended in (T, T + horizon] with no new one (the model label).',
    '- **Realised usage churn**: of the same cohort, the share still subscribed at T + horizon but with no usage day in',
    '  (T, T + horizon] — silent churn, reported apart from subscription churn.',
    '',
  ].join('\n');
}
