/**
 * Scoring one stored customer (`{customer_id}`): the newest snapshot is computed once per data date and kept, and
 * each customer's explained prediction is cached by model + snapshot date + customer (cleared on promotion).
 */
import { ChurnError } from '../../errors/index.js';
import { dataRange, type FeatureFrame, selectRows, snapshotAt } from '../../features/index.js';
import type { ServingDeps } from '../deps.js';
import { explainedPrediction, type PredictionOut } from '../predict/prediction.js';
import type { PredictionCache } from './prediction-cache.js';

interface NewestSnapshot {
  date: string;
  frame: FeatureFrame;
  rowOf: Map<string, number>;
}

/** Looks up and scores stored customers. */
export interface CustomerScorer {
  /** The explained prediction of a stored customer at the newest snapshot; CHURN_ERR_NOT_FOUND when not active there. */
  predict(customerId: string): Promise<{ prediction: PredictionOut; cached: boolean }>;
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
    async predict(customerId) {
      const model = deps.models.current();
      const snap = await newest();
      const key = `${model.id}|${snap.date}|${customerId}`;
      const hit = await cache.get(key);
      if (hit) return { prediction: hit, cached: true };
      const row = snap.rowOf.get(customerId);
      if (row === undefined)
        throw new ChurnError('CHURN_ERR_NOT_FOUND', `No customer ${customerId} is active on ${snap.date} (the newest snapshot)`, {
          customerId,
        });
      const rows = model.scorer.prepareFrame(selectRows(snap.frame, [row]));
      const a = model.scorer.assess(rows).rows[0];
      const prediction = { ...explainedPrediction(a, model.id), snapshot_date: snap.date };
      await cache.set(key, prediction);
      return { prediction, cached: false };
    },
    reset() {
      snapshot = null;
    },
  };
}
