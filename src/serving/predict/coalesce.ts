/**
 * Single-record /predict calls that arrive in the same turn of the event loop are scored together in one
 * scoreRecords call. Preparing a frame has a fixed cost per call that dwarfs the per-row cost (a 1-row frame costs
 * about as much as dozens of rows), so with many concurrent clients, coalescing cuts the cost of a cache miss; a lone
 * request waits only until the end of the current turn (setImmediate). Each caller gets exactly what a call of its
 * own would give: its prediction, or its own CHURN_ERR_VALIDATION naming row 0 and the field.
 */
import { ChurnError } from '../../errors/index.js';
import type { ServingDeps } from '../deps.js';
import type { PredictionOut } from './prediction.js';
import { scoreRecords } from './score-records.js';

interface Waiting {
  record: unknown;
  requestId: string;
  resolve(p: PredictionOut): void;
  reject(e: unknown): void;
}

/** Scores one record (as /predict does, strict), together with the other records of the same event-loop turn. */
export type CoalescedPredict = (record: unknown, explain: boolean, requestId: string) => Promise<PredictionOut>;

/** A coalescing scorer over `deps` (one per server). */
export function coalescedPredict(deps: ServingDeps): CoalescedPredict {
  // One queue per explain flag: a call scores either explained or plain records.
  const queues: [Waiting[], Waiting[]] = [[], []];
  let scheduled = false;
  const run = (explain: boolean, waiting: Waiting[]) => {
    if (waiting.length === 0) return;
    let out: ReturnType<typeof scoreRecords>;
    try {
      out = scoreRecords(
        deps,
        waiting.map((w) => w.record),
        { explain, strict: false, requestId: '', requestIds: waiting.map((w) => w.requestId), source: 'api' },
      );
    } catch (e) {
      for (const w of waiting) w.reject(e); // no model, a bug: every caller gets the same error
      return;
    }
    for (const p of out.scored) {
      // A record without customer_id is record-0 in a call of its own.
      if (typeof (waiting[p.index].record as { customer_id?: unknown }).customer_id !== 'string') p.customer_id = 'record-0';
      waiting[p.index].resolve(p);
    }
    for (const r of out.rejected) {
      const error = { ...r.error, row: 0 };
      waiting[r.index].reject(new ChurnError('CHURN_ERR_VALIDATION', `row 0: ${error.message}`, { errors: [error] }));
    }
  };
  const flush = () => {
    scheduled = false;
    const [plain, explained] = queues;
    queues[0] = [];
    queues[1] = [];
    run(false, plain);
    run(true, explained);
  };
  return (record, explain, requestId) =>
    new Promise<PredictionOut>((resolve, reject) => {
      queues[explain ? 1 : 0].push({ record, requestId, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
}
