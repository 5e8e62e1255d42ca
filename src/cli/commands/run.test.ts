import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve('.');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const main = path.join(root, 'src', 'cli', 'main.ts');
let cwd: string;
let run: ReturnType<typeof churn>;

/** Runs `churn …` from source in `cwd` on its default SQLite store. */
function churn(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [tsx, main, ...args], { cwd, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'churn-run-cli-'));
  const config = { generate: { customers: 500, months: 8, seed: 3 }, training: { models: ['lr'], budgetSeconds: 0 } };
  writeFileSync(path.join(cwd, 'churn.config.json'), JSON.stringify(config));
  run = churn('run');
}, 120_000);
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('churn run, score, explain, predict', () => {
  it('runs the pipeline and says where the report, scores and database are', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/data: generated 500 customers × 8 months, seed 3/);
    expect(run.stdout).toMatch(/Training report {3}reports\/training-m-[0-9a-f]{12}\.html/);
    expect(run.stdout).toMatch(/Customer scores {3}outputs\/customer_scores\.csv \(\d+ rows also in the predictions table\)/);
    expect(run.stdout).toMatch(/Database {10}sqlite:data\/churn\.db/);
  });

  it('scores again, explains a customer and the model', () => {
    const score = churn('score');
    expect(score.status).toBe(0);
    const scores: Record<string, string>[] = parse(readFileSync(path.join(cwd, 'outputs', 'customer_scores.csv')), {
      columns: true,
    });
    expect(score.stdout).toContain(`wrote ${scores.length} rows to the predictions table`);
    const top = scores[0];
    const explain = churn('explain', top.customer_id);
    expect(explain.status).toBe(0);
    expect(explain.stdout).toContain(`Customer ${top.customer_id} on ${top.snapshot_date}`);
    expect(explain.stdout).toContain(`Churn probability ${Number(top.probability).toFixed(3)}`);
    expect(explain.stdout).toMatch(/Explained on the log-odds scale: base value [−+]\d/);
    expect(explain.stdout).toContain(`  1. ${top.driver_1}`);
    const global = churn('explain', '--global', '--json');
    expect(global.status).toBe(0);
    expect(JSON.parse(global.stdout).map((t: { origin: string }) => t.origin)).toEqual(['artifact', 'model', 'scored rows']);
    const nobody = churn('explain', 'C-nobody');
    expect(nobody.status).toBe(1);
    expect(nobody.stderr).toMatch(/^error CHURN_ERR_NOT_FOUND: Customer C-nobody has no active subscription/);
  });

  it('predicts the training-set CSV in order, and exits 2 with the line of a rejected row', () => {
    const source = path.join(cwd, 'data', 'processed', 'training-set.csv');
    const ok = churn('predict', source, '--out', 'scored.csv');
    expect(ok.status).toBe(0);
    const input: Record<string, string>[] = parse(readFileSync(source), { columns: true });
    const output: Record<string, string>[] = parse(readFileSync(path.join(cwd, 'scored.csv')), { columns: true });
    expect(output.map((r) => `${r.customer_id}@${r.cutoff}`)).toEqual(input.map((r) => `${r.customer_id}@${r.cutoff}`));
    expect(ok.stdout).toContain(`${input.length.toLocaleString('en')} rows: ${input.length.toLocaleString('en')} scored`);

    const lines = readFileSync(source, 'utf8').split('\n').slice(0, 4);
    lines[2] = lines[2].replace(/^([^,]*,[^,]*,)[^,]*/, '$1-1'); // total_sessions_7d of the second row (line 3)
    writeFileSync(path.join(cwd, 'bad.csv'), `${lines.join('\n')}\n`);
    const bad = churn('predict', 'bad.csv');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toContain('3 rows: 2 scored');
    expect(bad.stdout).toContain('line 3: total_sessions_7d: must be between 0 and ∞ (got -1)');
    expect(bad.stdout).toContain('wrote ');
  });
});
