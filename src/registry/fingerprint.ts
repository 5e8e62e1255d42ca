/** Training-data fingerprint: a SHA-256 over the exact rows the estimators saw. */
import { createHash } from 'node:crypto';

/** One piece of the training data: a column name, a typed-array column, labels, or a number (row count, seed). */
export type FingerprintPart = string | number | ArrayBufferView;

/**
 * SHA-256 of the parts in order. Each part is framed by its kind and byte length, so ["ab","c"] and
 * ["a","bc"] differ. Typed arrays hash their raw bytes (NaN payloads included), so the fingerprint is
 * bit-exact. Typical use: `dataFingerprint([...names, ...columns, labels])`.
 */
export function dataFingerprint(parts: readonly FingerprintPart[]): string {
  const h = createHash('sha256');
  const frame = (kind: string, bytes: Uint8Array) => {
    h.update(`${kind}:${bytes.byteLength}:`);
    h.update(bytes);
  };
  for (const part of parts) {
    if (typeof part === 'string') frame('s', Buffer.from(part, 'utf8'));
    else if (typeof part === 'number') frame('n', Buffer.from(String(part), 'utf8'));
    else frame(part.constructor.name, new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
  }
  return h.digest('hex');
}
