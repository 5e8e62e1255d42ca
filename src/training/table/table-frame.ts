/** Table rows → the FeatureFrame of a table model's inputs, by the same rules at training and at scoring. */
import { ChurnError } from '../../errors/index.js';
import type { Category, FeatureFrame, FrameColumn } from '../../features/index.js';
import type { FeatureInput } from '../../registry/index.js';
import { isNumber } from './infer.js';

/** How cells that do not fit their column's type are handled. */
export interface TableFrameOptions {
  /** Training: a non-numeric cell of a numeric column becomes missing (inference noted it). Scoring (default): an error. */
  lenientNumbers?: boolean;
  /** Line numbers of the rows, for error messages (default: row index + 2, a header line then one line per row). */
  lines?: readonly number[];
}

/**
 * Builds the frame of `inputs` from rows of cells keyed by column name. Blank cells are missing. Numbers must be plain
 * decimals; booleans match their two recorded spellings case-insensitively (categories = [false, true]); categories are
 * kept as written (unseen ones are the preprocessor's business). A missing column or a bad cell is a
 * CHURN_ERR_VALIDATION naming the column and the line.
 */
export function tableFrame(
  inputs: readonly FeatureInput[],
  rows: readonly Readonly<Record<string, string | null | undefined>>[],
  ids: readonly string[],
  options: TableFrameOptions = {},
): FeatureFrame {
  const line = (i: number) => options.lines?.[i] ?? i + 2;
  const bad = (field: string, i: number, message: string) =>
    new ChurnError('CHURN_ERR_VALIDATION', `${field} (line ${line(i)}): ${message}`, { field, line: line(i), row: i });
  const columns: Record<string, FrameColumn> = {};
  for (const input of inputs) {
    const cellAt = (i: number): string => {
      const v = rows[i][input.name];
      if (v === undefined) throw bad(input.name, i, 'column is missing from the row');
      return (v ?? '').trim();
    };
    if (input.type === 'categorical') {
      columns[input.name] = rows.map((_, i): Category => cellAt(i) || null);
      continue;
    }
    const out = new Float64Array(rows.length);
    const [no, yes] = (input.categories ?? []).map((c) => c.toLowerCase());
    for (let i = 0; i < rows.length; i++) {
      const c = cellAt(i);
      if (c === '') out[i] = Number.NaN;
      else if (input.type === 'boolean') {
        const l = c.toLowerCase();
        if (l !== no && l !== yes) throw bad(input.name, i, `must be ${input.categories?.join(' or ')} (got "${c}")`);
        out[i] = l === yes ? 1 : 0;
      } else if (isNumber(c)) out[i] = Number(c);
      else if (options.lenientNumbers) out[i] = Number.NaN;
      else throw bad(input.name, i, `must be a number (got "${c}")`);
    }
    columns[input.name] = out;
  }
  return { nRows: rows.length, customerId: [...ids], cutoff: rows.map(() => ''), columns };
}
