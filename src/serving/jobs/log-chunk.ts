/**
 * One scored chunk of a job as the prediction log stores it: per-row columns plus the values every row shares. The
 * customer id is pseudonymised and the raw row hashed where the rows are written (the writer thread, when there is
 * one), not on the thread that parses and scores.
 */
import { createHash, createHmac } from 'node:crypto';

/** The `predictions` columns a job writes (features_json stays NULL: jobs carry no monitoring features). */
export const jobLogColumns = [
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
] as const;

/** A chunk's log rows, column-wise (cheap to post to the writer thread: two typed arrays and three string arrays). */
export interface LogChunk {
  createdAt: string;
  /** The job id. */
  requestId: string;
  modelId: string;
  /** Customer ids as in the file (pseudonymised when written). */
  ids: string[];
  /** Each row's raw CSV text (input_hash = its sha1). */
  raw: string[];
  probability: Float64Array;
  decision: Uint8Array;
  riskBucket: string[];
}

/**
 * The pseudonymised customer reference of the prediction log: HMAC-SHA256 under `secrets.hmacKey`, 16 hex digits.
 * The same function as the server's pseudonymiser (a test holds them equal); jobs see each id once, so no cache.
 */
export const customerRef = (hmacKey: string, id: string): string =>
  createHmac('sha256', hmacKey).update(id).digest('hex').slice(0, 16);

/** The chunk as insert rows in `jobLogColumns` order. */
export function logRows(c: LogChunk, pseudonymise: (id: string) => string): unknown[][] {
  const rows = new Array<unknown[]>(c.ids.length);
  for (let i = 0; i < rows.length; i++)
    rows[i] = [
      c.createdAt,
      'job',
      c.requestId,
      pseudonymise(c.ids[i]),
      null,
      c.modelId,
      createHash('sha1').update(c.raw[i]).digest('hex'),
      c.probability[i],
      c.decision[i],
      c.riskBucket[i],
    ];
  return rows;
}
