/** CSV for people: a feature frame (plus label or split columns) as text with one header line, stable formatting. */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { FeatureFrame } from './frame.js';

/** Extra trailing columns (label, split), one value per row; NaN and null print as empty cells. */
export type ExtraColumns = Record<string, ArrayLike<number | string | null>>;

const needsQuotes = /[",\r\n]/;

/** One cell: empty for missing, numbers in JavaScript's shortest round-trip form, text quoted only when needed (RFC 4180). */
function cell(v: number | string | null | undefined): string {
  if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return '';
  if (typeof v === 'number') return String(v);
  return needsQuotes.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/**
 * The CSV text in chunks of `rowsPerChunk` rows (the first chunk starts with the header). Cells are formatted column by
 * column, then each line and the chunk are built with join: appending cell by cell to one growing string cost 0.5 s for
 * a 31,470 × 70 training set (5,000 customers), join 0.15 s, same bytes.
 */
function* csvChunks(frame: FeatureFrame, extra: ExtraColumns, rowsPerChunk = 10_000): Generator<string> {
  const names = Object.keys(frame.columns);
  const cols: ArrayLike<number | string | null | undefined>[] = [
    frame.customerId,
    frame.cutoff,
    ...names.map((n) => frame.columns[n]),
    ...Object.values(extra),
  ];
  const header = `${['customer_id', 'cutoff', ...names, ...Object.keys(extra)].map(cell).join(',')}\n`;
  const cells = cols.map(() => new Array<string>(rowsPerChunk));
  for (let start = 0; start < frame.nRows || start === 0; start += rowsPerChunk) {
    const end = Math.min(frame.nRows, start + rowsPerChunk);
    for (const [j, c] of cols.entries()) formatCells(c, start, end, cells[j]);
    const lines = new Array<string>(end - start);
    const row = new Array<string>(cells.length);
    for (let r = 0; r < end - start; r++) {
      for (let j = 0; j < cells.length; j++) row[j] = cells[j][r];
      lines[r] = row.join(',');
    }
    const text = (start === 0 ? header : '') + (lines.length ? `${lines.join('\n')}\n` : '');
    if (text) yield text;
  }
}

/** Cells `start`..`end` of one column into `out` (from index 0); numeric arrays skip the per-cell type tests. */
function formatCells(c: ArrayLike<number | string | null | undefined>, start: number, end: number, out: string[]): void {
  if (c instanceof Float64Array || c instanceof Uint8Array)
    for (let i = start; i < end; i++) {
      const v = c[i];
      out[i - start] = v !== v ? '' : String(v); // NaN → empty cell
    }
  else for (let i = start; i < end; i++) out[i - start] = cell(c[i]);
}

/** `customer_id,cutoff,<features…>,<extra…>` with one line per row, in frame order. */
export function frameToCsv(frame: FeatureFrame, extra: ExtraColumns = {}): string {
  let out = '';
  for (const chunk of csvChunks(frame, extra)) out += chunk;
  return out;
}

/** Writes the same text as frameToCsv to `file`, chunk by chunk (training sets can exceed a JavaScript string). */
export function writeFrameCsv(file: string, frame: FeatureFrame, extra: ExtraColumns = {}): void {
  const fd = openSync(file, 'w');
  try {
    for (const chunk of csvChunks(frame, extra)) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}
