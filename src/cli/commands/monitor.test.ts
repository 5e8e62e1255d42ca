import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRunner } from '../../../test/helpers/cli.js';
import { generateBusiness, storeSink } from '../../data/generate/index.js';
import { monitoredAt, trainCutoffs, waveStart } from '../../monitoring/testing/drifted-business.test-support.js';
import { loadScorer, savePredictions, scoreCustomers } from '../../scoring/index.js';
import { openStore, type Store } from '../../store/index.js';
import { trainModels } from '../../training/index.js';
import { cliConfig } from '../context.js';
import { registerBi } from './bi.js';
import { registerMonitor } from './monitor.js';

// The CLI reads its configuration from the environment once per process (vitest runs each file in its own).
const project = mkdtempSync(path.join(tmpdir(), 'churn-monitor-cli-'));
process.env.DATABASE_URL = `sqlite:${path.join(project, 'churn.db')}`;
for (const p of ['DATA', 'MODELS', 'REPORTS', 'OUTPUTS', 'PROCESSED', 'BI'])
  process.env[`CHURN_PATHS__${p}`] = path.join(project, p.toLowerCase());
// The challenger of --retrain-on-drift trains as configured: one quick family keeps the test short.
process.env.CHURN_TRAINING__MODELS = '["lr"]';
process.env.CHURN_TRAINING__BUDGET_SECONDS = '0';

const churn = cliRunner(registerMonitor, registerBi);

let store: Store;
let modelId: string;
let scored: number;
const query = <T>(sql: string, params: unknown[] = []) => store.all<T>(sql, params);

// A 700-customer business with a crash wave from 2025-11-10, a logistic model trained before it, scores on 2025-12-05.
beforeAll(async () => {
  const config = cliConfig();
  store = await openStore(config.databaseUrl, { baseDir: config.projectDir });
  await generateBusiness(
    { customers: 700, months: 12, seed: 5, drift: [{ kind: 'crash_wave', from: waveStart }] },
    storeSink(store),
  );
  const trained = await trainModels(store, config, {
    models: 'lr',
    budgetSeconds: 0,
    codeVersion: 'test',
    cutoffs: trainCutoffs,
    validationCutoffs: [trainCutoffs.at(-1) as string],
  });
  modelId = trained.artifact.modelId;
  const result = await scoreCustomers(store, loadScorer(trained.artifact), { at: monitoredAt });
  await savePredictions(store, result);
  scored = result.customers.length;
}, 120_000);
afterAll(async () => {
  await store.close();
  rmSync(project, { recursive: true, force: true });
});

describe('churn monitor', () => {
  it('prints the drift run with the crash features on top, writes its JSON and stores the monitoring_runs row', async () => {
    const r = await churn('monitor', '--at', monitoredAt);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^drift of ${modelId} at ${monitoredAt} \\(${scored} customers\\): (DRIFT|MODERATE) — `));
    const firstFeature = r.out.split('\n')[3];
    expect(firstFeature).toMatch(/^ {2}\S*crash\S* +\d+\.\d{4} {2}drift$/);
    const [, runId, file] = /stored run (m-[0-9a-f]{16}) and (\S+\.json)/.exec(r.out) ?? [];
    expect(path.dirname(file)).toBe(path.join(project, 'outputs', 'monitoring'));
    const json = JSON.parse(readFileSync(file, 'utf8'));
    expect(json).toMatchObject({ runId, kind: 'drift', modelId, at: monitoredAt });
    expect(json.result.verdict.drifted).toEqual(expect.arrayContaining(['crash_rate_30d', 'total_crashes_30d']));
    const rows = await query<{ kind: string; model_id: string; at_date: string; verdict: string }>(
      'SELECT kind, model_id, at_date, verdict FROM monitoring_runs WHERE run_id = ?',
      [runId],
    );
    expect(rows).toEqual([{ kind: 'drift', model_id: modelId, at_date: monitoredAt, verdict: json.result.verdict.dataset }]);
    expect(r.out).toContain(`cohort ${monitoredAt} (${modelId}): labels pending until 2026-01-04`);
    expect(r.out).toMatch(/alerts: 1 new, 0 still open/);
  });

  it('measures drift over the logged batch-score predictions with --batch --source score (score only: no features logged)', async () => {
    const r = await churn('monitor', '--batch', '--source', 'score', '--to', '2099-01-01');
    expect(r.err).toBe('');
    expect(r.out.split('\n')[0]).toMatch(
      new RegExp(`^drift of ${modelId} logged predictions \\S+ … \\S+ \\(source score; ${scored} scores, 0 with features\\): `),
    );
    const [, runId] = /stored run (m-[0-9a-f]{16})/.exec(r.out) ?? [];
    const [row] = await query<{ kind: string; result_json: string }>(
      'SELECT kind, result_json FROM monitoring_runs WHERE run_id = ?',
      [runId],
    );
    expect(row.kind).toBe('drift');
    const result = JSON.parse(row.result_json);
    expect(result.batch).toMatchObject({ source: 'score', from: null, to: '2099-01-01T23:59:59.999Z', modelId });
    expect(result.features).toEqual([]);
    expect(result.rows).toBe(scored);
  });

  it('refuses batch options without --batch, --batch with --at, and a window with no predictions', async () => {
    expect(await churn('monitor', '--from', '2025-01-01')).toMatchObject({
      err: 'error CHURN_ERR_PARAM: --from selects logged predictions: add --batch',
      code: 1,
    });
    expect((await churn('monitor', '--batch', '--at', monitoredAt)).err).toBe(
      'error CHURN_ERR_PARAM: --batch cannot be combined with --at',
    );
    expect((await churn('monitor', '--batch', '--source', 'job')).err).toMatch(
      /^error CHURN_ERR_NO_DATA: No logged predictions /,
    );
  });

  it('names a bad --every value', async () => {
    const r = await churn('monitor', '--every', 'daily');
    expect(r.err).toBe('error: --every takes hours like 24h, not "daily"');
    expect(r.code).toBe(1);
  });
});

describe('churn bi export', () => {
  it('writes the dataset (one row per scored customer), the KPI page and the wireframe into paths.bi', async () => {
    const r = await churn('bi', 'export');
    expect(r.err).toBe('');
    const dir = path.join(project, 'bi');
    const files = ['tableau_ready_dataset.csv', 'churn_kpis.md', 'dashboard_wireframe.md'].map((f) => path.join(dir, f));
    expect(r.out.split('\n')).toEqual([
      `exported ${scored} customers (${monitoredAt}, model ${modelId})`,
      ...files.map((f) => `wrote ${f}`),
    ]);
    for (const f of files) expect(existsSync(f)).toBe(true);
    const rows: Record<string, string>[] = parse(readFileSync(files[0], 'utf8'), { columns: true });
    expect(rows.length).toBe(scored);
    expect(new Set(rows.map((x) => x.model_id))).toEqual(new Set([modelId]));
    expect(readFileSync(files[1], 'utf8')).toContain(`| active customers | ${scored} |`);
  });

  it('refuses an unknown format with CHURN_ERR_PARAM', async () => {
    expect(await churn('bi', 'export', '--format', 'xlsx')).toMatchObject({
      err: 'error CHURN_ERR_PARAM: --format must be csv or parquet, not "xlsx"',
      code: 1,
    });
  });

  it('writes bi/tableau_ready_dataset.parquet with --format parquet, one row per scored customer', async () => {
    const r = await churn('bi', 'export', '--format', 'parquet');
    expect(r.err).toBe('');
    const file = path.join(project, 'bi', 'tableau_ready_dataset.parquet');
    expect(r.out.split('\n').slice(0, 2)).toEqual([
      `exported ${scored} customers (${monitoredAt}, model ${modelId})`,
      `wrote ${file}`,
    ]);
    const rows = await parquetReadObjects({ file: await asyncBufferFromFile(file) });
    expect(rows.length).toBe(scored);
    expect(new Set(rows.map((x) => x.model_id))).toEqual(new Set([modelId]));
  });
});

describe('churn monitor --retrain-on-drift', () => {
  it('trains a challenger on the drifted data, prints both ROC-AUCs and the decision, and records it', async () => {
    const r = await churn('monitor', '--at', monitoredAt, '--retrain-on-drift');
    expect(r.err).toBe('');
    const line = r.out.split('\n').at(-1) as string;
    const m =
      /^retrain on 2025-12-01: champion (m-\w+) ROC-AUC (\d\.\d{4}), challenger (m-\w+) (\d\.\d{4}) → (PROMOTED|kept champion)$/.exec(
        line,
      );
    expect(m?.[1]).toBe(modelId);
    const [, , champion, challenger, challengerAuc, outcome] = m as RegExpExecArray;
    expect(challenger).not.toBe(modelId);
    const runs = await query<{ model_id: string; verdict: string; result_json: string }>(
      "SELECT model_id, verdict, result_json FROM monitoring_runs WHERE kind = 'retrain'",
    );
    expect(runs.length).toBe(1);
    expect(runs[0].model_id).toBe(challenger);
    expect(runs[0].verdict).toBe(outcome === 'PROMOTED' ? 'promoted' : 'kept champion');
    const decision = JSON.parse(runs[0].result_json);
    expect(decision.champion.rocAuc.toFixed(4)).toBe(champion);
    expect(decision.challenger.rocAuc.toFixed(4)).toBe(challengerAuc);
    expect(decision.promoted).toBe(decision.challenger.rocAuc >= decision.champion.rocAuc + 0.005);
  }, 90_000);
});
