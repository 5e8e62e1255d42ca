/** A readable summary of a generated business, for the CLI. */
import { rawTableNames } from '../contract/index.js';
import type { GenerateSummary } from './summary.js';

const pct = (x: number) => `${(100 * x).toFixed(2)} %`;

/** Rows per table, churn by reason and the realised vs target monthly churn rate; `seconds` adds throughput. */
export function formatGenerateSummary(s: GenerateSummary, seconds?: number): string {
  const total = rawTableNames.reduce((n, t) => n + s.rows[t], 0);
  const width = Math.max(...rawTableNames.map((t) => t.length));
  const lines = [`Generated ${s.customers.toLocaleString('en')} customers, ${s.start} … ${s.end}`];
  for (const t of rawTableNames) lines.push(`  ${t.padEnd(width)}  ${s.rows[t].toLocaleString('en').padStart(12)}`);
  lines.push(`  ${'total'.padEnd(width)}  ${total.toLocaleString('en').padStart(12)}`);
  const events = Object.entries(s.churnEvents)
    .filter(([, n]) => n > 0)
    .map(([r, n]) => `${r} ${n.toLocaleString('en')}`)
    .join(', ');
  lines.push(`Churn events: ${events || 'none'}; win-backs ${s.winBacks.toLocaleString('en')}`);
  lines.push(`Monthly churn rate: ${pct(s.realisedMonthlyChurnRate)} realised (target ${pct(s.targetMonthlyChurnRate)})`);
  lines.push(`Active at ${s.end}: ${s.activeAtEnd.toLocaleString('en')}`);
  if (seconds !== undefined && seconds > 0)
    lines.push(`Took ${seconds.toFixed(1)} s (${Math.round(total / seconds).toLocaleString('en')} rows/s)`);
  return lines.join('\n');
}
