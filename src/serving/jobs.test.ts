import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import { startBullWorker } from './jobs/bullmq-queue.js';
import { jobFiles, queuedStatus, writeStatus } from './jobs/job-files.js';
import { jobContextOf } from './jobs/open-queue.js';
import { runScoringJob } from './jobs/score-csv.js';
import type { RunningServer } from './server.js';
import { legacyCsv, uploadCsv, waitForJob } from './testing/jobs.test-support.js';
import { modelProject } from './testing/model-fixture.test-support.js';
import { call, quietLogger, serve, testConfig } from './testing/server.test-support.js';

describe('CSV scoring jobs on the in-process queue', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serve(testConfig(await modelProject()), { demo: true });
  }, 120_000);
  afterAll(() => server.close());

  it('scores an uploaded CSV end to end, rejected rows listed with their line', async () => {
    const res = await uploadCsv(server, legacyCsv(12_000, 1000));
    expect(res.status).toBe(202);
    const job = (await res.json()) as { id: string; state: string };
    const done = await waitForJob(server, job.id);
    expect(done).toMatchObject({ state: 'done', rowsRead: 12_000, rowsScored: 11_988, rowsRejected: 12, progress: 1 });
    const result = await call(server, 'GET', `/jobs/${job.id}/result`);
    expect(result.type).toContain('text/csv');
    const lines = result.text.trim().split('\n');
    expect(lines[0]).toBe('customer_id,probability,prediction,risk_bucket,model_id');
    expect(lines.length).toBe(11_989);
    expect(lines[1].startsWith('c0,')).toBe(true);
    const errors = (await call(server, 'GET', `/jobs/${job.id}/errors`)).text.trim().split('\n');
    expect(errors.length).toBe(13);
    expect(errors[1]).toMatch(/^1001,monthly_price,/); // row c999 is on line 1001 (header is line 1)
    const logged = await server.deps.store.all<{ n: number }>(
      "SELECT COUNT(*) AS n FROM predictions WHERE source = 'job' AND request_id = ?",
      [job.id],
    );
    expect(Number(logged[0].n)).toBe(11_988);
  });

  /** Writes `csv` as a queued job's input and runs it directly (the writer-thread threshold; another store). */
  async function runJob(id: string, csv: string, logThreadMinBytes: number, store = server.deps.store) {
    const ctx = { ...jobContextOf(server.deps), logThreadMinBytes, store };
    const f = jobFiles(ctx.root, id);
    mkdirSync(f.dir, { recursive: true });
    writeFileSync(f.input, csv);
    writeStatus(ctx.root, queuedStatus(id, statSync(f.input).size));
    return { status: await runScoringJob(ctx, id), files: f };
  }

  it.each([
    ['the prediction-log writer thread', 0, '21111111-2222-4333-8444-555555555555'],
    ['the job thread', Number.POSITIVE_INFINITY, '31111111-2222-4333-8444-555555555555'],
  ])('logs every scored row through %s: pseudonymised ids, sha1 of the raw row, result in file order', async (_, min, id) => {
    const csv = legacyCsv(20_000, 997);
    const { status, files } = await runJob(id, csv, min);
    expect(status).toMatchObject({ state: 'done', rowsRead: 20_000, rowsRejected: 20, rowsScored: 19_980 });
    const result = readFileSync(files.result, 'utf8').trim().split('\n').slice(1);
    const rawRows = csv.trim().split('\n').slice(1);
    const kept = rawRows.filter((_, i) => i % 997 !== 996);
    expect(result.map((l) => l.split(',')[0])).toEqual(kept.map((l) => l.split(',')[0]));
    const logged = await server.deps.store.all<{ customer_ref: string; input_hash: string; probability: number }>(
      "SELECT customer_ref, input_hash, probability FROM predictions WHERE source = 'job' AND request_id = ? ORDER BY prediction_id",
      [id],
    );
    expect(logged.length).toBe(19_980);
    for (const k of [0, 1, 9_999, 19_979]) {
      expect(logged[k].customer_ref).toBe(server.deps.pseudonymise(kept[k].split(',')[0]));
      expect(logged[k].input_hash).toBe(createHash('sha1').update(kept[k]).digest('hex'));
      expect(logged[k].probability).toBe(Number(result[k].split(',')[1]));
    }
  });

  it('fails a job whose CSV breaks mid-file with CHURN_ERR_CSV_FORMAT naming the line', async () => {
    const rows = legacyCsv(10_000).split('\n');
    rows[9_000] = `${rows[9_000]},extra`;
    const { status } = await runJob('41111111-2222-4333-8444-555555555555', rows.join('\n'), 0);
    expect(status.state).toBe('failed');
    expect(status.error).toMatchObject({ code: 'CHURN_ERR_CSV_FORMAT', message: expect.stringContaining('CSV line 9001') });
  });

  it.each([
    ['the writer thread', 0, '51111111-2222-4333-8444-555555555555'],
    ['the job thread', Number.POSITIVE_INFINITY, '61111111-2222-4333-8444-555555555555'],
  ])('fails the job when %s cannot write the prediction log (never done with rows missing)', async (_, min, id) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'churn-nolog-'));
    const unmigrated = await openStore(`sqlite:${path.join(dir, 'empty.db')}`, { migrate: false });
    try {
      const { status } = await runJob(id, legacyCsv(3000), min, unmigrated);
      expect(status.state).toBe('failed');
      expect(status.error?.code).toMatch(/^CHURN_ERR_(STORE|DB)/);
    } finally {
      await unmigrated.close();
    }
  });

  it('refuses unknown columns (422), an empty file (422), a non-multipart body (415) and unknown jobs (404)', async () => {
    const cols = await uploadCsv(server, 'customer_id,shoe_size\n1,44\n');
    expect(cols.status).toBe(422);
    expect(((await cols.json()) as { code: string }).code).toBe('CHURN_ERR_CSV_COLUMNS');
    const empty = await uploadCsv(server, '');
    expect(empty.status).toBe(422);
    const json = await call(server, 'POST', '/jobs/score', { json: { file: 'x' } });
    expect(json.status).toBe(415);
    const missing = await call(server, 'GET', '/jobs/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    const badId = await call(server, 'GET', '/jobs/..%2F..%2Fetc');
    expect(badId.status).toBe(422);
  });
});

describe('in-process queue after a restart', () => {
  it('runs a job a previous process accepted but never started', async () => {
    const config = testConfig(await modelProject());
    const root = path.resolve(config.projectDir, config.serving.jobsDir);
    const id = '11111111-2222-4333-8444-555555555555';
    mkdirSync(jobFiles(root, id).dir, { recursive: true });
    writeFileSync(jobFiles(root, id).input, legacyCsv(500));
    writeStatus(root, queuedStatus(id, 1)); // as left on disk by a server stopped before the job's turn
    const server = await serve(config, { demo: true });
    try {
      expect(await waitForJob(server, id)).toMatchObject({ state: 'done', rowsScored: 500 });
    } finally {
      await server.close();
    }
  }, 60_000);
});

if (process.env.CI === 'true' && !process.env.REDIS_URL)
  throw new Error('CI=true but REDIS_URL is not set: BullMQ tests must run in CI');

describe.skipIf(!process.env.REDIS_URL)('CSV scoring jobs on BullMQ (real Redis)', () => {
  it('keeps a job queued across an API restart and lets a worker finish it', async () => {
    const config = testConfig(await modelProject(), { redisUrl: process.env.REDIS_URL });
    const first = await serve(config, { demo: true });
    const res = await uploadCsv(first, legacyCsv(3000));
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    await first.close(); // no worker ran: the job is only in Redis and the jobs folder
    const second = await serve(config, { demo: true });
    expect((await call(second, 'GET', `/jobs/${id}`)).body.state).toBe('queued');
    const worker = startBullWorker(jobContextOf(second.deps), config.redisUrl, quietLogger());
    try {
      const done = await waitForJob(second, id);
      expect(done).toMatchObject({ state: 'done', rowsScored: 3000 });
    } finally {
      await worker.close();
      await second.close();
    }
  }, 60_000);
});
