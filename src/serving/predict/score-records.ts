/** Scoring raw records for /predict and /batch_predict: per-row validation, one vectorised pass, logging off the hot path. */
import { createHash } from 'node:crypto';
import { ChurnError, isChurnError } from '../../errors/index.js';
import type { ValidRecord } from '../../scoring/index.js';
import type { ServingDeps } from '../deps.js';
import type { ServingModel } from '../model/holder.js';
import type { ProblemField } from '../problem.js';
import { explanationCache } from './explanation-cache.js';
import { normaliseLegacy } from './legacy-fields.js';
import { explainedPrediction, type PredictionOut } from './prediction.js';

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

const hashOf = (record: unknown) => createHash('sha1').update(JSON.stringify(record)).digest('hex');

function rowError(e: unknown, index: number): RowError {
  if (!isChurnError(e, 'CHURN_ERR_VALIDATION')) throw e;
  const field = typeof e.context.field === 'string' ? e.context.field : '(record)';
  return { index, error: { field, rule: 'invalid', message: e.message, row: index } };
}

/**
 * Scores `records` with the current model. Invalid rows are reported with their index; with `strict`, the first one
 * fails the whole call (CHURN_ERR_VALIDATION naming row and field). Every scored row goes to the prediction log.
 */
export function scoreRecords(
  deps: ServingDeps,
  records: readonly unknown[],
  options: { explain: boolean; strict: boolean; requestId: string; source: 'api' | 'batch' },
): RecordsOutcome {
  const model = deps.models.current(); // one model for the whole call, even if a promotion lands meanwhile
  const { scorer } = model;
  const rejected: RowError[] = [];
  const good: unknown[] = [];
  const checked: ValidRecord[] = [];
  const goodIndex: number[] = [];
  records.forEach((raw, i) => {
    const r = normaliseLegacy(raw);
    try {
      checked.push(scorer.input.validate(r, good.length)); // index within `good`: ids default to record-<k>
      good.push(r);
      goodIndex.push(i);
    } catch (e) {
      const err = rowError(e, i);
      if (options.strict) throw new ChurnError('CHURN_ERR_VALIDATION', `row ${i}: ${err.error.message}`, { errors: [err.error] });
      rejected.push(err);
    }
  });
  const scored: (PredictionOut & { index: number })[] = [];
  const hashes = good.map(hashOf); // what the prediction log records, and the explanation cache's key
  if (good.length > 0 && options.explain) {
    // Explained rows come from the cache when this model saw the same record; the rest are assessed in one pass.
    const cache = explanationCache(scorer);
    const cached = hashes.map((h) => cache.get(h));
    const missing: number[] = [];
    for (let k = 0; k < cached.length; k++) if (cached[k] === undefined) missing.push(k);
    if (missing.length > 0) {
      const rows = scorer.prepareValid(missing.length === checked.length ? checked : missing.map((k) => checked[k]));
      const { rows: assessed } = scorer.assess(rows);
      for (let m = 0; m < missing.length; m++) {
        const p = explainedPrediction(assessed[m], model.id);
        cache.set(hashes[missing[m]], p);
        cached[missing[m]] = p;
      }
    }
    for (let k = 0; k < cached.length; k++) scored.push({ ...(cached[k] as PredictionOut), index: goodIndex[k] });
  } else if (good.length > 0) {
    const s = scorer.score(scorer.prepareValid(checked));
    for (let k = 0; k < s.nRows; k++)
      scored.push({
        index: goodIndex[k],
        customer_id: s.ids[k],
        probability: s.probability[k],
        prediction: s.decision[k] as 0 | 1,
        risk_bucket: s.riskBucket[k],
        model_id: model.id,
      });
  }
  const perBucket = new Map<string, number>();
  for (let k = 0; k < scored.length; k++) {
    const p = scored[k];
    const raw = good[k] as { customer_id?: unknown };
    p.customer_id = typeof raw.customer_id === 'string' ? raw.customer_id : `record-${p.index}`;
    perBucket.set(p.risk_bucket, (perBucket.get(p.risk_bucket) ?? 0) + 1);
    deps.predictionLog.add({
      source: options.source,
      requestId: options.requestId,
      customerRef: typeof raw.customer_id === 'string' ? deps.pseudonymise(raw.customer_id) : null,
      snapshotDate: null,
      modelId: model.id,
      inputHash: hashes[k],
      probability: p.probability,
      decision: p.prediction,
      riskBucket: p.risk_bucket,
      features: checked[k].values,
    });
  }
  for (const [bucket, n] of perBucket) deps.metrics.predictions.inc({ bucket, source: options.source }, n);
  return { model, scored, rejected };
}
