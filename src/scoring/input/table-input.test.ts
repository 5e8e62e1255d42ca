import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/index.js';
import { isChurnError } from '../../errors/index.js';
import { type Preprocessor, transform } from '../../features/index.js';
import { type ClassifierModel, predictProba } from '../../ml/index.js';
import { createArtifact, type ModelArtifact } from '../../registry/index.js';
import { openStore, type Store } from '../../store/index.js';
import { readTable, tableFrame, trainTable } from '../../training/index.js';
import { loadScorer, predictCsv, type Scorer } from '../index.js';
import { telcoLikeCsv, telcoLikeHeader } from '../testing/telco-like.test-support.js';

const ROWS = 1200;
let dir: string;
let file: string;
let store: Store;
let artifact: ModelArtifact;
let scorer: Scorer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'churn-table-'));
  file = path.join(dir, 'telco-sample.csv');
  writeFileSync(file, telcoLikeCsv(ROWS));
  store = await openStore(':memory:');
  const config = { ...parseConfig({}), projectDir: dir };
  const run = await trainTable(store, config, file, {
    target: 'Churn',
    id: 'customerID',
    models: 'lr',
    folds: 3,
    budgetSeconds: 0,
    register: false,
    writeFiles: false,
  });
  artifact = run.artifact;
  scorer = loadScorer(artifact);
}, 60_000);
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The probabilities training's own path gives: its table reader, the fitted preprocessing, the estimator. */
function trainingPathProbabilities(): Float64Array {
  const table = readTable(file);
  const rows = table.rows.map((r) => Object.fromEntries(table.header.map((h, j) => [h, r[j]])));
  const frame = tableFrame(
    artifact.features.inputs,
    rows,
    rows.map((r) => r.customerID),
    { lenientNumbers: true },
  );
  return predictProba(artifact.estimator.state as ClassifierModel, transform(artifact.preprocessing as Preprocessor, frame));
}

async function predictText(text: string) {
  let out = '';
  const sink = new Writable({
    write(chunk, _e, done) {
      out += chunk;
      done();
    },
  });
  const summary = await predictCsv(scorer, Readable.from([text]), sink, { name: 'telco-sample.csv', batchSize: 500 });
  return { summary, rows: parse(out, { columns: true }) as Record<string, string>[] };
}

describe('table models (churn train --table)', () => {
  it('predict scores the training table like training’s own path, in order, label ignored and id passed through', async () => {
    expect(artifact.source).toBe('table');
    const { summary, rows } = await predictText(readFileSync(file, 'utf8'));
    expect(summary).toMatchObject({ rows: ROWS, scored: ROWS });
    // TotalCharges is blank (a space) on new customers: training read those cells as missing, scoring does too.
    expect(summary.rejected).toEqual([]);
    expect(artifact.features.inputs.find((f) => f.name === 'TotalCharges')?.type).toBe('numeric');
    expect(rows.map((r) => Number(r.probability))).toEqual(Array.from(trainingPathProbabilities()));
    const source = parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.customerID)).toEqual(source.map((r) => r.customerID));
    expect(rows.map((r) => r.Churn)).toEqual(source.map((r) => r.Churn));
    expect(artifact.features.inputs.map((f) => f.name)).not.toContain('Churn');
  });

  it('validates API records against the table’s inferred columns, naming the field and record', () => {
    const record = {
      customerID: 'X-1',
      gender: 'Female',
      SeniorCitizen: 0,
      Partner: true,
      tenure: 3,
      Contract: 'Month-to-month',
      PaymentMethod: 'Electronic check',
      MonthlyCharges: 70.5,
      TotalCharges: 211.5,
    };
    const s = scorer.scoreRecords([record]);
    expect(s.ids).toEqual(['X-1']);
    expect(s.probability[0]).toBeGreaterThan(0);
    const fails = (r: unknown, field: string) => {
      try {
        scorer.scoreRecords([record, r]);
        expect.unreachable();
      } catch (e) {
        expect(isChurnError(e, 'CHURN_ERR_VALIDATION')).toBe(true);
        expect((e as { context: object }).context).toMatchObject({ field, record: 1 });
      }
    };
    fails({ ...record, tenure: 'three' }, 'tenure');
    fails({ ...record, Partner: 'maybe' }, 'Partner');
    fails({ ...record, favourite_colour: 'blue' }, 'favourite_colour');
    fails({ ...record, Contract: 12 }, 'Contract');
  });

  it('keeps a row with a bad cell in place, with the reason and its line number', async () => {
    const lines = readFileSync(file, 'utf8').split('\n').slice(0, 6);
    const cells = lines[2].split(',');
    cells[telcoLikeHeader.indexOf('tenure')] = 'thirty-four'; // the second customer, file line 3 (no quoted comma before)
    lines[2] = cells.join(',');
    const { summary, rows } = await predictText(`${lines.join('\n')}\n`);
    expect(summary.rejected).toEqual([{ line: 3, reason: 'tenure: must be a number (got "thirty-four")' }]);
    expect(rows[1].probability).toBe('');
    expect(rows.filter((r) => r.probability !== '').length).toBe(4);
  });

  it('refuses a table model read by other table rules', () => {
    const { modelId: _i, contentHash: _h, formatVersion: _f, features, ...rest } = artifact;
    const { contractHash: _c, ...schema } = features;
    const other = createArtifact({ ...rest, features: { ...schema, recipeVersion: 'table-v0' } });
    expect(() => loadScorer(other)).toThrow(/recipe table-v0 \(model\) vs table-v1/);
  });
});
