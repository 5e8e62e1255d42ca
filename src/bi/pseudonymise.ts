/** Pseudonymised customer ids: keyed HMAC-SHA256, unlinkable to the raw id without the key. */
import { createHmac } from 'node:crypto';

/** The first 32 hex digits (128 bits) of HMAC-SHA256(key, id): collision-free in practice, short enough for BI tools. */
export function pseudonymId(key: string, customerId: string): string {
  return createHmac('sha256', key).update(customerId).digest('hex').slice(0, 32);
}
