/**
 * The prediction log's digests without a crypto object per call: the input hash (sha1 hex) and the keyed customer
 * reference (HMAC-SHA256, first 16 hex digits). createHash / createHmac make a native object per call, each with a weak
 * handle the garbage collector must process (~4 ms of every young-generation pause at a few thousand requests between
 * pauses); crypto.hash (Node ≥ 20.12) digests in one call, and an HMAC is two such calls over its key pads (RFC 2104).
 * Same digests as createHash / createHmac (tests); older Node versions use those.
 */
import * as crypto from 'node:crypto';

/** crypto.hash where the running Node has it (20.12 and later). */
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: string) => unknown }).hash;

/** sha1 of `text` (UTF-8) in hex. */
export const sha1Hex: (text: string) => string =
  oneShot === undefined
    ? (text) => crypto.createHash('sha1').update(text).digest('hex')
    : (text) => oneShot('sha1', text, 'hex') as string;

const BLOCK = 64; // SHA-256 block size
/** Bytes of message kept in the scratch buffer; longer ids take the createHmac path. */
const ROOM = 1024;

/**
 * HMAC-SHA256 under `key` (UTF-8) of each id, as 16 hex digits: createHmac('sha256', key).update(id).digest('hex')
 * .slice(0, 16). One function per key: the padded key is prepared once.
 */
export function hmacRef(key: string): (id: string) => string {
  const slow = (id: string) => crypto.createHmac('sha256', key).update(id).digest('hex').slice(0, 16);
  if (oneShot === undefined) return slow;
  const hash = oneShot;
  let k = Buffer.from(key, 'utf8');
  if (k.length > BLOCK) k = crypto.createHash('sha256').update(k).digest();
  const inner = Buffer.alloc(BLOCK + ROOM); // (key ⊕ ipad) ‖ message
  const outer = Buffer.alloc(BLOCK + 32); // (key ⊕ opad) ‖ inner digest
  for (let i = 0; i < BLOCK; i++) {
    const b = i < k.length ? k[i] : 0;
    inner[i] = b ^ 0x36;
    outer[i] = b ^ 0x5c;
  }
  return (id) => {
    if (id.length * 3 > ROOM) return slow(id); // a UTF-16 unit is at most 3 bytes of UTF-8
    const n = inner.write(id, BLOCK, 'utf8');
    (hash('sha256', inner.subarray(0, BLOCK + n), 'buffer') as Buffer).copy(outer, BLOCK);
    return (hash('sha256', outer, 'hex') as string).slice(0, 16);
  };
}
