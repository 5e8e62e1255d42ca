/** Running the quality checks on a store: counts, five example keys per failed check, and the overall verdict. */
import type { Store } from '../../store/index.js';
import { type RawTableName, rawTableNames } from '../contract/index.js';
import { businessChecks } from './business-checks.js';
import type { CheckResult, QualityCheck } from './check.js';
import { contractChecks } from './contract-checks.js';
import { referenceChecks } from './reference-checks.js';

/** Every check `churn quality` runs, contract first, then references, then business rules. */
export const qualityChecks: readonly QualityCheck[] = [...contractChecks, ...referenceChecks, ...businessChecks];

/** What `runQualityChecks` found. */
export interface QualityReport {
  engine: string;
  /** Newest usage day (the data's as-of date), null when there is no usage. */
  asOf: string | null;
  rows: Record<RawTableName, number>;
  checks: CheckResult[];
  passed: number;
  failed: number;
  /** Failed checks of severity error / warning. */
  errors: number;
  warnings: number;
  seconds: number;
}

/** Runs `checks` (default: all) on `store`. */
export async function runQualityChecks(store: Store, checks: readonly QualityCheck[] = qualityChecks): Promise<QualityReport> {
  const started = performance.now();
  const d = store.dialect;
  const rows = {} as Record<RawTableName, number>;
  for (const t of rawTableNames) rows[t] = (await store.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t}`))[0].n;
  const [{ day }] = await store.all<{ day: string | null }>('SELECT MAX(activity_date) AS day FROM usage_daily');
  const results: CheckResult[] = [];
  for (const check of checks) {
    const { id, description, severity, category } = check;
    const sql = check.sql(d);
    if (sql === null) {
      results.push({ id, description, severity, category, status: 'not_applicable', failing: 0, examples: [], seconds: 0 });
      continue;
    }
    const t = performance.now();
    const [{ n }] = await store.all<{ n: number }>(`SELECT COUNT(*) AS n FROM (${sql}) f`);
    const examples = n
      ? (await store.all<{ key: string }>(`SELECT key FROM (${sql}) f ORDER BY ${d.byteOrder('key')} LIMIT 5`)).map((r) =>
          String(r.key),
        )
      : [];
    const seconds = (performance.now() - t) / 1000;
    results.push({ id, description, severity, category, status: n ? 'fail' : 'pass', failing: Number(n), examples, seconds });
  }
  const failed = results.filter((r) => r.status === 'fail');
  return {
    engine: store.engine,
    asOf: day ?? null,
    rows,
    checks: results,
    passed: results.filter((r) => r.status === 'pass').length,
    failed: failed.length,
    errors: failed.filter((r) => r.severity === 'error').length,
    warnings: failed.filter((r) => r.severity === 'warning').length,
    seconds: (performance.now() - started) / 1000,
  };
}
