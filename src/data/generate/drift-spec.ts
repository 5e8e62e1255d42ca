/** The CLI's drift notation: `KIND@DATE[:DAYS[:MAGNITUDE]]`, e.g. `crash_wave@2025-09-01:30:6`. */
import { ChurnError } from '../../errors/index.js';
import { type DriftKind, type DriftScenario, driftKinds } from './options.js';

const pattern = /^([a-z_]+)@(\d{4}-\d{2}-\d{2})(?::(\d+))?(?::(\d+(?:\.\d+)?))?$/;

/** Parses one `--drift` value; throws CHURN_ERR_PARAM with the expected form. Dates and ranges are checked later. */
export function parseDriftSpec(spec: string): DriftScenario {
  const m = pattern.exec(spec.trim());
  if (!m || !driftKinds.includes(m[1] as DriftKind))
    throw new ChurnError(
      'CHURN_ERR_PARAM',
      `--drift ${JSON.stringify(spec)}: expected KIND@YYYY-MM-DD[:DAYS[:MAGNITUDE]] with KIND one of ${driftKinds.join(', ')}`,
      { option: 'drift', value: spec },
    );
  return {
    kind: m[1] as DriftKind,
    from: m[2],
    ...(m[3] === undefined ? {} : { days: Number(m[3]) }),
    ...(m[4] === undefined ? {} : { magnitude: Number(m[4]) }),
  };
}
