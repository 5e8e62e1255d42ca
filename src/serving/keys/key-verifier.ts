/** Verifying keys on the request path: store lookups cached for a few seconds so /predict does not hit the store. */
import { LRUCache } from 'lru-cache';
import type { Store } from '../../store/index.js';
import type { ApiKeyIdentity, KeyVerifier } from '../deps.js';
import { findApiKey, hashKey } from './api-keys.js';

const NONE = { keyId: '', name: '', scopes: [] } as const satisfies ApiKeyIdentity;

/** A verifier over the `api_keys` table; unknown keys are cached too (as misses) so floods of bad keys stay cheap. */
export function storeKeyVerifier(store: Store, cacheSeconds: number): KeyVerifier {
  const cache = new LRUCache<string, ApiKeyIdentity>({ max: 10_000, ttl: Math.max(1, cacheSeconds * 1000) });
  return {
    async verify(secret) {
      if (secret.length === 0 || secret.length > 200) return null;
      const h = hashKey(secret);
      const hit = cacheSeconds > 0 ? cache.get(h) : undefined;
      if (hit) return hit.keyId === '' ? null : hit;
      const found = await findApiKey(store, secret);
      if (cacheSeconds > 0) cache.set(h, found ?? NONE);
      return found;
    },
  };
}
