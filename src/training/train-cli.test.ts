import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliRunner } from '../../test/helpers/cli.js';
import { registerTrain } from '../cli/commands/train.js';
import { rng } from '../ml/index.js';

// The CLI reads its configuration from the environment once per process (vitest runs each file in its own).
const project = mkdtempSync(path.join(tmpdir(), 'churn-train-cli-'));
process.env.DATABASE_URL = `sqlite:${path.join(project, 'churn.db')}`;
for (const p of ['MODELS', 'REPORTS', 'OUTPUTS', 'PROCESSED'])
  process.env[`CHURN_PATHS__${p}`] = path.join(project, p.toLowerCase());

// A flat table with a real signal: churn is likelier on monthly contracts with low tenure.
const rand = rng(5);
const lines = ['id,tenure,contract,paperless,churned'];
for (let i = 0; i < 400; i++) {
  const tenure = Math.floor(rand() * 60);
  const monthly = rand() < 0.5;
  const risk = (monthly ? 0.45 : 0.08) * (tenure < 12 ? 1.6 : 0.7);
  lines.push(`c${i},${tenure},${monthly ? 'Monthly' : 'Yearly'},${rand() < 0.5 ? 'Yes' : 'No'},${rand() < risk ? 'yes' : 'no'}`);
}
const table = path.join(project, 'table.csv');
writeFileSync(table, `${lines.join('\n')}\n`);

const run = cliRunner(registerTrain);
const churn = (...args: string[]) => run('train', ...args);

describe('churn train', () => {
  it('trains on a flat table, prints the comparison and where the report went, and registers the champion', async () => {
    const r = await churn('--table', table, '--target', 'churned', '--models', 'lr,hgb', '--folds', '3', '--budget-seconds', '0');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Candidates on the 3-fold cross-validation (out-of-fold), each at its own F1-optimal threshold:');
    expect(r.out).toMatch(/Model m-[0-9a-f]{12} registered as version 1 \(champion\)/);
    const report = /wrote (.*report\.html)/.exec(r.out)?.[1] as string;
    expect(existsSync(path.resolve(report))).toBe(true);
    expect(existsSync(path.join(project, 'outputs', 'model_comparison.csv'))).toBe(true);
  }, 60_000);

  it('says which option is wrong', async () => {
    expect((await churn('--table', table)).err).toBe('error CHURN_ERR_PARAM: --table needs --target COLUMN (the label column)');
    expect((await churn('--folds', '3')).err).toBe('error CHURN_ERR_PARAM: --folds applies only with --table FILE.csv');
    expect((await churn('--table', table, '--target', 'churned', '--refit')).err).toBe(
      'error CHURN_ERR_PARAM: --refit applies to snapshot training only (--table always fits the final model on every row)',
    );
    const bad = await churn('--table', table, '--target', 'churned', '--models', 'lr,svm');
    expect(bad.err).toBe('error CHURN_ERR_PARAM: Unknown model "svm"; use lr, rf, gb, hgb (or their family names)');
    expect(bad.code).toBe(1);
  });
});
