/** Verifying keys on the request path: store lookups cached for a few seconds so /predict does not hit the store. */
import { LRUCache } from 'lru-cache';
import type { Store } from '../../store/index.js';
import type { ApiKeyIdentity, KeyVerifier } from '../deps.js';
import { findApiKey } from './api-keys.js';

const NONE = { keyId: '', name: '', scopes: [] } as const satisfies ApiKeyIdentity;

/**
 * A verifier over the `api_keys` table; unknown keys are cached too (as misses) so floods of bad keys stay cheap.
 * The cache is keyed by the secret itself, in this process's memory only (the request held it anyway): a hit costs
 * one map lookup instead of a sha256 per request. The store still only ever sees the hash.
 */
export function storeKeyVerifier(store: Store, cacheSeconds: number): KeyVerifier {
  const cache = new LRUCache<string, ApiKeyIdentity>({ max: 10_000, ttl: Math.max(1, cacheSeconds * 1000) });
  const cached = (secret: string): ApiKeyIdentity | null | undefined => {
    if (cacheSeconds <= 0) return undefined;
    const hit = cache.get(secret);
    return hit === undefined ? undefined : hit.keyId === '' ? null : hit;
  };
  return {
    cached,
    async verify(secret) {
      if (secret.length === 0 || secret.length > 200) return null;
      const hit = cached(secret);
      if (hit !== undefined) return hit;
      const found = await findApiKey(store, secret);
      if (cacheSeconds > 0) cache.set(secret, found ?? NONE);
      return found;
    },
  };
}
