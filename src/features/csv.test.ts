import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameToCsv, writeFrameCsv } from './csv.js';
import type { FeatureFrame } from './frame.js';

/** `n` rows mixing a numeric column (with NaN), a text column (with null and a comma) and a label. */
function frame(n: number): FeatureFrame {
  return {
    nRows: n,
    customerId: Array.from({ length: n }, (_, i) => `C${i}`),
    cutoff: Array.from({ length: n }, () => '2025-01-31'),
    columns: {
      price: Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? Number.NaN : i / 4)),
      plan: Array.from({ length: n }, (_, i) => (i % 5 === 0 ? null : i % 2 ? 'basic' : 'pro, annual')),
    },
  };
}

describe('training-set CSV', () => {
  it('formats missing values as empty cells and quotes text with a comma', () => {
    expect(frameToCsv(frame(3), { churned: Uint8Array.from([1, 0, 1]) })).toBe(
      'customer_id,cutoff,price,plan,churned\nC0,2025-01-31,,,1\nC1,2025-01-31,0.25,basic,0\nC2,2025-01-31,0.5,"pro, annual",1\n',
    );
  });

  it('writes one line per row across the 10,000-row chunks, the same text as in memory', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'churn-csv-'));
    try {
      const f = frame(20_001);
      const file = path.join(dir, 'set.csv');
      writeFrameCsv(file, f);
      const text = readFileSync(file, 'utf8');
      expect(text).toBe(frameToCsv(f));
      const lines = text.split('\n');
      expect(lines).toHaveLength(20_003); // header, 20,001 rows, the empty string after the last newline
      expect(lines[10_000]).toBe('C9999,2025-01-31,2499.75,basic');
      expect(lines[10_001]).toBe('C10000,2025-01-31,2500,'); // first row of the second chunk
      expect(lines[20_001]).toBe('C20000,2025-01-31,5000,');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes the header alone for an empty frame', () => {
    expect(frameToCsv(frame(0))).toBe('customer_id,cutoff,price,plan\n');
  });
});
