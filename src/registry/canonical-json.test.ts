import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonical JSON', () => {
  it('sorts keys at every level and keeps arrays of primitives on one line', () => {
    expect(canonicalJson({ b: [3, 1, 'x'], a: { d: null, c: [{ z: 1, y: true }] } })).toBe(
      '{\n  "a": {\n    "c": [\n      {\n        "y": true,\n        "z": 1\n      }\n    ],\n    "d": null\n  },\n  "b": [3, 1, "x"]\n}',
    );
  });

  it('writes numbers as their shortest round-trip form', () => {
    expect(canonicalJson([0.1 + 0.2, 1e21, -0, 5e-324])).toBe('[0.30000000000000004, 1e+21, 0, 5e-324]');
  });

  it('refuses non-finite numbers instead of writing null', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow('canonical JSON cannot hold NaN');
  });
});
