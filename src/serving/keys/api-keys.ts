/** API keys: created once (the secret is shown once), stored as sha256 hashes with scopes, revocable. */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { ChurnError } from '../../errors/index.js';
import type { Store } from '../../store/index.js';
import type { ApiKeyIdentity, Scope } from '../deps.js';

/** Every scope a key can hold. */
export const SCOPES: readonly Scope[] = ['predict', 'admin'];

/** A stored key as `churn keys list` shows it (never the secret or its hash). */
export interface ApiKeyRecord extends ApiKeyIdentity {
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** sha256 of a key secret, hex: what the store holds. */
export const hashKey = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Parses `predict,admin`; CHURN_ERR_PARAM naming an unknown scope. */
export function parseScopes(text: string): Scope[] {
  const scopes = [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
  if (scopes.length === 0) throw new ChurnError('CHURN_ERR_PARAM', 'A key needs at least one scope (predict, admin)', {});
  for (const s of scopes)
    if (!(SCOPES as readonly string[]).includes(s))
      throw new ChurnError('CHURN_ERR_PARAM', `Unknown scope "${s}": use predict and/or admin`, { scope: s });
  return scopes as Scope[];
}

/** Creates a key; returns the secret (shown once) and its record. */
export async function createApiKey(
  store: Store,
  name: string,
  scopes: readonly Scope[],
): Promise<{ secret: string; key: ApiKeyRecord }> {
  if (name.trim() === '') throw new ChurnError('CHURN_ERR_PARAM', 'A key needs a name (--name)', {});
  const keyId = randomUUID().slice(0, 8);
  const secret = `chk_${keyId}_${randomBytes(24).toString('base64url')}`;
  const createdAt = new Date().toISOString();
  await store.run('INSERT INTO api_keys (key_id, name, key_hash, scopes, created_at) VALUES (?, ?, ?, ?, ?)', [
    keyId,
    name,
    hashKey(secret),
    scopes.join(','),
    createdAt,
  ]);
  return { secret, key: { keyId, name, scopes: [...scopes], createdAt, revokedAt: null, lastUsedAt: null } };
}

/** Every key, oldest first. */
export async function listApiKeys(store: Store): Promise<ApiKeyRecord[]> {
  const rows = await store.all(
    'SELECT key_id, name, scopes, created_at, revoked_at, last_used_at FROM api_keys ORDER BY created_at, key_id',
  );
  return rows.map((r) => ({
    keyId: String(r.key_id),
    name: String(r.name),
    scopes: String(r.scopes).split(',') as Scope[],
    createdAt: String(r.created_at),
    revokedAt: r.revoked_at == null ? null : String(r.revoked_at),
    lastUsedAt: r.last_used_at == null ? null : String(r.last_used_at),
  }));
}

/** Revokes a key by id; CHURN_ERR_NOT_FOUND when there is no such active key. */
export async function revokeApiKey(store: Store, keyId: string): Promise<void> {
  const found = await store.all('SELECT key_id FROM api_keys WHERE key_id = ? AND revoked_at IS NULL', [keyId]);
  if (found.length === 0) throw new ChurnError('CHURN_ERR_NOT_FOUND', `No active API key with id ${keyId}`, { keyId });
  await store.run('UPDATE api_keys SET revoked_at = ? WHERE key_id = ?', [new Date().toISOString(), keyId]);
}

/** The identity of an active key with this secret, or null. */
export async function findApiKey(store: Store, secret: string): Promise<ApiKeyIdentity | null> {
  const rows = await store.all('SELECT key_id, name, scopes FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL', [
    hashKey(secret),
  ]);
  if (rows.length === 0) return null;
  const r = rows[0];
  return { keyId: String(r.key_id), name: String(r.name), scopes: String(r.scopes).split(',') as Scope[] };
}
