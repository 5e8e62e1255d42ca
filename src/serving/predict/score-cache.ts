/**
 * Scores remembered per model and input hash: a CRM re-scoring an unchanged customer skips validation, preprocessing,
 * scoring and (once explained) TreeSHAP, drivers and retention rules. Keyed by the scorer object, so a promoted model
 * starts with an empty cache. A hit means the byte-identical record (as JSON) was validated and scored by this model.
 */
import { LRUCache } from 'lru-cache';
import type { FeatureRow } from '../../features/index.js';
import type { Scorer } from '../../scoring/index.js';
import type { PredictionOut } from './prediction.js';

/** What is remembered of one record: its validated values (the prediction log's features) and its prediction. */
export interface RememberedScore {
  values: FeatureRow;
  /** Score, decision and risk bucket (no drivers). */
  plain: PredictionOut;
  /** The explained prediction, once a request asked for it. */
  explained?: PredictionOut;
}

/** Entries kept per model (an explained entry is ~1.5 KB). */
const MAX_ENTRIES = 10_000;

const caches = new WeakMap<Scorer, LRUCache<string, RememberedScore>>();

/** The cache of `scorer`'s scores, by input hash (the whole record, customer_id included). */
export function scoreCache(scorer: Scorer): LRUCache<string, RememberedScore> {
  let cache = caches.get(scorer);
  if (cache === undefined) {
    cache = new LRUCache<string, RememberedScore>({ max: MAX_ENTRIES });
    caches.set(scorer, cache);
  }
  return cache;
}
