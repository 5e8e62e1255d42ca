/** The `{customer_id}` prediction cache: Redis when configured (shared by every instance), an LRU otherwise. */
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { PredictionOut } from '../predict/prediction.js';

/** Get/set by key (model id + snapshot date + customer), and clear on promotion. */
export interface PredictionCache {
  get(key: string): Promise<PredictionOut | undefined>;
  set(key: string, value: PredictionOut): Promise<void>;
  clear(): Promise<void>;
}

/** An in-process LRU cache. */
export function memoryPredictionCache(maxEntries: number, ttlSeconds: number): PredictionCache {
  const lru = new LRUCache<string, PredictionOut>({ max: Math.max(1, maxEntries), ttl: ttlSeconds * 1000 });
  return {
    get: async (key) => lru.get(key),
    set: async (key, value) => void lru.set(key, value),
    clear: async () => lru.clear(),
  };
}

/**
 * A Redis cache under `churn:pred:<generation>:`; `clear` bumps the generation (one INCR) instead of deleting keys,
 * and old entries expire by their TTL. Keys already carry the model id, so a stale hit after promotion is impossible
 * even before the generation is re-read.
 */
export function redisPredictionCache(redis: Redis, ttlSeconds: number): PredictionCache {
  const genKey = 'churn:pred:generation';
  const prefix = async () => `churn:pred:${(await redis.get(genKey)) ?? '0'}:`;
  return {
    async get(key) {
      const text = await redis.get((await prefix()) + key);
      return text === null ? undefined : (JSON.parse(text) as PredictionOut);
    },
    async set(key, value) {
      await redis.set((await prefix()) + key, JSON.stringify(value), 'EX', ttlSeconds);
    },
    async clear() {
      await redis.incr(genKey);
    },
  };
}
