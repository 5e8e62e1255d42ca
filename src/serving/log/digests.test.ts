import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacRef, sha1Hex } from './digests.js';

const keys = ['', 'k', 'a development key', 'x'.repeat(63), 'y'.repeat(64), 'z'.repeat(65), 'é🔑'.repeat(40), 'k'.repeat(500)];
const ids = [
  '',
  'C00042',
  'crm-42',
  'ünïcødé-客户-🙂',
  'lone \ud800 surrogate',
  'x'.repeat(341),
  'x'.repeat(342), // over the scratch buffer's bound (3 bytes per unit): the createHmac path
  '€'.repeat(400),
];

describe('log digests are the createHash / createHmac digests', () => {
  it('hmacRef(key)(id) = the first 16 hex digits of HMAC-SHA256, for short, block-sized, long and non-ASCII keys and ids', () => {
    for (const key of keys) {
      const ref = hmacRef(key);
      for (const id of ids) expect(ref(id)).toBe(createHmac('sha256', key).update(id).digest('hex').slice(0, 16));
    }
  });

  it('a reference does not depend on the ids digested before it (the scratch buffer is reused)', () => {
    const ref = hmacRef('key');
    const first = ref('ab');
    ref('a much longer customer id that fills more of the buffer');
    expect(ref('ab')).toBe(first);
  });

  it('sha1Hex(text) = sha1 of the UTF-8 text in hex', () => {
    for (const text of [...ids, JSON.stringify({ customer_id: 'crm-42', age: 37, plan_type: 'Basic' })])
      expect(sha1Hex(text)).toBe(createHash('sha1').update(text).digest('hex'));
  });
});
