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

/** The CSV text in chunks of `rowsPerChunk` rows (the first chunk starts with the header). */
function* csvChunks(frame: FeatureFrame, extra: ExtraColumns, rowsPerChunk = 10_000): Generator<string> {
  const names = Object.keys(frame.columns);
  const cols = [...names.map((n) => frame.columns[n]), ...Object.values(extra)];
  let text = `${['customer_id', 'cutoff', ...names, ...Object.keys(extra)].map(cell).join(',')}\n`;
  for (let i = 0; i < frame.nRows; i++) {
    let line = `${cell(frame.customerId[i])},${cell(frame.cutoff[i])}`;
    for (const c of cols) line += `,${cell(c[i])}`;
    text += `${line}\n`;
    if ((i + 1) % rowsPerChunk === 0) {
      yield text;
      text = '';
    }
  }
  if (text) yield text;
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
