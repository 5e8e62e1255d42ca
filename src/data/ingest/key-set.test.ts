import { describe, expect, it } from 'vitest';
import { KeySet } from './key-set.js';

describe('KeySet', () => {
  it('remembers 300,000 keys through several growths with no false repeats', () => {
    const set = new KeySet(16);
    let fresh = 0;
    for (let i = 0; i < 300_000; i++) if (set.add(`C${i}\u00012025-01-${(i % 28) + 1}`)) fresh++;
    expect(fresh).toBe(300_000);
    expect(set.size).toBe(300_000);
    expect(set.has('C123\u00012025-01-12')).toBe(true);
    expect(set.has('C123\u00012025-01-13')).toBe(false);
    expect(set.add('C0\u00012025-01-1')).toBe(false);
    expect(set.size).toBe(300_000);
  });

  it('treats the empty string as a key like any other', () => {
    const set = new KeySet();
    expect(set.has('')).toBe(false);
    expect(set.add('')).toBe(true);
    expect(set.has('')).toBe(true);
  });
});
