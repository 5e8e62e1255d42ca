/** The readable form of a quality report for the terminal. */
import type { QualityReport } from './run.js';

const mark = { pass: 'ok  ', fail: 'FAIL', not_applicable: 'n/a ' } as const;

/** One line per check (status, id, failing rows, description) with examples under failed checks, then a verdict. */
export function formatQualityReport(r: QualityReport): string {
  const width = Math.max(...r.checks.map((c) => c.id.length));
  const counts = Object.entries(r.rows)
    .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
    .join(', ');
  const lines = [`quality of the ${r.engine} store (as of ${r.asOf ?? 'no usage data'}): ${counts}`, ''];
  for (const c of r.checks) {
    const failing = c.status === 'fail' ? `${c.failing.toLocaleString('en')} rows` : '';
    const severity = c.status === 'fail' && c.severity === 'warning' ? 'warn' : mark[c.status];
    lines.push(`${severity}  ${c.id.padEnd(width)}  ${failing.padStart(12)}  ${c.description}`);
    if (c.examples.length) lines.push(`${' '.repeat(width + 20)}e.g. ${c.examples.join(', ')}`);
  }
  lines.push(
    '',
    r.failed
      ? `${r.failed} of ${r.checks.length} checks failed (${r.errors} errors, ${r.warnings} warnings) in ${r.seconds.toFixed(1)}s`
      : `all ${r.passed} applicable checks passed in ${r.seconds.toFixed(1)}s`,
  );
  return lines.join('\n');
}
