import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Category, derivedRecipes, type FeatureRow, type Preprocessor, snapshotFeatures } from '../../features/index.js';
import type { RunningServer } from '../server.js';
import { modelProject } from '../testing/model-fixture.test-support.js';
import { legacyRecord } from '../testing/records.test-support.js';
import { call, serve, testConfig } from '../testing/server.test-support.js';
import { normaliseLegacy } from './legacy-fields.js';

// The naive oracle: one row at a time, straight from the recipes and the fitted steps, with none of the vectorised
// paths' shortcuts (cached level lookups, column stacking, explanation cache). Every API probability must equal it bit for bit.
function oracleRow(values: FeatureRow, pre: Preprocessor): number[] {
  const row: Record<string, number | Category> = {};
  for (const f of snapshotFeatures)
    row[f.name] = f.type === 'categorical' ? ((values[f.name] ?? null) as Category) : ((values[f.name] ?? Number.NaN) as number);
  for (const r of derivedRecipes) row[r.spec.name] = r.compute(...r.inputs.map((name) => row[name] as number));
  const x: number[] = [];
  for (const s of pre.steps) {
    const v = row[s.feature];
    if (s.kind === 'numeric') {
      const missing = Number.isNaN(v as number);
      if (s.fill === null) x.push(v as number);
      else {
        x.push(((missing ? s.fill : (v as number)) - s.center) / s.scale);
        if (s.indicator) x.push(missing ? 1 : 0);
      }
    } else if (s.kind === 'onehot') {
      const value = v === null && !s.missingLevel ? s.fill : (v as Category);
      const cols = new Array<number>(s.levels.length + 1 + (s.missingLevel ? 1 : 0)).fill(0);
      const j = s.levels.indexOf(value as string);
      cols[value === null ? s.levels.length + 1 : j === -1 ? s.levels.length : j] = 1;
      x.push(...cols);
    } else {
      const j = v === null ? -1 : s.levels.indexOf(v as string);
      x.push(v === null ? Number.NaN : j !== -1 ? j : s.rare.includes(v as string) ? s.levels.length : Number.NaN);
    }
  }
  return x;
}

// Varied records: missing optional fields, nulls, every device type, booleans as 0/1, legacy and current field names.
const records = Array.from({ length: 24 }, (_, i) => {
  const r: Record<string, unknown> = { ...legacyRecord, customer_id: `pin-${i}`, age: 18 + ((i * 7) % 70) };
  r.total_sessions_30d = (i * 13) % 90;
  r.total_crashes_30d = i % 5;
  if (i % 3 === 0) r.avg_session_minutes_30d = null;
  if (i % 4 === 1) delete r.support_tickets_30d;
  r.device_type = ['Android', 'iOS', 'Web', 'SmartTV'][i % 4];
  if (i % 6 === 3) r.auto_renew = i % 2;
  if (i % 7 === 4) delete r.location;
  return r;
});

describe('API probabilities are pinned to the naive row-by-row pipeline', () => {
  let server: RunningServer;
  let expected: number[];
  beforeAll(async () => {
    server = await serve(testConfig(await modelProject()), { demo: true });
    const { scorer } = server.deps.models.current();
    const pre = scorer.artifact.preprocessing as unknown as Preprocessor;
    const valid = records.map((r, i) => scorer.input.validate(normaliseLegacy(r), i));
    const X = pre.columns.map((_, j) => Float64Array.from(valid, (v) => oracleRow(v.values, pre)[j]));
    const rows = scorer.prepareValid(valid); // ids and frame only: the matrix below replaces its X
    expected = Array.from(scorer.score({ ...rows, X: { nRows: valid.length, columns: X } }).probability);
  }, 120_000);
  afterAll(() => server.close());

  it('/batch_predict gives the oracle probabilities, with and without explanations', async () => {
    for (const explain of ['false', 'true']) {
      const r = await call(server, 'POST', `/batch_predict?explain=${explain}`, { json: records });
      expect(r.status, r.text).toBe(200);
      const got = (r.body.predictions as { probability: number }[]).map((p) => p.probability);
      expect(got).toEqual(expected);
      for (let i = 0; i < got.length; i++) expect(Object.is(got[i], expected[i])).toBe(true);
    }
  });

  it('/predict gives the oracle probability, explained (from the explanation cache once seen) and plain', async () => {
    for (let pass = 0; pass < 2; pass++)
      for (const [i, record] of records.slice(0, 8).entries()) {
        const explained = await call(server, 'POST', '/predict', { json: record });
        const plain = await call(server, 'POST', '/predict?explain=false', { json: record });
        expect(explained.body.probability).toBe(expected[i]);
        expect(plain.body.probability).toBe(expected[i]);
        expect(explained.body.customer_id).toBe(`pin-${i}`);
      }
  });
});
