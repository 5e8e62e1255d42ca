/** Reading a flat churn table (CSV with a header) into trimmed text cells with their physical line numbers. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { ChurnError } from '../../errors/index.js';

/** A parsed table: header, rows of trimmed cells ('' = blank), and the file line each row starts on. */
export interface TextTable {
  file: string;
  header: string[];
  rows: string[][];
  lines: number[];
}

/** Parses `file` (UTF-8, optional BOM, comma-separated, quoted fields allowed). Ragged rows are a CHURN_ERR_CSV_FORMAT. */
export function readTable(file: string): TextTable {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ChurnError('CHURN_ERR_NOT_FOUND', `Cannot read table ${file}: ${(e as Error).message}`, { file });
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
    }) as unknown as typeof records;
  } catch (e) {
    throw new ChurnError('CHURN_ERR_CSV_FORMAT', `${file} is not a readable CSV table: ${(e as Error).message}`, { file });
  }
  if (records.length < 2) throw new ChurnError('CHURN_ERR_CSV_FORMAT', `${file} has no data rows under its header`, { file });
  const header = records[0].record.map((h) => h.trim());
  const seen = new Set<string>();
  for (const h of header) {
    if (!h) throw new ChurnError('CHURN_ERR_CSV_COLUMNS', `${file}: a header cell is empty`, { file });
    if (seen.has(h)) throw new ChurnError('CHURN_ERR_CSV_COLUMNS', `${file}: column "${h}" appears twice`, { file, column: h });
    seen.add(h);
  }
  const body = records.slice(1);
  return {
    file,
    header,
    rows: body.map((r) => r.record.map((c) => c.trim())),
    lines: body.map((r) => r.info.lines),
  };
}
