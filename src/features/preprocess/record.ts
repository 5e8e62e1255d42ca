/**
 * Serving input: validates raw records (snapshot feature values, e.g. the original system's fields) and turns them into
 * the same FeatureFrame a snapshot produces. Missing optional fields become missing values, which the fitted
 * preprocessor imputes exactly as in training; anything malformed is a CHURN_ERR_VALIDATION naming the field.
 */
import { ChurnError } from '../../errors/index.js';
import { snapshotFeatures } from '../catalogue-snapshot.js';
import { derivedFeatures } from '../derived.js';
import type { FeatureSpec } from '../feature-spec.js';
import type { Category, FeatureFrame, FeatureRow, FrameColumn } from '../frame.js';

const rawByName = new Map(snapshotFeatures.map((f) => [f.name, f]));
const derivedNames = new Set(derivedFeatures.map((f) => f.name));
const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const emptyRow: FeatureRow = Object.fromEntries(snapshotFeatures.map((f) => [f.name, null]));

export interface RecordOptions {
  /** Fields that must be present and non-null. */
  required?: readonly string[];
}

/** A validated raw record: every snapshot feature (null when not given). */
export interface RawRecord {
  customerId: string;
  cutoff: string;
  values: FeatureRow;
}

const invalid = (field: string, message: string, index: number) =>
  new ChurnError('CHURN_ERR_VALIDATION', `${field}: ${message}`, { field, record: index });

function checkValue(f: FeatureSpec, v: unknown, index: number): number | Category {
  if (v === null || v === undefined) return null;
  if (f.type === 'categorical') {
    if (typeof v !== 'string' || v.length === 0 || v.length > 64)
      throw invalid(f.name, 'must be a category label (text of 1–64 characters)', index);
    return v;
  }
  const n = f.type === 'boolean' && typeof v === 'boolean' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw invalid(f.name, 'must be a finite number', index);
  if (f.type === 'boolean' && n !== 0 && n !== 1) throw invalid(f.name, 'must be true/false or 0/1', index);
  if ((f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max))
    throw invalid(f.name, `must be between ${f.min ?? '-∞'} and ${f.max ?? '∞'} (got ${n})`, index);
  return n;
}

/** Validates one raw record (`index` names it in errors). `customer_id` and `cutoff` are optional identifying fields. */
export function validateRawRecord(record: unknown, options: RecordOptions = {}, index = 0): RawRecord {
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    throw invalid('(record)', 'must be an object of feature values', index);
  const input = record as Record<string, unknown>;
  const values: FeatureRow = { ...emptyRow }; // every key from a template: one object shape for all records
  for (const f of snapshotFeatures) values[f.name] = checkValue(f, input[f.name], index);
  for (const key of Object.keys(input)) {
    if (rawByName.has(key) || key === 'customer_id' || key === 'cutoff') continue;
    throw invalid(
      key,
      derivedNames.has(key) ? 'is a derived feature; send the raw values it is computed from' : 'is not a known feature',
      index,
    );
  }
  for (const name of options.required ?? [])
    if (values[name] === null || values[name] === undefined) throw invalid(name, 'is required', index);
  const customerId = input.customer_id ?? `record-${index}`;
  const cutoff = input.cutoff ?? '';
  if (typeof customerId !== 'string') throw invalid('customer_id', 'must be text', index);
  if (typeof cutoff !== 'string' || (cutoff !== '' && !isoDay.test(cutoff))) throw invalid('cutoff', 'must be YYYY-MM-DD', index);
  return { customerId, cutoff, values };
}

/** Validates raw records and stacks them into a FeatureFrame of snapshot features (derive and transform come next). */
export function recordsToFrame(records: readonly unknown[], options: RecordOptions = {}): FeatureFrame {
  const valid = records.map((r, i) => validateRawRecord(r, options, i));
  const n = valid.length;
  const columns: Record<string, FrameColumn> = {};
  for (const f of snapshotFeatures) {
    if (f.type === 'categorical') columns[f.name] = valid.map((r) => r.values[f.name] as Category);
    else
      columns[f.name] = Float64Array.from(valid, (r) => (r.values[f.name] === null ? Number.NaN : (r.values[f.name] as number)));
  }
  return { nRows: n, customerId: valid.map((r) => r.customerId), cutoff: valid.map((r) => r.cutoff), columns };
}
