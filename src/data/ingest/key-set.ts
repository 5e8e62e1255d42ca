/**
 * A set of string keys held as 64-bit fingerprints in one typed array (~12–16 bytes per key, no per-key objects),
 * so a load can remember every primary key it wrote — millions of usage rows — in bounded, predictable memory.
 * Two different keys share a fingerprint with probability ~n²/2⁶⁵ (≈3·10⁻⁶ at 10 M keys); such a collision makes
 * a row look like a duplicate (it is quarantined, never dropped silently).
 */
export class KeySet {
  private slots: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1 << 12) {
    let capacity = 16;
    while (capacity < initialCapacity) capacity <<= 1;
    this.slots = new Uint32Array(capacity * 2);
    this.mask = capacity - 1;
  }

  /** Number of keys held. */
  get size(): number {
    return this.count;
  }

  /** True when `key` (or a key with the same fingerprint) is in the set. */
  has(key: string): boolean {
    const [a, b] = fingerprint(key);
    for (let i = a & this.mask; ; i = (i + 1) & this.mask) {
      const sa = this.slots[2 * i];
      const sb = this.slots[2 * i + 1];
      if (sb === 0) return false;
      if (sa === a && sb === b) return true;
    }
  }

  /** Adds `key`; returns false when it was already present. */
  add(key: string): boolean {
    const [a, b] = fingerprint(key);
    if (!this.insert(a, b)) return false;
    if (++this.count * 10 > (this.mask + 1) * 7) this.grow();
    return true;
  }

  private insert(a: number, b: number): boolean {
    for (let i = a & this.mask; ; i = (i + 1) & this.mask) {
      const sb = this.slots[2 * i + 1];
      if (sb === 0) {
        this.slots[2 * i] = a;
        this.slots[2 * i + 1] = b;
        return true;
      }
      if (this.slots[2 * i] === a && sb === b) return false;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.mask = old.length - 1;
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.insert(old[i], old[i + 1]);
  }
}

const out: [number, number] = [0, 0];

/** Two independent 32-bit hashes (FNV-1a and a multiply–xorshift mix); the second is never 0 (0 marks an empty slot). */
function fingerprint(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  b = Math.imul(b ^ key.length, 0xc2b2ae35);
  b ^= b >>> 16;
  out[0] = a >>> 0;
  out[1] = b >>> 0 || 1;
  return out;
}
