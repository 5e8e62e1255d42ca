import { Readable, Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameToCsv, selectRows } from '../../features/index.js';
import { loadScorer, type Scorer } from '../index.js';
import { type SmallBusiness, type SmallModel, smallBusiness, trainSmallModel } from '../testing/small-model.test-support.js';
import { predictCsv } from './predict-csv.js';

let business: SmallBusiness;
let model: SmallModel;
let scorer: Scorer;

beforeAll(async () => {
  business = await smallBusiness();
  model = trainSmallModel(business.set, 'logistic');
  scorer = loadScorer(model.artifact);
}, 60_000);
afterAll(() => business.store.close());

/** Runs predictCsv on CSV text in memory; returns the output rows (header → cell) and the summary. */
async function predictText(text: string, batchSize = 7) {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk, _enc, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  const summary = await predictCsv(scorer, Readable.from([text]), out, { batchSize, name: 'test.csv' });
  const rows: Record<string, string>[] = parse(Buffer.concat(chunks).toString('utf8'), { columns: true });
  return { rows, summary };
}

/** The validation rows as the training-set CSV writes them (label and split columns included), plus an extra column. */
function trainingCsv(n: number): string {
  const frame = selectRows(
    model.validation,
    Array.from({ length: n }, (_, i) => i),
  );
  const label = Float64Array.from({ length: n }, (_, i) => i % 2);
  const note = Array.from({ length: n }, (_, i) => `note ${i}, "quoted"`);
  return frameToCsv(frame, { churned: label, split: Array(n).fill('validation'), note });
}

describe('predictCsv', () => {
  it('keeps input order, passes extra columns through, ignores the label and matches in-memory scores', async () => {
    const n = 40;
    const { rows, summary } = await predictText(trainingCsv(n));
    expect(summary).toMatchObject({ rows: n, scored: n, rejected: [] });
    expect(rows.map((r) => r.customer_id)).toEqual(model.validation.customerId.slice(0, n));
    expect(rows.map((r) => r.note)).toEqual(Array.from({ length: n }, (_, i) => `note ${i}, "quoted"`));
    expect(rows.map((r) => r.churned)).toEqual(Array.from({ length: n }, (_, i) => String(i % 2)));
    const expected = scorer.scoreFrame(
      selectRows(
        model.validation,
        Array.from({ length: n }, (_, i) => i),
      ),
    );
    expect(rows.map((r) => Number(r.probability))).toEqual(Array.from(expected.probability));
    expect(rows.map((r) => r.decision)).toEqual(Array.from(expected.decision, String));
    expect(rows.map((r) => r.risk_bucket)).toEqual(expected.riskBucket);
    expect(rows.every((r) => r.error === '')).toBe(true);
  });

  it('reports bad rows with their line number and reason, and keeps them in place with empty scores', async () => {
    const lines = trainingCsv(10).trimEnd().split('\n');
    const header = lines[0].split(',');
    const sessions = header.indexOf('total_sessions_30d');
    const region = header.indexOf('region');
    const cells = (line: string) => parse(line)[0] as string[];
    const edit = (line: string, at: number, value: string) => {
      const c = cells(line);
      c[at] = value;
      return c.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');
    };
    lines[3] = edit(lines[3], sessions, '-4'); // file line 4
    lines[5] = edit(lines[5], sessions, 'many'); // file line 6
    lines[7] = lines[7].split(',').slice(0, 5).join(','); // file line 8: too few fields
    lines[9] = edit(lines[9], region, ''); // blank category: a missing value, still scored
    const { rows, summary } = await predictText(`${lines.join('\n')}\n`, 4);
    expect(rows.length).toBe(10);
    expect(summary.scored).toBe(7);
    expect(summary.rejected).toEqual([
      { line: 4, reason: 'total_sessions_30d: must be between 0 and ∞ (got -4)' },
      { line: 6, reason: 'total_sessions_30d: must be a number (got "many")' },
      { line: 8, reason: `has 5 fields, the header has ${header.length}` },
    ]);
    expect([rows[2].probability, rows[2].decision, rows[2].risk_bucket]).toEqual(['', '', '']);
    expect(rows[2].error).toMatch(/^total_sessions_30d: /);
    expect(rows[8].error).toBe('');
    expect(Number(rows[8].probability)).toBeGreaterThan(0);
  });

  it('refuses a file that lacks input columns, naming them', async () => {
    const text = trainingCsv(3).replace('total_crashes_30d', 'crashes');
    await expect(predictText(text)).rejects.toThrow(/lacks 1 of the model's \d+ input columns: total_crashes_30d/);
  });
});
