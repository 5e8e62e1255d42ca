import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRunner } from '../../test/helpers/cli.js';
import { registerModels } from '../cli/commands/models.js';
import { openStore } from '../store/index.js';
import { createArtifact } from './create-artifact.js';
import { openRegistry } from './registry.js';
import { sampleDraft } from './sample-draft.test-support.js';

// The CLI reads its configuration from the environment once per process (vitest runs each file in its own).
const project = mkdtempSync(path.join(tmpdir(), 'churn-cli-'));
process.env.DATABASE_URL = `sqlite:${path.join(project, 'churn.db')}`;
process.env.CHURN_PATHS__MODELS = path.join(project, 'models');
process.env.CHURN_PATHS__REPORTS = path.join(project, 'reports');

const [a, b] = [createArtifact(sampleDraft(1)), createArtifact(sampleDraft(2))];
// A model that holds every named importance (a and b, like artifacts written before them, hold only the headline list).
const values = (...pairs: [string, number][]) => pairs.map(([feature, value]) => ({ feature, value }));
const c = createArtifact({
  ...sampleDraft(3),
  importances: [
    {
      name: 'mean_abs_shap',
      method: 'mean |SHAP| (log-odds)',
      sample: { rows: 1000, from: 'out-of-time validation' },
      values: values(['failed_payments_30d', 0.7], ['plan_type', 0.2]),
    },
    {
      name: 'permutation',
      method: 'ROC-AUC drop',
      sample: { rows: 3564, from: 'out-of-time validation' },
      values: values(['plan_type', 0.03], ['failed_payments_30d', 0.01]),
    },
    { name: 'native', method: '|coefficient|', sample: null, values: values(['failed_payments_30d', 1.5]) },
  ],
});

const run = cliRunner(registerModels);
const churn = (...args: string[]) => run('models', ...args);

beforeAll(async () => {
  const store = await openStore(process.env.DATABASE_URL!);
  const registry = openRegistry(store, process.env.CHURN_PATHS__MODELS!);
  await registry.register(a, { promote: true });
  await registry.register(b, { promote: true });
  await registry.register(c, { promote: false });
  await store.close();
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('churn models', () => {
  it('lists versions as a table with metrics and status', async () => {
    const { out, code } = await churn('list');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^ver\s+model id\s+registered\s+family\s+source\s+ROC-AUC\s+PR-AUC\s+F1\s+threshold\s+status$/);
    expect(lines[2]).toMatch(
      new RegExp(`^  1  ${a.modelId}  .* logistic  snapshots    0\\.810   0\\.420  0\\.497      0\\.310  retired$`),
    );
    expect(lines[3]).toMatch(new RegExp(`^  2  ${b.modelId} .* champion$`));
  });

  it('shows metrics of every candidate, the threshold, the cutoffs and the features', async () => {
    const { out } = await churn('show', 'champion');
    expect(out).toContain(`Model ${b.modelId} — version 2, champion`);
    expect(out).toContain('validation cutoffs    2025-07-31 (out-of-time)');
    expect(out).toContain('Decision threshold 0.310 (F1-optimal)');
    expect(out).toContain('Risk buckets: Low < 0.25 · Medium ≥ 0.25 · High ≥ 0.50 · Very High ≥ 0.75');
    expect(out).toMatch(
      /Logistic regression\s+0\.810\s+0\.420\s+0\.410\s+0\.630\s+0\.497\s+0\.880\s+0\.0810\s+0\.2700\s+3\.90\s+0\.310\s+◀ selected/,
    );
    expect(out).toMatch(/plan_type\s+categorical\s+yes\s+3: Basic, Premium, Standard/);
  });

  it('shows the headline importance alone for older artifacts, and every named measure with its sample when recorded', async () => {
    const older = (await churn('show', 'champion')).out;
    expect(older).toMatch(/Top features \(\|coefficient\| × sd\)\n {2}failed_payments_30d\s+0\.7000/);
    const { out } = await churn('show', c.modelId);
    expect(out).toMatch(/feature\s+mean \|SHAP\|\s+permutation\s+native\n/);
    expect(out).toMatch(/failed_payments_30d\s+0\.7000 #1\s+0\.0100 #2\s+1\.5000 #1/);
    expect(out).toContain('  permutation  ROC-AUC drop (3564 rows of the out-of-time validation)');
    expect(out).toContain('  native       |coefficient| (read off the fitted model)');
  });

  it('rolls back and promotes, and reports unknown models with a named error and exit code 1', async () => {
    expect((await churn('rollback')).out).toBe(`rolled back: ${a.modelId} (version 1) is the champion again`);
    expect((await churn('promote', 'v2')).out).toBe(`${b.modelId} (version 2) is now the champion`);
    const missing = await churn('show', 'm-000000000000');
    expect([missing.code, missing.err]).toEqual([
      1,
      'error CHURN_ERR_NOT_FOUND: No registered model "m-000000000000"; `churn models list` shows the registered versions',
    ]);
  });

  it('re-renders the training report from the artifact alone', async () => {
    const { out } = await churn('report', 'v1');
    const file = path.join(project, 'reports', `${a.modelId}.html`);
    expect(out).toBe(`wrote ${file}`);
    expect(readFileSync(file, 'utf8')).toContain('<h2 id="comparison-h">Model comparison</h2>');
  });
});
