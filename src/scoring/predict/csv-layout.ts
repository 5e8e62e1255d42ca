/** How the columns of a CSV to score map to the model: inputs, id, ignored label, pass-through, and the added columns. */
import { ChurnError } from '../../errors/index.js';
import type { InputAdapter } from '../input/input.js';

/** Columns `churn predict` appends (an input column of the same name is replaced, not duplicated). */
export const predictionColumns = ['probability', 'decision', 'risk_bucket', 'error'] as const;

/** The role of each input column and the output header. */
export interface CsvLayout {
  /** Input header, as read. */
  header: string[];
  /** Positions of the columns handed to the model (its inputs and the id column; cutoff for snapshot models). */
  modelColumns: { name: string; at: number }[];
  /** Positions of the columns copied to the output unchanged (everything but replaced prediction columns). */
  passThrough: number[];
  /** Output header: pass-through columns, then the prediction columns. */
  outputHeader: string[];
}

/**
 * Reads a header. Every input the model was trained on must be a column (blank cells are missing values); a missing
 * one is CHURN_ERR_CSV_COLUMNS naming it, since silently imputing a whole column would score every row wrongly.
 */
export function csvLayout(header: readonly string[], input: InputAdapter, file: string): CsvLayout {
  const names = header.map((h) => h.trim());
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new ChurnError('CHURN_ERR_CSV_COLUMNS', `${file}: column "${n}" appears twice`, { file, column: n });
    seen.add(n);
  }
  const missing = input.fields.map((f) => f.name).filter((n) => !seen.has(n));
  if (missing.length)
    throw new ChurnError(
      'CHURN_ERR_CSV_COLUMNS',
      `${file} lacks ${missing.length} of the model's ${input.fields.length} input columns: ${missing.slice(0, 10).join(', ')}` +
        `${missing.length > 10 ? ', …' : ''} (the CSV must have the training table's columns; blank cells are allowed)`,
      { file, missing },
    );
  const wanted = new Set([
    ...input.fields.map((f) => f.name),
    input.idColumn,
    ...(input.source === 'snapshots' ? ['cutoff'] : []),
  ]);
  const replaced = new Set<string>(predictionColumns);
  const modelColumns = names.flatMap((name, at) => (wanted.has(name) ? [{ name, at }] : []));
  const passThrough = names.flatMap((name, at) => (replaced.has(name) ? [] : [at]));
  return {
    header: names,
    modelColumns,
    passThrough,
    outputHeader: [...passThrough.map((at) => header[at]), ...predictionColumns],
  };
}
