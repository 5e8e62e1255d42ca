/** Terminal text for explanations: one customer's drivers and action, and the global importance tables. */
import { findFeature } from '../features/index.js';
import type { ModelArtifact } from '../registry/index.js';
import { shortLabel } from '../training/index.js';
import type { CustomerExplanation } from './batch/explain-customer.js';
import type { ImportanceTable } from './global-importance.js';

const money = (v: number) => v.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const signed = (v: number) => `${v < 0 ? '−' : '+'}${Math.abs(v).toFixed(3)}`;

/** One customer's score, drivers up and down in words, the explanation's scale and base value, and the action. */
export function formatCustomerExplanation(x: CustomerExplanation, artifact: ModelArtifact): string {
  const a = x.assessment;
  const chosen = artifact.selection.chosen;
  const threshold = artifact.threshold;
  const out = [
    `Customer ${a.customerId} on ${x.snapshotDate} — model ${x.modelId} (${chosen})`,
    `Churn probability ${a.probability.toFixed(3)} within ${artifact.training.horizonDays ?? '?'} days: risk bucket ${a.riskBucket}; ` +
      `${a.decision ? 'flagged' : 'not flagged'} at the ${threshold.rule === 'f1' ? 'F1-optimal' : 'cost-based'} threshold ${threshold.value.toFixed(3)}`,
    `Explained on the ${a.unit} scale: base value ${signed(a.baseValue)} + contributions = model margin ${signed(a.margin)}` +
      ` (additivity gap ${x.additivityGap.toExponential(1)})`,
    '',
    'Raising the risk:',
    ...(a.drivers.up.length ? a.drivers.up.map((d, i) => `  ${i + 1}. ${d.text}`) : ['  (none)']),
    'Lowering the risk:',
    ...(a.drivers.down.length ? a.drivers.down.map((d, i) => `  ${i + 1}. ${d.text}`) : ['  (none)']),
    '',
  ];
  const r = a.recommendation;
  if (r) {
    out.push(`Recommended action: ${r.action} by ${r.channel}${r.offer ? ` — ${r.offer}` : ''} (rule ${r.ruleId})`);
    out.push(`  why: ${r.ruleDescription}`);
    for (const b of r.because) out.push(`  because: ${b}`);
  } else out.push('Recommended action: none (no retention rule matches this customer)');
  if (a.value)
    out.push(
      `Value: monthly revenue ${money(a.value.monthlyRevenue)}, CLV ${money(a.value.clv)}, ` +
        `revenue at risk ${money(a.value.revenueAtRisk)} a month (${money(a.value.revenueAtRiskAnnual)} a year)`,
    );
  return out.join('\n');
}

/** The importance lists side by side, ranked by the first one, with each feature's business label. */
export function formatImportanceTables(tables: readonly ImportanceTable[], artifact: ModelArtifact, limit = 25): string {
  if (tables.length === 0) return `Model ${artifact.modelId} records no importance.`;
  const label = new Map(artifact.features.inputs.map((f) => [f.name, f.label ?? '']));
  // Derived features are not inputs: their meaning comes from the catalogue of the recipe (snapshot models).
  const meaning = (f: string) =>
    label.get(f) || (artifact.source === 'snapshots' ? shortLabel(findFeature(f)?.description ?? '') : '');
  const value = tables.map((t) => new Map(t.values.map((v) => [v.feature, v.value])));
  const features = tables[0].values.map((v) => v.feature).slice(0, limit);
  const head = ['rank', 'feature', ...tables.map((_, i) => `[${i + 1}]`), 'meaning'];
  const rows = features.map((f, r) => [
    String(r + 1),
    f,
    ...value.map((m) => (m.has(f) ? (m.get(f) as number).toFixed(4) : '—')),
    meaning(f),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const numeric = (i: number) => i === 0 || (i >= 2 && i < 2 + tables.length);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [
    `Global importance of model ${artifact.modelId} (${artifact.selection.chosen}) on business features:`,
    ...tables.map(
      (t, i) =>
        `  [${i + 1}] ${t.method} — ${t.origin === 'artifact' ? 'recorded at training' : t.origin === 'model' ? 'read off the fitted model' : 'computed now'}`,
    ),
    '',
    line(head),
    line(widths.map((w) => '─'.repeat(w))),
    ...rows.map(line),
    ...(tables[0].values.length > limit ? [`… ${tables[0].values.length - limit} more features (--limit)`] : []),
  ].join('\n');
}
