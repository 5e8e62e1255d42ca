/**
 * Running one scoring job: stream input.csv, check each row against the model's inputs, score in chunks of 5,000 rows,
 * write result.csv (id, probability, prediction, risk bucket, model) and errors.csv (line, field, reason), log every
 * prediction, and keep status.json current. Memory stays flat whatever the file size.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { parse } from 'csv-parse';
import { ChurnError, isChurnError } from '../../errors/index.js';
import type { ValidRecord } from '../../scoring/index.js';
import type { Store } from '../../store/index.js';
import type { ModelHolder } from '../model/holder.js';
import { normaliseLegacy } from '../predict/legacy-fields.js';
import { jobFiles, readStatus, writeStatus } from './job-files.js';
import type { JobStatus } from './job-queue.js';

const CHUNK = 5000;
const logColumns = [
  'created_at',
  'source',
  'request_id',
  'customer_ref',
  'snapshot_date',
  'model_id',
  'input_hash',
  'probability',
  'decision',
  'risk_bucket',
];

/** What a job needs: the current model, the store for the prediction log, and how to pseudonymise ids. */
export interface JobContext {
  root: string;
  models: ModelHolder;
  store: Store;
  pseudonymise(id: string): string;
}

const csvCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

async function write(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/** Scores job `id` to completion; the final status (done or failed) is written to status.json and returned. */
export async function runScoringJob(ctx: JobContext, id: string): Promise<JobStatus> {
  const f = jobFiles(ctx.root, id);
  const status = readStatus(ctx.root, id);
  if (status === null) throw new ChurnError('CHURN_ERR_NOT_FOUND', `No job ${id}`, { id });
  const model = ctx.models.current(); // one model for the whole file
  const input = model.scorer.input;
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
  const known = new Set([...input.fields.map((x) => x.name), input.idColumn, 'cutoff', 'gender', 'location']);
  const source = createReadStream(f.input);
  const parser = source.pipe(parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: false }));
  let chunk: ValidRecord[] = [];
  let cellsOf: string[] = []; // the raw cells of each row, joined: what input_hash covers (cheaper than re-serialising values)
  let lastStatus = Date.now();
  const flush = async () => {
    if (chunk.length === 0) return;
    const rows = chunk;
    const raw = cellsOf;
    chunk = [];
    cellsOf = [];
    const s = model.scorer.score(model.scorer.prepareValid(rows));
    let text = '';
    const log: unknown[][] = [];
    const now = new Date().toISOString();
    for (let i = 0; i < s.nRows; i++) {
      text += `${csvCell(rows[i].id)},${s.probability[i]},${s.decision[i]},${s.riskBucket[i]},${model.id}\n`;
      const hash = createHash('sha1').update(raw[i]).digest('hex');
      log.push([
        now,
        'job',
        id,
        ctx.pseudonymise(rows[i].id),
        null,
        model.id,
        hash,
        s.probability[i],
        s.decision[i],
        s.riskBucket[i],
      ]);
    }
    await write(result, text);
    await ctx.store.insertMany('predictions', logColumns, log);
    status.rowsScored += s.nRows;
    if (Date.now() - lastStatus > 500) {
      status.bytesRead = source.bytesRead;
      writeStatus(ctx.root, status);
      lastStatus = Date.now();
    }
  };
  try {
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      const line = status.rowsRead + 2; // 1-based, after the header
      status.rowsRead++;
      if (status.rowsRead === 1) {
        const unknown = Object.keys(record).filter((c) => !known.has(c) && c !== input.labelColumn);
        if (unknown.length > 0)
          throw new ChurnError('CHURN_ERR_CSV_COLUMNS', `Unknown column(s): ${unknown.join(', ')}`, { columns: unknown });
      }
      try {
        const cells = normaliseLegacy(record) as Record<string, string>;
        if (input.labelColumn in cells) delete cells[input.labelColumn];
        chunk.push(input.parseCells(cells, status.rowsRead - 1));
        cellsOf.push(Object.values(record).join('\u001f'));
      } catch (e) {
        if (!isChurnError(e, 'CHURN_ERR_VALIDATION')) throw e;
        status.rowsRejected++;
        await write(errors, `${line},${csvCell(String(e.context.field ?? ''))},${csvCell(e.message)}\n`);
      }
      if (chunk.length >= CHUNK) await flush();
    }
    await flush();
    status.state = 'done';
  } catch (e) {
    status.state = 'failed';
    const code = isChurnError(e)
      ? e.code
      : (e as { code?: string }).code?.startsWith('CSV_')
        ? 'CHURN_ERR_CSV_FORMAT'
        : 'CHURN_ERR_INTERNAL';
    status.error = { code, message: code === 'CHURN_ERR_INTERNAL' ? 'The job failed unexpectedly' : (e as Error).message };
    source.destroy();
  } finally {
    result.end();
    errors.end();
    await Promise.all([once(result, 'close'), once(errors, 'close')]);
  }
  status.bytesRead = status.state === 'done' ? status.bytesTotal : source.bytesRead;
  status.finishedAt = new Date().toISOString();
  writeStatus(ctx.root, status);
  return status;
}
