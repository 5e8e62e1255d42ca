import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadedConfig, parseConfig } from '../../config/index.js';
import { currentModel, registryDir } from '../../registry/index.js';
import { openStore, type Store } from '../../store/index.js';
import { generationMarker, type PipelineRun, runPipeline } from './run-pipeline.js';

let dir: string;
let store: Store;
let config: LoadedConfig;
let first: PipelineRun;
let second: PipelineRun;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'churn-run-'));
  store = await openStore(':memory:');
  config = {
    ...parseConfig({
      generate: { customers: 700, months: 8, seed: 5 },
      training: { models: ['lr', 'hgb'], budgetSeconds: 0 },
    }),
    projectDir: dir,
  };
  first = await runPipeline(store, config);
  second = await runPipeline(store, config);
}, 120_000);
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('runPipeline (churn run)', () => {
  it('generates the configured business once and skips it when the store already holds it', () => {
    expect(first.generate.action).toBe('generated');
    expect(first.generate.summary?.customers).toBe(700);
    expect(existsSync(path.join(dir, 'data', generationMarker))).toBe(true);
    expect(second.generate.action).toBe('skipped');
    expect(second.generate.note).toMatch(/already holds the generated business \(700 customers × 8 months, seed 5\)/);
  });

  it('runs quality, trains, promotes and scores; the second run reuses the training set and trains the same model', async () => {
    expect(first.quality.errors).toBe(0);
    expect(first.train.artifact.candidates.map((c) => c.family)).toEqual(['logistic', 'hist_boosting']);
    expect((await currentModel(registryDir(config))).artifact.modelId).toBe(second.train.artifact.modelId);
    expect(second.train.trainingSetReused).toBe(true);
    expect(second.train.artifact.modelId).toBe(first.train.artifact.modelId);
    expect(first.score.result.modelId).toBe(first.train.artifact.modelId);
  });

  it('writes customer_scores.csv and replaces (not duplicates) the predictions of the same model and date', async () => {
    const rows = parse(readFileSync(first.score.file, 'utf8'), { columns: true });
    expect(first.score.file).toBe(path.join(dir, 'outputs', 'customer_scores.csv'));
    expect(rows.length).toBe(first.score.result.customers.length);
    const [{ n }] = await store.all<{ n: number }>("SELECT COUNT(*) AS n FROM predictions WHERE source = 'batch_score'");
    expect(Number(n)).toBe(first.score.result.customers.length);
    expect(second.score.predictionsWritten).toBe(first.score.predictionsWritten);
  });
});
