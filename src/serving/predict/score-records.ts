/** Scoring raw records for /predict and /batch_predict: per-row validation, one vectorised pass, logging off the hot path. */
import { ChurnError, isChurnError } from '../../errors/index.js';
import type { FeatureRow } from '../../features/index.js';
import type { ValidRecord } from '../../scoring/index.js';
import type { ServingDeps } from '../deps.js';
import { sha1Hex } from '../log/digests.js';
import type { ServingModel } from '../model/holder.js';
import type { ProblemField } from '../problem.js';
import { normaliseLegacy } from './legacy-fields.js';
import { explainedPrediction, type PredictionOut } from './prediction.js';
import { scoreCache } from './score-cache.js';

/** A rejected row of a batch. */
export interface RowError {
  index: number;
  error: ProblemField;
}

/** Scored rows (in input order, with their input index) and rejected rows. */
export interface RecordsOutcome {
  model: ServingModel;
  scored: (PredictionOut & { index: number })[];
  rejected: RowError[];
}

const hashOf = (record: unknown) => sha1Hex(JSON.stringify(record));

function rowError(e: unknown, index: number): RowError {
  if (!isChurnError(e, 'CHURN_ERR_VALIDATION')) throw e;
  const field = typeof e.context.field === 'string' ? e.context.field : '(record)';
  return { index, error: { field, rule: 'invalid', message: e.message, row: index } };
}

/** Score, decision and bucket of an explained prediction (what an explain=false request receives). */
const plainOf = (p: PredictionOut): PredictionOut => ({
  customer_id: p.customer_id,
  probability: p.probability,
  prediction: p.prediction,
  risk_bucket: p.risk_bucket,
  model_id: p.model_id,
});

/**
 * Scores `records` with the current model. Invalid rows are reported with their index; with `strict`, the first one
 * fails the whole call (CHURN_ERR_VALIDATION naming row and field). Every scored row goes to the prediction log.
 * A record this model already scored (same input hash) comes from the score cache without being validated or scored
 * again; the rest are validated row by row and scored (or assessed, with `explain`) in one vectorised pass.
 */
export function scoreRecords(
  deps: ServingDeps,
  records: readonly unknown[],
  options: {
    explain: boolean;
    strict: boolean;
    requestId: string;
    source: 'api' | 'batch';
    /** The request of each record when one call scores several requests' records (coalesced /predict calls). */
    requestIds?: readonly string[];
  },
): RecordsOutcome {
  const model = deps.models.current(); // one model for the whole call, even if a promotion lands meanwhile
  const { scorer } = model;
  const cache = scoreCache(scorer);
  // Single /predict calls are remembered; batch rows only read the cache (10,000 of them would evict it every time).
  const remember = options.source === 'api';
  const rejected: RowError[] = [];
  // Rows that passed, in input order: raw record, input index, hash (the log's and the cache's key), values, prediction.
  const good: unknown[] = [];
  const goodIndex: number[] = [];
  const hashes: string[] = [];
  const values: FeatureRow[] = [];
  const outs: (PredictionOut | undefined)[] = [];
  // Rows to score now: their position in `good` and their validated record.
  const todo: number[] = [];
  const todoChecked: ValidRecord[] = [];
  for (let i = 0; i < records.length; i++) {
    const r = normaliseLegacy(records[i]);
    const h = hashOf(r);
    const hit = cache.get(h);
    const ready = hit === undefined ? undefined : options.explain ? hit.explained : hit.plain;
    let rowValues: FeatureRow;
    if (hit !== undefined && ready !== undefined) rowValues = hit.values;
    else {
      try {
        const checked = scorer.input.validate(r, good.length); // index within `good`: ids default to record-<k>
        todo.push(good.length);
        todoChecked.push(checked);
        rowValues = checked.values;
      } catch (e) {
        const err = rowError(e, i);
        if (options.strict)
          throw new ChurnError('CHURN_ERR_VALIDATION', `row ${i}: ${err.error.message}`, { errors: [err.error] });
        rejected.push(err);
        continue;
      }
    }
    good.push(r);
    goodIndex.push(i);
    hashes.push(h);
    values.push(rowValues);
    outs.push(ready);
  }
  if (todo.length > 0) {
    const rows = scorer.prepareValid(todoChecked);
    if (options.explain) {
      const { rows: assessed } = scorer.assess(rows);
      for (let m = 0; m < todo.length; m++) {
        const k = todo[m];
        const p = explainedPrediction(assessed[m], model.id);
        outs[k] = p;
        if (remember) cache.offer(hashes[k], () => ({ values: values[k], plain: plainOf(p), explained: p }));
      }
    } else {
      const s = scorer.score(rows);
      for (let m = 0; m < todo.length; m++) {
        const k = todo[m];
        const p: PredictionOut = {
          customer_id: s.ids[m],
          probability: s.probability[m],
          prediction: s.decision[m] as 0 | 1,
          risk_bucket: s.riskBucket[m],
          model_id: model.id,
        };
        outs[k] = p;
        if (remember) cache.offer(hashes[k], () => ({ values: values[k], plain: p }));
      }
    }
  }
  const scored: (PredictionOut & { index: number })[] = [];
  const perBucket = new Map<string, number>();
  for (let k = 0; k < good.length; k++) {
    const raw = good[k] as { customer_id?: unknown };
    const id = typeof raw.customer_id === 'string' ? raw.customer_id : null;
    // A copy per reply: cached predictions are shared, and an id-less record is named by its position.
    const p = { ...(outs[k] as PredictionOut), index: goodIndex[k], customer_id: id ?? `record-${goodIndex[k]}` };
    scored.push(p);
    perBucket.set(p.risk_bucket, (perBucket.get(p.risk_bucket) ?? 0) + 1);
    deps.predictionLog.add({
      source: options.source,
      requestId: options.requestIds?.[goodIndex[k]] ?? options.requestId,
      // The log pseudonymises the id when it writes the row (the HMAC is off the request path).
      customerRef: null,
      customerId: id ?? undefined,
      snapshotDate: null,
      modelId: model.id,
      inputHash: hashes[k],
      probability: p.probability,
      decision: p.prediction,
      riskBucket: p.risk_bucket,
      features: values[k],
    });
  }
  for (const [bucket, n] of perBucket) deps.metrics.predictions.inc({ bucket, source: options.source }, n);
  return { model, scored, rejected };
}
