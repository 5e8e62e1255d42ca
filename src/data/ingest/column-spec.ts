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

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const digit = (text: string, i: number) => {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -100_000; // poisons the sum so the range checks below fail
};

/** True for a real calendar day written `YYYY-MM-DD` (2025-02-29 is not one). Hot in CSV loads: no allocation. */
export function isCalendarDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const y = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const m = digit(text, 5) * 10 + digit(text, 6);
  const d = digit(text, 8) * 10 + digit(text, 9);
  if (y < 0 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : daysInMonth[m - 1]);
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
