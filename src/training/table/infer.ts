/** Inferring a flat table's feature schema: numeric, yes/no boolean, categorical; ID-like, date, constant columns dropped. */
import type { FeatureInput } from '../../registry/index.js';
import type { TextTable } from './read-table.js';

/** The inferred schema, with what was left out and why, and notes for the user. */
export interface TableSchema {
  inputs: FeatureInput[];
  idColumn: string | null;
  dropped: { name: string; reason: string }[];
  notes: string[];
}

const BOOLEAN_PAIRS = [
  ['no', 'yes'],
  ['false', 'true'],
  ['n', 'y'],
  ['f', 't'],
  ['0', '1'],
] as const;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/** A column is numeric when at least this share of its non-blank cells are numbers (the rest become missing). */
export const MOSTLY_NUMERIC = 0.95;
/** Text columns with more distinct values than this share of the rows (and over 100) are too fine-grained to encode. */
const HIGH_CARDINALITY = 0.5;

/** True when `cell` is a plain decimal number (what numeric columns accept). */
export const isNumber = (cell: string) => NUMBER.test(cell);

/**
 * Rules, in order, for every column but the target and the id: all blank → dropped; one distinct value → dropped
 * (constant); two values spelling no/yes, false/true, n/y, f/t or 0/1 (any case) → boolean, its categories recording
 * [false spelling, true spelling] as written most often; ≥ 95 % numbers → numeric (other cells become missing, noted);
 * all ISO dates → dropped (a date's meaning depends on the export date; derive a duration such as tenure first);
 * otherwise text: a different value on every row → ID-like, dropped (the first one becomes the id column when none is
 * given); more distinct values than half the rows (and over 100) → dropped; else categorical.
 */
export function inferSchema(table: TextTable, target: string, idColumn?: string): TableSchema {
  const schema: TableSchema = { inputs: [], idColumn: idColumn ?? null, dropped: [], notes: [] };
  for (const [j, name] of table.header.entries()) {
    if (name === target || name === idColumn) continue;
    const verdict = classifyColumn(
      name,
      table.rows.map((r) => r[j]).filter((c) => c !== ''),
      table.rows.length,
    );
    if (verdict.note) schema.notes.push(verdict.note);
    if (verdict.input) schema.inputs.push(verdict.input);
    else if (verdict.dropped) {
      schema.dropped.push({ name, reason: verdict.dropped });
      if (verdict.idLike && schema.idColumn === null) {
        schema.idColumn = name;
        schema.notes.push(`${name}: unique on every row, used as the id column`);
      }
    }
  }
  return schema;
}

/** What one column becomes: an input, or dropped with a reason (ID-like columns flagged), plus an optional note. */
interface Verdict {
  input?: FeatureInput;
  dropped?: string;
  idLike?: boolean;
  note?: string;
}

function classifyColumn(name: string, cells: string[], rows: number): Verdict {
  const counts = new Map<string, number>();
  for (const c of cells) counts.set(c, (counts.get(c) ?? 0) + 1);
  if (cells.length === 0) return { dropped: 'empty: every cell is blank' };
  if (counts.size === 1) return { dropped: `constant: every non-blank cell is "${cells[0]}"` };
  const lower = new Set(cells.map((c) => c.toLowerCase()));
  const pair = lower.size === 2 ? BOOLEAN_PAIRS.find(([f, t]) => lower.has(f) && lower.has(t)) : undefined;
  if (pair) {
    const spelling = (v: string) => mostFrequent([...counts].filter(([c]) => c.toLowerCase() === v));
    return { input: { name, type: 'boolean', categories: [spelling(pair[0]), spelling(pair[1])], required: false } };
  }
  const numeric = cells.filter(isNumber).length;
  if (numeric >= MOSTLY_NUMERIC * cells.length) {
    const odd = [...new Set(cells.filter((c) => !isNumber(c)))].slice(0, 3).map((c) => `"${c}"`);
    const note =
      numeric < cells.length
        ? `${name}: ${cells.length - numeric} non-numeric cells (${odd.join(', ')}) read as missing`
        : undefined;
    return { input: { name, type: 'numeric', required: false }, note };
  }
  if (cells.every((c) => DATE.test(c)))
    return { dropped: 'date: its meaning depends on the export date (derive a duration first)' };
  if (counts.size === rows) return { dropped: 'ID-like: a different value on every row', idLike: true };
  if (counts.size > HIGH_CARDINALITY * rows && counts.size > 100)
    return { dropped: `high-cardinality text: ${counts.size} distinct values in ${rows} rows` };
  return { input: { name, type: 'categorical', categories: [...counts.keys()].sort(), required: false } };
}

function mostFrequent(entries: [string, number][]): string {
  return entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
}
