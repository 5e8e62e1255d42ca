/**
 * Row-by-row checking of batch records against RecordSchema itself (the subset of JSON Schema it uses: type lists,
 * enum, minimum/maximum, length, pattern), so a bad row is reported with its index instead of failing the batch.
 */
import { RecordSchema } from './record-schema.js';

/** The first rule a record breaks: field, JSON-Schema keyword, message. */
export interface RecordIssue {
  field: string;
  rule: string;
  message: string;
}

interface FieldRule {
  type?: string | string[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

/** A field's rule, compiled once: type list, enum as a set, pattern as a RegExp. */
interface CompiledRule extends FieldRule {
  types: string[];
  values?: Set<unknown>;
  re?: RegExp;
}

const rules = new Map<string, CompiledRule>(
  Object.entries(RecordSchema.properties as Record<string, FieldRule>).map(([k, r]) => [
    k,
    {
      ...r,
      types: r.type === undefined ? [] : [r.type].flat(),
      values: r.enum ? new Set(r.enum) : undefined,
      re: r.pattern ? new RegExp(r.pattern) : undefined,
    },
  ]),
);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function fits(types: string[], actual: string): boolean {
  return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

/** Null when `record` satisfies RecordSchema; otherwise the first broken rule. */
export function checkRecord(record: unknown): RecordIssue | null {
  if (typeOf(record) !== 'object') return { field: '(record)', rule: 'type', message: 'must be an object' };
  const fields = record as Record<string, unknown>;
  for (const field in fields) {
    if (!Object.hasOwn(fields, field)) continue;
    const v = fields[field];
    const r = rules.get(field);
    if (!r) return { field, rule: 'unknown field', message: 'is not a field of this request' };
    const types = r.types;
    const t = typeOf(v);
    if (types.length > 0 && !fits(types, t)) return { field, rule: 'type', message: `must be ${types.join(' or ')}` };
    if (r.enum && !r.values?.has(v))
      return { field, rule: 'enum', message: `must be one of ${r.enum.filter((e) => e !== null).join(', ')}` };
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return { field, rule: 'type', message: 'must be a finite number' };
      if (r.minimum !== undefined && v < r.minimum) return { field, rule: 'minimum', message: `must be >= ${r.minimum}` };
      if (r.maximum !== undefined && v > r.maximum) return { field, rule: 'maximum', message: `must be <= ${r.maximum}` };
    }
    if (typeof v === 'string') {
      if (r.minLength !== undefined && v.length < r.minLength)
        return { field, rule: 'minLength', message: `must have at least ${r.minLength} characters` };
      if (r.maxLength !== undefined && v.length > r.maxLength)
        return { field, rule: 'maxLength', message: `must have at most ${r.maxLength} characters` };
      if (r.re && !r.re.test(v)) return { field, rule: 'pattern', message: `must match ${r.pattern}` };
    }
  }
  return null;
}
