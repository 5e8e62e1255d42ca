/** The drift report as the terminal shows it: the verdict, then the features by PSI. */
import type { DriftReport } from './drift-report.js';

/** A short text table (top `limit` features by PSI). */
export function formatDrift(r: DriftReport, limit = 15): string {
  const b = r.batch;
  const what = b
    ? `logged predictions ${b.first} … ${b.last} (source ${b.source ?? 'any'}; ${r.rows} scores, ${r.featureRows} with features)`
    : `at ${r.at} (${r.rows} customers)`;
  const lines = [
    `drift of ${r.modelId} ${what}: ${r.verdict.dataset.toUpperCase()} — ${r.verdict.reason}`,
    `  ${'feature'.padEnd(36)} ${'PSI'.padStart(8)}  class`,
    `  ${'score'.padEnd(36)} ${r.verdict.score.psi.toFixed(4).padStart(8)}  ${r.verdict.score.class}`,
  ];
  for (const f of r.verdict.features.slice(0, limit))
    lines.push(`  ${f.feature.padEnd(36)} ${f.psi.toFixed(4).padStart(8)}  ${f.class}`);
  if (r.verdict.features.length > limit) lines.push(`  … ${r.verdict.features.length - limit} more features (see --json)`);
  return lines.join('\n');
}
