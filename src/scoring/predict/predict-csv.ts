/**
 * `churn predict`: a CSV with the training table's columns, streamed through the scorer in batches — one output row per
 * input row, in input order, extra columns passed through, rejected rows kept with empty scores and the reason.
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { ChurnError, isChurnError } from '../../errors/index.js';
import type { ValidRecord } from '../input/input.js';
import type { Scorer } from '../scorer.js';
import { type CsvLayout, csvLayout } from './csv-layout.js';

/** A row the model could not score: its line in the file (header = line 1) and why. */
export interface RejectedRow {
  line: number;
  reason: string;
}

/** What a predict run did. */
export interface PredictSummary {
  rows: number;
  scored: number;
  /** Every rejected row, in file order. */
  rejected: RejectedRow[];
  /** Scored rows at or above the decision threshold. */
  flagged: number;
}

/** Options of `predictCsv`. */
export interface PredictOptions {
  /** Rows scored per model call (default 4,096): memory stays bounded whatever the file size. */
  batchSize?: number;
  /** Name of the input in messages (default: the path, or "input"). */
  name?: string;
  onProgress?: (rows: number) => void;
}

interface Pending {
  line: number;
  cells: string[];
  record: ValidRecord | null;
  error: string;
}

/** Scores `input` (a path or a stream of CSV text) into `output` (a path or a writable stream). */
export async function predictCsv(
  scorer: Scorer,
  input: string | Readable,
  output: string | Writable,
  options: PredictOptions = {},
): Promise<PredictSummary> {
  const name = options.name ?? (typeof input === 'string' ? input : 'input');
  const batchSize = options.batchSize ?? 4096;
  const source = typeof input === 'string' ? createReadStream(input) : input;
  const sink = typeof output === 'string' ? createWriteStream(output) : output;
  const parser = source.pipe(parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true }));
  source.on('error', (e: Error) => parser.destroy(e)); // pipe() does not forward a read error (e.g. a missing file)
  const writer = stringify();
  writer.pipe(sink);
  const summary: PredictSummary = { rows: 0, scored: 0, rejected: [], flagged: 0 };
  let layout: CsvLayout | null = null;
  let batch: Pending[] = [];
  const write = async (cells: string[]) => {
    if (!writer.write(cells)) await once(writer, 'drain');
  };
  const flush = async () => {
    if (!layout) return;
    await writeBatch(scorer, layout, batch, summary, write);
    options.onProgress?.(summary.rows);
    batch = [];
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!layout) {
        layout = csvLayout(record, scorer.input, name);
        await write(layout.outputHeader);
        continue;
      }
      batch.push(readRow(scorer, layout, record, info.lines, summary.rows));
      summary.rows++;
      if (batch.length >= batchSize) await flush();
    }
    if (!layout) throw new ChurnError('CHURN_ERR_CSV_FORMAT', `${name} is empty: no header line`, { file: name });
    await flush();
  } catch (e) {
    if (isChurnError(e)) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new ChurnError('CHURN_ERR_NOT_FOUND', `No file ${name} to score`, { file: name });
    throw new ChurnError('CHURN_ERR_CSV_FORMAT', `${name} cannot be read as CSV: ${(e as Error).message}`, { file: name });
  } finally {
    writer.end();
  }
  await finished(sink);
  return summary;
}

/** Parses one row's model cells; a validation failure is kept as the row's error, anything else is a bug and throws. */
function readRow(scorer: Scorer, layout: CsvLayout, cells: string[], line: number, index: number): Pending {
  if (cells.length !== layout.header.length)
    return { line, cells, record: null, error: `has ${cells.length} fields, the header has ${layout.header.length}` };
  const values: Record<string, string> = {};
  for (const c of layout.modelColumns) values[c.name] = cells[c.at];
  try {
    return { line, cells, record: scorer.input.parseCells(values, index), error: '' };
  } catch (e) {
    if (isChurnError(e, 'CHURN_ERR_VALIDATION')) return { line, cells, record: null, error: e.message };
    throw e;
  }
}

/** Scores the valid rows of a batch in one model call and writes every row in input order. */
async function writeBatch(
  scorer: Scorer,
  layout: CsvLayout,
  batch: Pending[],
  summary: PredictSummary,
  write: (cells: string[]) => Promise<void>,
): Promise<void> {
  const valid = batch.filter((p) => p.record !== null);
  const scores = valid.length ? scorer.score(scorer.prepareValid(valid.map((p) => p.record as ValidRecord))) : null;
  let k = 0;
  for (const p of batch) {
    const kept = layout.passThrough.map((at) => p.cells[at] ?? '');
    if (p.record === null || !scores) {
      summary.rejected.push({ line: p.line, reason: p.error });
      await write([...kept, '', '', '', p.error]);
      continue;
    }
    summary.scored++;
    summary.flagged += scores.decision[k];
    await write([...kept, String(scores.probability[k]), String(scores.decision[k]), scores.riskBucket[k], '']);
    k++;
  }
}
