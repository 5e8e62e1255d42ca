/**
 * Running one scoring job: read input.csv in chunks of 8,192 records, check each row against the model's inputs, score
 * the chunk column-wise, write result.csv (id, probability, prediction, risk bucket, model) and errors.csv (line, field,
 * reason), log every prediction, and keep status.json current. Memory stays flat whatever the file size; rows in =
 * rows scored + rows rejected, in file order. The prediction log is written by a PredictionSink while the next chunk is
 * scored; the job is done only once the log holds every scored row.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { ChurnError, isChurnError } from '../../errors/index.js';
import type { InputAdapter, ValidRecord } from '../../scoring/index.js';
import type { Store } from '../../store/index.js';
import { hmacRef } from '../log/digests.js';
import type { ModelHolder } from '../model/holder.js';
import { CsvRecords } from './csv-records.js';
import { jobFiles, readStatus, writeStatus } from './job-files.js';
import type { JobStatus } from './job-queue.js';
import { type LogChunk, rowHash } from './log-chunk.js';
import { openPredictionSink, type PredictionSink } from './prediction-sink.js';

/** Records per chunk: big enough for the columnar scorer to pay, small enough to keep memory flat. */
const CHUNK = 8192;

/** What a job needs: the current model, the store for the prediction log, and how to pseudonymise ids. */
export interface JobContext {
  root: string;
  models: ModelHolder;
  store: Store;
  pseudonymise(id: string): string;
  /** The key behind `pseudonymise`: the job then computes the same references without the server's cache. */
  hmacKey?: string;
  /** Input size from which a SQLite prediction log is written by a helper thread (default 2 MB ≈ 35,000 rows). */
  logThreadMinBytes?: number;
}

const csvCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

async function write(out: WriteStream, text: string): Promise<void> {
  if (text !== '' && !out.write(text)) await once(out, 'drain');
}

/**
 * Which header columns become which record fields, as normaliseLegacy does for one record: `gender` is dropped,
 * `location` is `region` unless the file has a region column, and the training label is ignored.
 */
function cellLayout(header: readonly string[], input: InputAdapter): { index: number; name: string }[] {
  const known = new Set([...input.fields.map((x) => x.name), input.idColumn, 'cutoff', 'gender', 'location']);
  const unknown = header.filter((c) => !known.has(c) && c !== input.labelColumn);
  if (unknown.length > 0)
    throw new ChurnError('CHURN_ERR_CSV_COLUMNS', `Unknown column(s): ${unknown.join(', ')}`, { columns: unknown });
  const hasRegion = header.includes('region');
  const layout: { index: number; name: string }[] = [];
  header.forEach((name, index) => {
    if (name === 'gender' || name === input.labelColumn) return;
    if (name === 'location') {
      if (!hasRegion) layout.push({ index, name: 'region' });
      return;
    }
    layout.push({ index, name });
  });
  return layout;
}

/** Scores job `id` to completion; the final status (done or failed) is written to status.json and returned. */
export async function runScoringJob(ctx: JobContext, id: string): Promise<JobStatus> {
  const f = jobFiles(ctx.root, id);
  const status = readStatus(ctx.root, id);
  if (status === null) throw new ChurnError('CHURN_ERR_NOT_FOUND', `No job ${id}`, { id });
  const model = ctx.models.current(); // one model for the whole file
  const { scorer } = model;
  const input = scorer.input;
  Object.assign(status, {
    state: 'running',
    modelId: model.id,
    rowsRead: 0,
    rowsScored: 0,
    rowsRejected: 0,
    bytesRead: 0,
    error: null,
  });
  writeStatus(ctx.root, status);
  const result = createWriteStream(f.result);
  const errors = createWriteStream(f.errors);
  await write(result, 'customer_id,probability,prediction,risk_bucket,model_id\n');
  await write(errors, 'line,field,reason\n');
  const reader = new CsvRecords(f.input, CHUNK);
  const { hmacKey } = ctx;
  // The server's pseudonymiser without its cache (a job sees each id once): HMAC-SHA256 under secrets.hmacKey.
  const pseudonymise = hmacKey === undefined ? ctx.pseudonymise : hmacRef(hmacKey);
  let sink: PredictionSink | null = null;
  let lastStatus = Date.now();
  try {
    sink = await openPredictionSink({
      store: ctx.store,
      bytes: status.bytesTotal,
      threadMinBytes: ctx.logThreadMinBytes ?? 2 * 1024 * 1024,
    });
    const header = await reader.header();
    const layout = header ? cellLayout(header, input) : [];
    for (let batch = await reader.next(); batch; batch = await reader.next()) {
      const records: ValidRecord[] = [];
      const raw: string[] = [];
      let rejected = '';
      for (let k = 0; k < batch.cells.length; k++) {
        const row = batch.cells[k];
        const cells: Record<string, string> = {};
        for (const c of layout) cells[c.name] = row[c.index];
        try {
          records.push(input.parseCells(cells, status.rowsRead + k));
          raw.push(batch.raw[k]);
        } catch (e) {
          if (!isChurnError(e, 'CHURN_ERR_VALIDATION')) throw e;
          status.rowsRejected++;
          rejected += `${batch.lines[k]},${csvCell(String(e.context.field ?? ''))},${csvCell(e.message)}\n`;
        }
      }
      status.rowsRead += batch.cells.length;
      const text = records.length > 0 ? await scoreChunk(id, model.id, scorer, records, raw, sink, pseudonymise) : '';
      await Promise.all([write(result, text), write(errors, rejected)]);
      status.rowsScored += records.length;
      if (Date.now() - lastStatus > 500) {
        status.bytesRead = reader.bytesRead;
        writeStatus(ctx.root, status);
        lastStatus = Date.now();
      }
    }
    await sink.close(); // every scored row is in the prediction log before the job says done
    status.state = 'done';
  } catch (e) {
    status.state = 'failed';
    const code = isChurnError(e) ? e.code : 'CHURN_ERR_INTERNAL';
    status.error = { code, message: code === 'CHURN_ERR_INTERNAL' ? 'The job failed unexpectedly' : (e as Error).message };
    await sink?.close().catch(() => {});
  } finally {
    reader.close();
    result.end();
    errors.end();
    await Promise.all([once(result, 'close'), once(errors, 'close')]);
  }
  status.bytesRead = status.state === 'done' ? status.bytesTotal : reader.bytesRead;
  status.finishedAt = new Date().toISOString();
  writeStatus(ctx.root, status);
  return status;
}

/** Scores one chunk of valid records: returns its result.csv text and hands its log rows to the sink. */
async function scoreChunk(
  jobId: string,
  modelId: string,
  scorer: ReturnType<ModelHolder['current']>['scorer'],
  records: ValidRecord[],
  raw: string[],
  sink: PredictionSink,
  pseudonymise: (id: string) => string,
): Promise<string> {
  const s = scorer.score(scorer.prepareValid(records));
  const n = s.nRows;
  const chunk: LogChunk = {
    createdAt: new Date().toISOString(),
    requestId: jobId,
    modelId,
    customerRef: new Array<string>(n),
    inputHash: new Array<string>(n),
    probability: new Float64Array(n),
    decision: new Uint8Array(n),
    riskBucket: new Array<string>(n),
  };
  let text = '';
  for (let i = 0; i < n; i++) {
    const rowId = records[i].id;
    const p = s.probability[i];
    text += `${csvCell(rowId)},${p},${s.decision[i]},${s.riskBucket[i]},${modelId}\n`;
    chunk.customerRef[i] = pseudonymise(rowId);
    chunk.inputHash[i] = rowHash(raw[i]);
    chunk.probability[i] = p;
    chunk.decision[i] = s.decision[i];
    chunk.riskBucket[i] = s.riskBucket[i];
  }
  await sink.write(chunk);
  return text;
}
