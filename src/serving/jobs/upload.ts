/** Receiving a CSV upload: streamed to the job folder (any size up to the cap), header checked before the job is queued. */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import { parse } from 'csv-parse/sync';
import { ChurnError } from '../../errors/index.js';
import type { InputAdapter } from '../../scoring/index.js';
import { jobFiles } from './job-files.js';

/** Saves the uploaded file as a new job's input.csv; returns the job id and size. Bad files are removed and refused. */
export async function saveUpload(root: string, file: MultipartFile, input: InputAdapter): Promise<{ id: string; bytes: number }> {
  const id = randomUUID();
  const f = jobFiles(root, id);
  mkdirSync(f.dir, { recursive: true });
  try {
    await pipeline(file.file, createWriteStream(f.input));
    if (file.file.truncated)
      throw new ChurnError('CHURN_ERR_PAYLOAD_TOO_LARGE', 'The CSV file is larger than serving.uploadMaxBytes', {});
    await checkHeader(f.input, input);
    return { id, bytes: statSync(f.input).size };
  } catch (e) {
    rmSync(f.dir, { recursive: true, force: true });
    throw e;
  }
}

/** The header must parse and name only known columns (the model's inputs, the id, cutoff, the label, legacy names). */
async function checkHeader(file: string, input: InputAdapter): Promise<void> {
  let head = '';
  for await (const piece of createReadStream(file, { start: 0, end: 65_535, encoding: 'utf8' })) head += piece;
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.trim() === '') throw new ChurnError('CHURN_ERR_CSV_FORMAT', 'The CSV file is empty or has no header line', {});
  let columns: string[];
  try {
    columns = (parse(firstLine, { bom: true }) as string[][])[0] ?? [];
  } catch (e) {
    throw new ChurnError('CHURN_ERR_CSV_FORMAT', `The CSV header cannot be parsed: ${(e as Error).message}`, {});
  }
  const known = new Set([...input.fields.map((x) => x.name), input.idColumn, input.labelColumn, 'cutoff', 'gender', 'location']);
  const unknown = columns.filter((c) => !known.has(c));
  if (unknown.length > 0)
    throw new ChurnError(
      'CHURN_ERR_CSV_COLUMNS',
      `Unknown column(s): ${unknown.slice(0, 10).join(', ')}; see GET /predict/schema`,
      {
        errors: unknown
          .slice(0, 10)
          .map((c) => ({ field: c, rule: 'unknown field', message: 'is not a column this model reads' })),
      },
    );
  if (new Set(columns).size !== columns.length)
    throw new ChurnError('CHURN_ERR_CSV_COLUMNS', 'The CSV header repeats a column', {});
}
