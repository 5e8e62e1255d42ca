/** Streaming one CSV file into its table: csv-parse records → physical line numbers → validation → batched commits. */
import { createReadStream } from 'node:fs';
import { type CsvError, parse } from 'csv-parse';
import { type BatchTarget, commitBatch, type PendingRow } from './batch.js';
import { BatchQueue } from './batch-queue.js';
import type { CsvFilePlan } from './inspect.js';
import type { RowProblem } from './reasons.js';
import type { FileLoadSummary } from './summary.js';
import { addReasons } from './summary.js';
import { rowValidator } from './validate.js';

/** Progress of the file being loaded, reported after each committed batch. */
export interface LoadProgress {
  file: string;
  table: string;
  rowsRead: number;
  bytesRead: number;
  bytesTotal: number;
}

const newlines = (s: string) => {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
};
const stripLineEnd = (raw: string) => {
  let end = raw.length;
  while (end > 0 && (raw.charCodeAt(end - 1) === 10 || raw.charCodeAt(end - 1) === 13)) end--;
  return end === raw.length ? raw : raw.slice(0, end);
};

/** How rows are grouped: checked and written `batchRows` at a time, committed after at least `transactionRows`. */
export interface BatchSizes {
  batchRows: number;
  transactionRows: number;
}

/** Loads one inspected, non-empty file. */
export async function loadCsvFile(
  plan: CsvFilePlan,
  target: BatchTarget,
  { batchRows, transactionRows }: BatchSizes,
  onProgress?: (p: LoadProgress) => void,
): Promise<FileLoadSummary> {
  const started = performance.now();
  const summary: FileLoadSummary = {
    file: target.sourceFile,
    table: plan.table,
    status: 'loaded',
    read: 0,
    loaded: 0,
    quarantined: 0,
    blankLines: 0,
    byReason: {},
    quarantineFile: null,
    seconds: 0,
  };
  const validator = rowValidator(plan.table, plan.header);
  const source = createReadStream(plan.file, { highWaterMark: 1 << 20 });
  const parser = parse({
    bom: true,
    raw: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    ...(plan.mixedLineEndings ? { record_delimiter: ['\r\n', '\n'] } : {}),
  });
  let nextLine = 1;
  let headerSeen = false;
  let batch: PendingRow[] = [];
  const queue = new BatchQueue<PendingRow[]>(
    () => parser.pause(),
    () => parser.resume(),
  );
  // Hand over a full batch only when the next row arrives, so the file's last row is always in the final batch.
  const add = (row: PendingRow) => {
    if (batch.length >= batchRows) {
      queue.push(batch);
      batch = [];
    }
    summary.read++;
    batch.push(row);
  };

  parser.on('data', ({ record, raw }: { record: string[]; raw: string }) => {
    const line = nextLine;
    for (const cell of record) if (cell.includes('\n')) nextLine += newlines(cell);
    nextLine++;
    if (!headerSeen) {
      headerSeen = true;
      return;
    }
    if (record.length === 1 && record[0] === '') {
      summary.blankLines++;
      return;
    }
    const cells = record.length;
    const read = validator.read(record);
    const problem = Array.isArray(read) ? null : read;
    add({ line, raw: stripLineEnd(raw), cells, values: problem ? null : (read as unknown[]), problem });
  });
  parser.on('skip', (e: CsvError & { raw?: string }) => {
    const line = nextLine;
    const raw = stripLineEnd(e.raw ?? '');
    nextLine += newlines(raw) + 1;
    const problem: RowProblem =
      e.code === 'CSV_QUOTE_NOT_CLOSED'
        ? {
            column: '',
            reason: 'truncated_row',
            detail: `the file ends inside a quoted field opened on line ${line} (lines ${line}–${nextLine - 1}): truncated file or unbalanced quote`,
          }
        : { column: '', reason: 'malformed_csv', detail: e.message };
    add({ line, raw, cells: 0, values: null, problem });
  });
  source.on('error', (e) => queue.fail(e));
  parser.on('error', (e) => queue.fail(e));
  parser.on('end', () => {
    markTruncatedLastRow(batch, plan);
    if (batch.length) queue.push(batch);
    queue.end();
  });
  source.pipe(parser);

  // Several batches per transaction: fewer commits (and WAL checkpoints), while other writers still get turns.
  try {
    let exhausted = false;
    for (let next = await queue.next(); next; next = exhausted ? null : await queue.next()) {
      const first: PendingRow[] = next;
      await target.store.transaction(async (tx) => {
        let rows = 0;
        for (let b: PendingRow[] | null = first; b; b = await queue.next()) {
          const done = await commitBatch({ ...target, store: tx }, b);
          summary.loaded += done.loaded;
          summary.quarantined += b.length - done.loaded;
          addReasons(summary.byReason, done.byReason);
          const { bytesRead } = source;
          onProgress?.({ file: summary.file, table: plan.table, rowsRead: summary.read, bytesRead, bytesTotal: plan.bytes });
          rows += b.length;
          if (rows >= transactionRows) return;
        }
        exhausted = true;
      });
    }
  } catch (e) {
    source.destroy();
    parser.destroy();
    throw e;
  }
  if (summary.read === 0) summary.status = 'header_only';
  if (summary.quarantined) summary.quarantineFile = target.quarantine.file;
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** A last line without a line end whose cells are short, or whose last cell is bad, was most likely cut off. */
function markTruncatedLastRow(batch: PendingRow[], plan: CsvFilePlan): void {
  const last = batch[batch.length - 1];
  if (!last?.problem || plan.endsWithNewline || last.problem.reason === 'truncated_row') return;
  const short = last.problem.reason === 'column_count' && last.cells < plan.header.length;
  if (short || last.problem.column === plan.header[plan.header.length - 1])
    last.problem = {
      ...last.problem,
      reason: 'truncated_row',
      detail: `the last line has no line end (file cut off?): ${last.problem.detail}`,
    };
}
