import { describe, expect, it } from 'vitest';
import { assignArm, assignmentUniform } from './assign-arm.js';

const ids = Array.from({ length: 20_000 }, (_, i) => `C${String(i).padStart(6, '0')}`);

describe('assignArm', () => {
  it('gives the same arm every time for the same customer and experiment', () => {
    const first = ids.slice(0, 500).map((id) => assignArm(id, 'exp-2025-06', 0.5));
    expect(ids.slice(0, 500).map((id) => assignArm(id, 'exp-2025-06', 0.5))).toEqual(first);
  });

  it('matches sha256 uniforms computed independently with Python hashlib', () => {
    // int.from_bytes(sha256(b'exp-2025-06\x00' + id).digest()[:6], 'big') / 2**48
    expect(['C000000', 'C000001', 'C000002', 'C000003'].map((id) => assignmentUniform(id, 'exp-2025-06'))).toEqual([
      0.8272187376451328, 0.6654243944287437, 0.08010602413101253, 0.8376065071580037,
    ]);
    expect(['C000000', 'C000001', 'C000002', 'C000003'].map((id) => assignArm(id, 'exp-2025-06', 0.5))).toEqual([
      'control',
      'control',
      'treatment',
      'control',
    ]);
  });

  it('treats close to the share on 20,000 customers (within 3 standard errors)', () => {
    for (const share of [0.1, 0.5, 0.8]) {
      const treated = ids.filter((id) => assignArm(id, 'exp-a', share) === 'treatment').length;
      const se = Math.sqrt((share * (1 - share)) / ids.length);
      expect(Math.abs(treated / ids.length - share)).toBeLessThan(3 * se);
    }
  });

  it('nests arms: raising the share only moves control customers into treatment', () => {
    const small = ids.map((id) => assignArm(id, 'exp-a', 0.2));
    const large = ids.map((id) => assignArm(id, 'exp-a', 0.5));
    expect(small.every((arm, i) => arm === 'control' || large[i] === 'treatment')).toBe(true);
  });

  it('draws independently for different experiments', () => {
    const a = ids.map((id) => assignArm(id, 'exp-a', 0.5));
    const b = ids.map((id) => assignArm(id, 'exp-b', 0.5));
    const agree = a.filter((arm, i) => arm === b[i]).length / ids.length;
    expect(Math.abs(agree - 0.5)).toBeLessThan(3 * Math.sqrt(0.25 / ids.length));
  });

  it('puts everyone in one arm at the edges and rejects a share outside [0, 1]', () => {
    expect(ids.slice(0, 100).every((id) => assignArm(id, 'x', 0) === 'control')).toBe(true);
    expect(ids.slice(0, 100).every((id) => assignArm(id, 'x', 1) === 'treatment')).toBe(true);
    expect(() => assignArm('C1', 'x', 1.5)).toThrow(/treatmentShare must be in \[0, 1\], got 1.5/);
  });
});
