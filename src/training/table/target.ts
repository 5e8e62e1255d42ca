/** The label of a flat table: its column, the value meaning "churned", and the 0/1 vector (no row silently dropped). */
import { ChurnError } from '../../errors/index.js';
import type { TextTable } from './read-table.js';

const POSITIVE_GUESSES = ['yes', 'true', '1', 'y', 't', 'churn', 'churned'];

/**
 * Reads the target column. Every row must have a value (blank targets are a CHURN_ERR_VALIDATION listing up to five
 * lines) and there must be exactly two values. `positive` defaults to the value spelled yes / true / 1 / churned (any case).
 */
export function readTarget(table: TextTable, column: string, positive?: string): { label: Uint8Array; positive: string } {
  const j = table.header.indexOf(column);
  if (j < 0)
    throw new ChurnError(
      'CHURN_ERR_CSV_COLUMNS',
      `Target column "${column}" is not in ${table.file} (columns: ${table.header.join(', ')})`,
      {
        column,
      },
    );
  const cells = table.rows.map((r) => r[j]);
  const blank = cells.flatMap((c, i) => (c === '' ? [table.lines[i]] : []));
  if (blank.length)
    throw new ChurnError(
      'CHURN_ERR_VALIDATION',
      `${blank.length} rows have no ${column} value (lines ${blank.slice(0, 5).join(', ')}${blank.length > 5 ? ', …' : ''}); fill or remove them`,
      { column, lines: blank.slice(0, 20) },
    );
  const values = [...new Set(cells)].sort();
  if (values.length !== 2)
    throw new ChurnError(
      'CHURN_ERR_VALIDATION',
      `Target column "${column}" must have exactly two values (found ${values.length}: ${values.slice(0, 5).join(', ')})`,
      { column, values: values.slice(0, 10) },
    );
  const chosen = positive ?? values.find((v) => POSITIVE_GUESSES.includes(v.toLowerCase()));
  if (chosen === undefined || !values.includes(chosen))
    throw new ChurnError(
      'CHURN_ERR_PARAM',
      positive === undefined
        ? `Cannot tell which value of "${column}" means churned (${values.join(' / ')}): pass --positive VALUE`
        : `--positive "${positive}" is not a value of "${column}" (${values.join(' / ')})`,
      { column, values },
    );
  return { label: Uint8Array.from(cells, (c) => (c === chosen ? 1 : 0)), positive: chosen };
}
