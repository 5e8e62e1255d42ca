/**
 * Scoring one stored customer (`{customer_id}`): the newest snapshot is computed once per data date and kept, and
 * each customer's explained prediction is cached by model + snapshot date + customer (cleared on promotion).
 */
import { ChurnError } from '../../errors/index.js';
import { dataRange, type FeatureFrame, selectRows, snapshotAt } from '../../features/index.js';
import type { ServingDeps } from '../deps.js';
import { sha1Hex } from '../log/digests.js';
import { explainedPrediction, type PredictionOut } from '../predict/prediction.js';
import type { PredictionCache } from './prediction-cache.js';

interface NewestSnapshot {
  date: string;
  frame: FeatureFrame;
  rowOf: Map<string, number>;
}

/** Looks up and scores stored customers. */
export interface CustomerScorer {
  /**
   * The explained prediction of a stored customer at the newest snapshot; CHURN_ERR_NOT_FOUND when not active there.
   * Every answer (cached or not) goes to the prediction log with the snapshot's input values, under `requestId`.
   */
  predict(customerId: string, requestId?: string): Promise<{ prediction: PredictionOut; cached: boolean }>;
  /** Forgets the snapshot (new data loaded). */
  reset(): void;
}

/** How long the newest data date is trusted before the store is asked again. */
const RANGE_CHECK_MS = 30_000;

/** A customer scorer over the store, caching snapshots per date and predictions in `cache`. */
export function customerScorer(deps: ServingDeps, cache: PredictionCache): CustomerScorer {
  let snapshot: Promise<NewestSnapshot> | null = null;
  let checkedAt = 0;
  const newest = async (): Promise<NewestSnapshot> => {
    if (snapshot !== null && Date.now() - checkedAt < RANGE_CHECK_MS) return snapshot;
    const date = (await dataRange(deps.store)).newest;
    checkedAt = Date.now();
    if (date === null) throw new ChurnError('CHURN_ERR_NO_DATA', 'The store holds no customer data yet', {});
    const current = snapshot === null ? null : await snapshot.catch(() => null);
    if (current?.date === date) return current;
    const horizonDays = deps.models.current().scorer.horizonDays ?? 30;
    snapshot = snapshotAt(deps.store, date, { horizonDays }).then((s) => ({
      date,
      frame: s.frame,
      rowOf: new Map(s.frame.customerId.map((id, i) => [id, i])),
    }));
    snapshot.catch(() => {
      snapshot = null;
    });
    return snapshot;
  };
  return {
    async predict(customerId, requestId = '') {
      const model = deps.models.current();
      const snap = await newest();
      const row = snap.rowOf.get(customerId);
      if (row === undefined)
        throw new ChurnError('CHURN_ERR_NOT_FOUND', `No customer ${customerId} is active on ${snap.date} (the newest snapshot)`, {
          customerId,
        });
      const key = `${model.id}|${snap.date}|${customerId}`;
      const hit = await cache.get(key);
      const prediction = hit ?? {
        ...explainedPrediction(model.scorer.assess(model.scorer.prepareFrame(selectRows(snap.frame, [row]))).rows[0], model.id),
        snapshot_date: snap.date,
      };
      if (!hit) await cache.set(key, prediction);
      const features = inputValues(snap.frame, row, model.scorer.input.fields);
      deps.predictionLog.add({
        source: 'api',
        requestId,
        customerRef: deps.pseudonymise(customerId),
        snapshotDate: snap.date,
        modelId: model.id,
        inputHash: sha1Hex(JSON.stringify(features)),
        probability: prediction.probability,
        decision: prediction.prediction,
        riskBucket: prediction.risk_bucket,
        features,
      });
      return { prediction, cached: hit !== undefined };
    },
    reset() {
      snapshot = null;
    },
  };
}

/** The model-input values of one snapshot row (NaN = missing becomes null), keyed by feature-contract name. */
function inputValues(
  frame: FeatureFrame,
  row: number,
  fields: readonly { name: string }[],
): Record<string, number | string | null> {
  const out: Record<string, number | string | null> = {};
  for (const { name } of fields) {
    const c = frame.columns[name];
    if (c === undefined) continue;
    const v = c[row];
    out[name] = typeof v === 'number' ? (Number.isNaN(v) ? null : v) : (v ?? null);
  }
  return out;
}
