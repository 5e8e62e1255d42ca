/** One CSV row → typed values in contract order, or the problem that sends it to quarantine (strict coercion + compiled TypeBox check). */
import { type TypeCheck, TypeCompiler } from '@sinclair/typebox/compiler';
import { contracts, type RawTableName } from '../contract/index.js';
import { type ColumnSpec, columnSpecs, isCalendarDate, registerDateFormat } from './column-spec.js';
import type { QuarantineReason, RowProblem } from './reasons.js';

const integerText = /^[+-]?\d+$/;
const numberText = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const show = (v: unknown) => {
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
};

/** Returned by `coerce` for a bad cell; the problem is in `cellProblem` (no allocation per good cell). */
const bad = Symbol('bad cell');
let cellProblem: { reason: QuarantineReason; detail: string } = { reason: 'missing_value', detail: '' };
const fail = (reason: QuarantineReason, detail: string) => {
  cellProblem = { reason, detail };
  return bad;
};

/** Reads one CSV cell strictly: empty = null; "12abc" is not an integer; dates must exist. */
function coerce(spec: ColumnSpec, text: string): unknown {
  if (text === '') return spec.nullable ? null : fail('missing_value', `${spec.name}: empty but required`);
  switch (spec.kind) {
    case 'integer': {
      const n = Number(text);
      if (integerText.test(text) && Number.isSafeInteger(n)) return n;
      return fail('not_integer', `${spec.name}: ${show(text)} is not a whole number`);
    }
    case 'number': {
      const n = Number(text);
      if (numberText.test(text) && Number.isFinite(n)) return n;
      return fail('not_number', `${spec.name}: ${show(text)} is not a number`);
    }
    case 'date':
      return isCalendarDate(text)
        ? text
        : fail('invalid_date', `${spec.name}: ${show(text)} is not a calendar date (YYYY-MM-DD)`);
    case 'string':
    case 'enum':
      return text;
  }
}

/** Why a coerced value fails its column's schema, in words. */
function explain(spec: ColumnSpec, value: unknown): { reason: QuarantineReason; detail: string } {
  const { name } = spec;
  if (value === null) return { reason: 'missing_value', detail: `${name}: empty but required` };
  switch (spec.kind) {
    case 'enum':
      return { reason: 'not_in_enum', detail: `${name}: ${show(value)} is not one of ${spec.values?.join(', ')}` };
    case 'integer':
    case 'number':
      return { reason: 'out_of_range', detail: `${name}: ${value} is outside ${spec.minimum ?? '−∞'}…${spec.maximum ?? '∞'}` };
    case 'date':
      return { reason: 'invalid_date', detail: `${name}: ${show(value)} is not a calendar date (YYYY-MM-DD)` };
    case 'string': {
      const length = String(value).length;
      if (length < (spec.minLength ?? 0) || length > (spec.maxLength ?? Number.POSITIVE_INFINITY))
        return {
          reason: 'invalid_format',
          detail: `${name}: length ${length} is outside ${spec.minLength ?? 0}…${spec.maxLength}`,
        };
      return { reason: 'invalid_format', detail: `${name}: ${show(value)} does not match ${spec.pattern}` };
    }
  }
}

/** Reads rows of one table whose CSV header is `header` (already checked to hold exactly the contract columns). */
export interface RowValidator {
  /** Typed values in contract column order, or the row's problem. */
  read(cells: readonly string[]): unknown[] | RowProblem;
}

const compiled = new Map<RawTableName, { row: TypeCheck<never>; columns: TypeCheck<never>[] }>();

function checkers(table: RawTableName) {
  let c = compiled.get(table);
  if (!c) {
    registerDateFormat();
    const { schema, columns } = contracts[table];
    c = {
      row: TypeCompiler.Compile(schema) as unknown as TypeCheck<never>,
      columns: columns.map((name) => TypeCompiler.Compile(schema.properties[name]) as unknown as TypeCheck<never>),
    };
    compiled.set(table, c);
  }
  return c;
}

/** A validator for rows of `table` laid out as `header`. */
export function rowValidator(table: RawTableName, header: readonly string[]): RowValidator {
  const specs = columnSpecs(table);
  const at = specs.map((s) => header.indexOf(s.name));
  const check = checkers(table);
  const width = header.length;
  const inPlace = width === specs.length && at.every((p, i) => p === i);
  // One record object reused for every row: the compiled check reads it and keeps nothing.
  const record: Record<string, unknown> = Object.fromEntries(specs.map((s) => [s.name, null]));
  return {
    read(cells) {
      if (cells.length !== width)
        return {
          column: '',
          reason: 'column_count',
          detail: `row has ${cells.length} cells, the header has ${width}`,
        };
      // Header in contract order (the usual case): the cells array becomes the values array, one allocation less per row.
      const values = inPlace ? (cells as unknown[]) : new Array<unknown>(specs.length);
      const problems: RowProblem[] = [];
      for (let i = 0; i < specs.length; i++) {
        const v = coerce(specs[i], cells[at[i]]);
        if (v === bad) problems.push({ column: specs[i].name, ...cellProblem });
        else {
          values[i] = v;
          record[specs[i].name] = v;
        }
      }
      if (!problems.length && check.row.Check(record as never)) return values;
      if (!problems.length)
        for (let i = 0; i < specs.length; i++)
          if (!check.columns[i].Check(values[i] as never))
            problems.push({ column: specs[i].name, ...explain(specs[i], values[i]) });
      if (!problems.length) {
        const first = check.row.Errors(record as never).First();
        return { column: first?.path.slice(1) ?? '', reason: 'invalid_format', detail: first?.message ?? 'breaks the contract' };
      }
      return { column: problems[0].column, reason: problems[0].reason, detail: problems.map((p) => p.detail).join('; ') };
    },
  };
}
