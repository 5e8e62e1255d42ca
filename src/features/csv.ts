/** CSV for people: a feature frame (plus label or split columns) as text with one header line, stable formatting. */
import { stringify } from 'csv-stringify/sync';
import type { FeatureFrame } from './frame.js';

/** Extra trailing columns (label, split), one value per row; NaN and null print as empty cells. */
export type ExtraColumns = Record<string, ArrayLike<number | string | null>>;

const cell = (v: number | string | null | undefined): string =>
  v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? '' : String(v);

/** `customer_id,cutoff,<features…>,<extra…>` with one line per row, in frame order. */
export function frameToCsv(frame: FeatureFrame, extra: ExtraColumns = {}): string {
  const names = Object.keys(frame.columns);
  const extras = Object.entries(extra);
  const records: string[][] = [['customer_id', 'cutoff', ...names, ...extras.map(([n]) => n)]];
  const cols = names.map((n) => frame.columns[n]);
  for (let i = 0; i < frame.nRows; i++) {
    const rec = [frame.customerId[i], frame.cutoff[i]];
    for (const c of cols) rec.push(cell(c[i]));
    for (const [, c] of extras) rec.push(cell(c[i]));
    records.push(rec);
  }
  return stringify(records);
}
