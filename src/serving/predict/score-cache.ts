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
/**
 * Hashes a doorkeeper generation holds before it becomes the previous one: half the cache, so a record is admitted
 * only when it came back within 5,000–10,000 distinct records — one that returns later would have been evicted from
 * the cache before its next call anyway.
 */
const SEEN_PER_GENERATION = MAX_ENTRIES / 2;

/**
 * A model's remembered scores, admitted on a record's second sighting (see SEEN_PER_GENERATION). Under a stream of
 * distinct customers (a CRM scoring its whole base) storing every reply only churned the cache — its entries' garbage
 * and upkeep cost ~10–17 µs of a /predict request — while a record sent again and again is still cached from its second
 * call. The scores are the same either way.
 */
export class ScoreCache {
  private readonly entries = new LRUCache<string, RememberedScore>({ max: MAX_ENTRIES });
  private seen = new Set<string>();
  private seenBefore = new Set<string>();

  get(hash: string): RememberedScore | undefined {
    return this.entries.get(hash);
  }

  /** Stores `make()` under `hash` if the hash was seen before (else only notes it); true when stored. */
  offer(hash: string, make: () => RememberedScore): boolean {
    if (this.entries.has(hash) || this.seen.has(hash) || this.seenBefore.has(hash)) {
      this.entries.set(hash, make());
      return true;
    }
    this.seen.add(hash);
    if (this.seen.size >= SEEN_PER_GENERATION) {
      this.seenBefore = this.seen;
      this.seen = new Set();
    }
    return false;
  }
}

const caches = new WeakMap<Scorer, ScoreCache>();

/** The cache of `scorer`'s scores, by input hash (the whole record, customer_id included). */
export function scoreCache(scorer: Scorer): ScoreCache {
  let cache = caches.get(scorer);
  if (cache === undefined) {
    cache = new ScoreCache();
    caches.set(scorer, cache);
  }
  return cache;
}
