/**
 * Explained predictions remembered per model and input hash: a CRM re-scoring an unchanged customer skips TreeSHAP,
 * drivers and retention rules. Keyed by the scorer object, so a promoted model starts with an empty cache.
 */
import { LRUCache } from 'lru-cache';
import type { Scorer } from '../../scoring/index.js';
import type { PredictionOut } from './prediction.js';

/** Entries kept per model (an explained prediction is ~1 KB). */
const MAX_ENTRIES = 10_000;

const caches = new WeakMap<Scorer, LRUCache<string, PredictionOut>>();

/** The cache of `scorer`'s explained predictions, by input hash (the whole record, customer_id included). */
export function explanationCache(scorer: Scorer): LRUCache<string, PredictionOut> {
  let cache = caches.get(scorer);
  if (cache === undefined) {
    cache = new LRUCache<string, PredictionOut>({ max: MAX_ENTRIES });
    caches.set(scorer, cache);
  }
  return cache;
}
