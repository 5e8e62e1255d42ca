/** Contract checks derived from the TypeBox schemas: storage types, enums, numeric ranges, text length and characters. */
import type { Dialect } from '../../store/index.js';
import { contracts, type RawTableName, rawTableNames } from '../contract/index.js';
import { type ColumnSpec, columnSpecs } from '../ingest/column-spec.js';
import { keySql, literal, type QualityCheck } from './check.js';

const or = (parts: string[]) => parts.map((p) => `(${p})`).join(' OR ');

// SQLite columns accept any value; PostgreSQL's column types already enforce these, so there the check is moot.
function typeViolation(c: ColumnSpec): string {
  const col = c.name;
  switch (c.kind) {
    case 'integer':
      return `typeof(${col}) NOT IN ('integer', 'null')`;
    case 'number':
      return `typeof(${col}) NOT IN ('integer', 'real', 'null')`;
    case 'date':
      return `${col} IS NOT NULL AND (typeof(${col}) <> 'text' OR date(${col}) IS NOT ${col})`;
    case 'string':
    case 'enum':
      return `typeof(${col}) NOT IN ('text', 'null')`;
  }
}

// On SQLite only values stored as numbers are range-checked, so a mistyped value fails the types check alone.
function rangeViolation(c: ColumnSpec, d: Dialect): string | null {
  const bounds = [
    c.minimum !== undefined ? `${c.name} < ${c.minimum}` : '',
    c.maximum !== undefined ? `${c.name} > ${c.maximum}` : '',
  ].filter(Boolean);
  if (!bounds.length) return null;
  return d.engine === 'sqlite' ? `typeof(${c.name}) IN ('integer', 'real') AND (${bounds.join(' OR ')})` : bounds.join(' OR ');
}

function formatViolation(c: ColumnSpec, d: Dialect): string | null {
  const parts: string[] = [];
  if (c.minLength !== undefined) parts.push(`length(${c.name}) < ${c.minLength}`);
  if (c.maxLength !== undefined) parts.push(`length(${c.name}) > ${c.maxLength}`);
  const charClass = c.pattern && /^\^\[([^\]]+)\]\+\$$/.exec(c.pattern)?.[1];
  if (charClass)
    parts.push(d.engine === 'sqlite' ? `${c.name} GLOB '*[^${charClass}]*'` : `${c.name} !~ ${literal(c.pattern ?? '')}`);
  return parts.length ? parts.join(' OR ') : null;
}

function tableChecks(table: RawTableName): QualityCheck[] {
  const specs = columnSpecs(table);
  const select = (where: string) => `SELECT ${keySql(table)} AS key FROM ${table} WHERE ${where}`;
  const listed = (xs: ColumnSpec[]) => xs.map((c) => c.name).join(', ');
  const enums = specs.filter((c) => c.kind === 'enum');
  const numeric = specs.filter((c) => c.minimum !== undefined || c.maximum !== undefined);
  // A foreign-key column's format is its parent key's format: checked once, on the parent table.
  const foreign = new Set(contracts[table].foreignKeys.map((fk) => fk.column));
  const texts = specs.filter((c) => c.kind === 'string' && !foreign.has(c.name));
  const checks: QualityCheck[] = [
    {
      id: `${table}.types`,
      description: `${table}: every value stored with its contract type; dates are real YYYY-MM-DD days`,
      severity: 'error',
      category: 'contract',
      sql: (d) => (d.engine === 'sqlite' ? select(or(specs.map(typeViolation))) : null),
    },
  ];
  if (enums.length)
    checks.push({
      id: `${table}.enums`,
      description: `${table}: only allowed values in ${listed(enums)}`,
      severity: 'error',
      category: 'contract',
      sql: () => select(or(enums.map((c) => `${c.name} NOT IN (${(c.values ?? []).map(literal).join(', ')})`))),
    });
  if (numeric.length)
    checks.push({
      id: `${table}.ranges`,
      description: `${table}: ${numeric.map((c) => `${c.name} in ${c.minimum ?? '−∞'}…${c.maximum ?? '∞'}`).join(', ')}`,
      severity: 'error',
      category: 'contract',
      sql: (d) => select(or(numeric.map((c) => rangeViolation(c, d)).filter((x): x is string => x !== null))),
    });
  if (texts.length)
    checks.push({
      id: `${table}.formats`,
      description: `${table}: length and characters of ${listed(texts)}`,
      severity: 'error',
      category: 'contract',
      sql: (d) => select(or(texts.map((c) => formatViolation(c, d)).filter((x): x is string => x !== null))),
    });
  return checks;
}

/** Every contract check, table by table. */
export const contractChecks: QualityCheck[] = rawTableNames.flatMap(tableChecks);
