/** How each contract column is read and explained: kind, nullability, enum values and bounds, derived from its TypeBox schema. */
import { FormatRegistry, KindGuard, type TSchema } from '@sinclair/typebox';
import { contracts, type RawTableName } from '../contract/index.js';

/** The value kinds the raw tables use. */
export type ColumnKind = 'string' | 'integer' | 'number' | 'date' | 'enum';

/** One column of a raw table as the loader, the quality checks and `churn contract` see it. */
export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  nullable: boolean;
  description: string;
  /** Allowed values of an enum column. */
  values?: readonly string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

/** True for a real calendar day written `YYYY-MM-DD` (2025-02-29 is not one). */
export function isCalendarDate(text: string): boolean {
  if (text.length !== 10 || text[4] !== '-' || text[7] !== '-') return false;
  const y = Number(text.slice(0, 4));
  const m = Number(text.slice(5, 7));
  const d = Number(text.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days && /^\d{4}-\d{2}-\d{2}$/.test(text);
}

/** Registers the `date` string format TypeBox needs to check the contract (idempotent; unknown formats fail every check). */
export function registerDateFormat(): void {
  if (!FormatRegistry.Has('date')) FormatRegistry.Set('date', isCalendarDate);
}

function describe(name: string, schema: TSchema): ColumnSpec {
  let inner = schema;
  let nullable = false;
  if (KindGuard.IsUnion(schema) && schema.anyOf.some((s) => KindGuard.IsNull(s))) {
    nullable = true;
    const rest = schema.anyOf.filter((s) => !KindGuard.IsNull(s));
    inner = rest.length === 1 ? rest[0] : { ...schema, anyOf: rest };
  }
  const description = String(inner.description ?? schema.description ?? '');
  const base = { name, nullable, description };
  if (KindGuard.IsUnion(inner) && inner.anyOf.every((s) => KindGuard.IsLiteralString(s)))
    return { ...base, kind: 'enum', values: inner.anyOf.map((s) => String(s.const)) };
  if (KindGuard.IsInteger(inner) || KindGuard.IsNumber(inner))
    return { ...base, kind: KindGuard.IsInteger(inner) ? 'integer' : 'number', minimum: inner.minimum, maximum: inner.maximum };
  if (KindGuard.IsString(inner)) {
    const bounds = { minLength: inner.minLength, maxLength: inner.maxLength };
    if (inner.format === 'date') return { ...base, kind: 'date' };
    return { ...base, kind: 'string', ...bounds, pattern: inner.pattern };
  }
  throw new Error(`column ${name}: unsupported contract type ${JSON.stringify(inner)}`);
}

const cache = new Map<RawTableName, ColumnSpec[]>();

/** The column specs of a raw table, in contract column order. */
export function columnSpecs(table: RawTableName): ColumnSpec[] {
  let specs = cache.get(table);
  if (!specs) {
    const { schema, columns } = contracts[table];
    specs = columns.map((c) => describe(c, schema.properties[c]));
    cache.set(table, specs);
  }
  return specs;
}
