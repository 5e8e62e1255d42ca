/** One scored chunk of a job as the prediction log stores it: per-row columns plus the values every row shares. */
import { sha1Hex } from '../log/digests.js';

/** A chunk's log rows, column-wise (cheap to post to the writer thread: two typed arrays and three string arrays). */
export interface LogChunk {
  createdAt: string;
  /** The job id. */
  requestId: string;
  modelId: string;
  /** Pseudonymised customer ids. */
  customerRef: string[];
  /** sha1 of each row's raw CSV text. */
  inputHash: string[];
  probability: Float64Array;
  decision: Uint8Array;
  riskBucket: string[];
}

/** The input hash of a job row: sha1 of its raw CSV text. */
export const rowHash = (raw: string): string => sha1Hex(raw);

/** The chunk as insert rows in `logColumns` order (features_json NULL: jobs carry no monitoring features). */
export function logRows(c: LogChunk): unknown[][] {
  const rows = new Array<unknown[]>(c.customerRef.length);
  for (let i = 0; i < rows.length; i++)
    rows[i] = [
      c.createdAt,
      'job',
      c.requestId,
      c.customerRef[i],
      null,
      c.modelId,
      c.inputHash[i],
      c.probability[i],
      c.decision[i],
      c.riskBucket[i],
      null,
    ];
  return rows;
}
