/**
 * API benchmark (127.0.0.1, bounded): /predict throughput and p50/p99 at 32 connections vs a bare Fastify route (the
 * ceiling, same run) with the server's CPU time per request (load-independent), both for one body sent over and over
 * (explanation-cache hits) and for a rotating pool of distinct customers larger than the caches (misses);
 * /batch_predict of 10,000 rows; a CSV job of N rows end to end (skipped with 0); and a soak at a steady rate with
 * the server's RSS sampled every few seconds, growth measured from the end of the warm-up.
 * Run: npx tsx bench/api.ts [--seconds 10] [--csv-rows 1000000] [--soak-seconds 60] [--soak-rate 1000]
 *      [--soak-warmup-seconds 60] [--project DIR] [--only ceiling,hit,plain,miss,plain-miss] [--batch-runs 6] [--cpu-prof DIR]
 * The server serves the serving tests' fixture model (logistic regression on 1,000 customers), or with --project the
 * model and store of a folder `npm start` ran in (the default pipeline's selected model).
 * Measuring options: --only runs just the named /predict rows (and no ceiling, batch, CSV job or soak unless asked for
 * by their own options); --batch-runs 0 skips /batch_predict; --cpu-prof DIR runs the server under `node --cpu-prof`
 * and writes its profile into DIR when it stops (aggregate with a script such as /work/notes/cpuagg.mjs).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, openAsBlob, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { legacyRecord } from '../src/serving/testing/records.test-support.js';

const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? new Set(process.argv[onlyAt + 1].split(',')) : null;
const wants = (name: string) => only === null || only.has(name);
const seconds = arg('seconds', 10);
const csvRows = arg('csv-rows', only === null ? 1_000_000 : 0);
const soakSeconds = arg('soak-seconds', only === null ? 60 : 0);
const soakRate = arg('soak-rate', 1000);
const soakWarmupSeconds = arg('soak-warmup-seconds', Math.min(60, Math.round(soakSeconds / 5)));
const projectAt = process.argv.indexOf('--project');
const project = projectAt > 0 ? path.resolve(process.argv[projectAt + 1]) : null;
const batchRuns = arg('batch-runs', only === null ? 6 : 0);
const profAt = process.argv.indexOf('--cpu-prof');
const profDir = profAt > 0 ? path.resolve(process.argv[profAt + 1]) : null;
const load1 = () => loadavg()[0].toFixed(1);
console.error(
  `load average at start: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);

/** A child's CPU time (user + system, seconds) and resident memory (bytes), from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
}
function rssBytes(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

async function start(mode: 'churn' | 'bare'): Promise<{ child: ChildProcess; url: string; key: string }> {
  const args = [
    ...(profDir ? ['--cpu-prof', '--cpu-prof-dir', path.join(profDir, mode)] : []),
    '--import',
    'tsx',
    path.join('bench', 'api-server.ts'),
    mode,
    ...(mode === 'churn' && project ? [project] : []),
  ];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CHURN_LOG_LEVEL: 'warn' },
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines)
    if (line.startsWith('{"url"')) return { child, ...(JSON.parse(line) as { url: string; key: string }) };
  throw new Error(`${mode} server did not start`);
}
async function stop(child: ChildProcess) {
  child.kill('SIGTERM');
  await once(child, 'exit');
}

function load(url: string, key: string, body: string, duration: number, extra: Partial<autocannon.Options> = {}) {
  return autocannon({
    url,
    method: 'POST',
    connections: 32,
    duration,
    headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) },
    body,
    ...extra,
  });
}
/** One run's result plus the server's CPU per request and the load average when it ended. */
type Measured = autocannon.Result & { cpuMicros: number; load: string };
async function measure(pid: number, run: () => Promise<autocannon.Result>): Promise<Measured> {
  const cpu0 = cpuSeconds(pid);
  const r = await run();
  const cpu = cpuSeconds(pid) - cpu0;
  return Object.assign(r, { cpuMicros: (1e6 * cpu) / Math.max(1, r.requests.total), load: load1() });
}
/** A table row; `ceiling` = the row the shares are of (the ceiling itself: 100 %; no ceiling run: –). */
const row = (name: string, r: Measured, ceiling: Measured | undefined) => {
  const share = (f: (m: Measured) => number, inverse: boolean) =>
    ceiling === undefined ? '–' : `${((100 * (inverse ? f(ceiling) / f(r) : f(r) / f(ceiling))) as number).toFixed(0)} %`;
  return `| ${name} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${r.non2xx} | ${share((m) => m.requests.average, false)} | ${r.cpuMicros.toFixed(0)} | ${share((m) => m.cpuMicros, true)} | ${r.load} |`;
};

const body = JSON.stringify(legacyRecord);
/**
 * Distinct customers for the cache-miss runs: a pool larger than the explanation and pseudonym caches (10,000 each),
 * cycled by all connections together, so each body comes back only after 40,000 others (every request is a miss).
 */
const POOL = 40_000;
const plans = ['Basic', 'Standard', 'Premium'];
const devices = ['Android', 'iOS', 'Web'];
const distinctBodies = Array.from({ length: POOL }, (_, i) =>
  JSON.stringify({
    ...legacyRecord,
    customer_id: `crm-${i}`,
    age: 18 + (i % 60),
    plan_type: plans[i % 3],
    device_type: devices[(i >> 2) % 3],
    monthly_price: 5 + (i % 97) / 4,
    total_sessions_30d: i % 41,
    support_tickets_30d: i % 6,
  }),
);
let next = 0;
const rotating: Partial<autocannon.Options> = {
  requests: [{ setupRequest: (req) => ({ ...req, body: distinctBodies[next++ % POOL] }) }],
};
const out: string[] = [];
const served = () =>
  `Model served: ${card.model_id} (${card.family}), ${project ? `from ${project} (npm start)` : 'the serving tests’ fixture'}`;

// 1. ceiling, then the real /predict (explanations on = the default reply, and off), one body and rotating bodies.
let ceiling: Measured | undefined;
if (wants('ceiling')) {
  const bare = await start('bare');
  await load(`${bare.url}/predict`, '', body, 2); // warm-up
  ceiling = await measure(bare.child.pid!, () => load(`${bare.url}/predict`, '', body, seconds));
  await stop(bare.child);
}
const churn = await start('churn');
const pid = churn.child.pid!;
const card = (await (await fetch(`${churn.url}/model`, { headers: { 'x-api-key': churn.key } })).json()) as {
  model_id: string;
  family: string;
};
console.error(`serving ${card.model_id} (${card.family}) from ${project ?? 'the serving tests’ fixture'}`);
await load(`${churn.url}/predict`, churn.key, body, 2);
const runs: [string, string, string, Partial<autocannon.Options>][] = [
  ['hit', '/predict (drivers + action, default), one body: cache hits', '/predict', {}],
  ['plain', '/predict?explain=false, one body', '/predict?explain=false', {}],
  ['miss', `/predict (drivers + action), ${POOL.toLocaleString('en')} distinct customers: cache misses`, '/predict', rotating],
  ['plain-miss', `/predict?explain=false, ${POOL.toLocaleString('en')} distinct customers`, '/predict?explain=false', rotating],
];
out.push(
  served(),
  '',
  '| route (32 connections) | req/s | p50 ms | p99 ms | non-2xx | of ceiling | server CPU µs/req | ceiling CPU / this CPU | load avg (1 min) at end |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
);
if (ceiling) out.push(row('bare Fastify + TypeBox, linear score (ceiling)', ceiling, ceiling));
for (const [name, label, route, extra] of runs)
  if (wants(name))
    out.push(row(label, await measure(pid, () => load(`${churn.url}${route}`, churn.key, body, seconds, extra)), ceiling));

// 2. /batch_predict of 10,000 rows (median of 5, after one warm-up).
const batch = JSON.stringify(
  Array.from({ length: 10_000 }, (_, i) => ({ ...legacyRecord, customer_id: `c${i}`, age: 18 + (i % 60) })),
);
const batchTimes: number[] = [];
for (let k = 0; k < batchRuns; k++) {
  const t = performance.now();
  const res = await fetch(`${churn.url}/batch_predict`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': churn.key },
    body: batch,
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`batch ${res.status}`);
  if (k > 0) batchTimes.push(performance.now() - t);
}
batchTimes.sort((a, b) => a - b);
if (batchTimes.length > 0)
  out.push(
    '',
    `/batch_predict, 10,000 rows (${(batch.length / 1e6).toFixed(1)} MB JSON): median ${batchTimes[batchTimes.length >> 1].toFixed(0)} ms, min ${batchTimes[0].toFixed(0)} ms, max ${batchTimes[batchTimes.length - 1].toFixed(0)} ms`,
  );

// 3. CSV job end to end: upload + queue + score + result file (skipped with --csv-rows 0).
if (csvRows > 0) {
  const dir = mkdtempSync(path.join(tmpdir(), 'churn-bench-'));
  const file = path.join(dir, 'customers.csv');
  const w = createWriteStream(file);
  w.write(
    'customer_id,age,region,device_type,acquisition_channel,plan_type,monthly_price,auto_renew,total_sessions_30d,avg_session_minutes_30d,total_crashes_30d,failed_payments_30d,support_tickets_30d\n',
  );
  for (let i = 0; i < csvRows; i++) {
    if (
      !w.write(
        `c${i},${18 + (i % 60)},north,Android,Organic,${plans[i % 3]},${5 + (i % 20)},${i % 2},${i % 40},${(i % 30) + 0.5},${i % 3},${i % 4 === 0 ? 1 : 0},${i % 5}\n`,
      )
    )
      await once(w, 'drain');
  }
  w.end();
  await once(w, 'close');
  const form = new FormData();
  form.append('file', await openAsBlob(file, { type: 'text/csv' }), 'customers.csv');
  const t0 = performance.now();
  const up = await fetch(`${churn.url}/jobs/score`, { method: 'POST', body: form, headers: { 'x-api-key': churn.key } });
  const job = (await up.json()) as { id: string; bytesTotal: number };
  const tUp = performance.now();
  let status: { state: string; rowsScored: number; rowsRejected: number } = { state: 'queued', rowsScored: 0, rowsRejected: 0 };
  while (status.state !== 'done' && status.state !== 'failed') {
    await new Promise((r) => setTimeout(r, 200));
    status = (await (
      await fetch(`${churn.url}/jobs/${job.id}`, { headers: { 'x-api-key': churn.key } })
    ).json()) as typeof status;
  }
  const tDone = performance.now();
  rmSync(dir, { recursive: true, force: true });
  const jobSeconds = (tDone - t0) / 1000;
  out.push(
    '',
    `CSV job, ${csvRows.toLocaleString('en')} rows (${(job.bytesTotal / 1e6).toFixed(0)} MB): ${status.state}, ${status.rowsScored} scored, ${status.rowsRejected} rejected; upload ${((tUp - t0) / 1000).toFixed(1)} s, end to end ${jobSeconds.toFixed(1)} s = ${Math.round(csvRows / jobSeconds).toLocaleString('en')} rows/s (incl. the prediction log)`,
  );
}

// 4. Soak at a steady rate over distinct customers (so every cache fills to its bound during the warm-up); the
// server's RSS from /proc and its heap from its own /metrics, sampled every 5 s; growth counted from the end of warm-up.
const heapUsed = async () => {
  const text = await (await fetch(`${churn.url}/metrics`)).text();
  return Number(/^churn_nodejs_heap_size_used_bytes (\d+)/m.exec(text)?.[1] ?? Number.NaN);
};
if (soakSeconds > 0) {
  const samples: { t: number; rss: number; heap: number }[] = [];
  const t0 = performance.now();
  const sample = async () => samples.push({ t: (performance.now() - t0) / 1000, rss: rssBytes(pid), heap: await heapUsed() });
  await sample();
  const timer = setInterval(() => void sample(), 5000);
  const soak = await load(`${churn.url}/predict`, churn.key, body, soakSeconds, {
    connections: 16,
    overallRate: soakRate,
    ...rotating,
  });
  clearInterval(timer);
  await sample();
  const after = samples.filter((x) => x.t >= soakWarmupSeconds);
  // RSS swings with each major GC: compare the median of the first and of the last window after the warm-up
  // (a minute each, or a third of what follows the warm-up when the soak is short), not two single samples.
  const span = Math.min(60, (soakSeconds - soakWarmupSeconds) / 3);
  const median = (xs: { rss: number; heap: number }[], k: 'rss' | 'heap') => {
    const v = xs.map((x) => x[k]).sort((a, b) => a - b);
    return v[Math.floor(v.length / 2)];
  };
  const firstWindow = after.filter((x) => x.t < soakWarmupSeconds + span);
  const lastWindow = after.filter((x) => x.t >= soakSeconds - span);
  const first = { rss: median(firstWindow, 'rss'), heap: median(firstWindow, 'heap') };
  const last = { rss: median(lastWindow, 'rss'), heap: median(lastWindow, 'heap') };
  const mb = (b: number) => (b / 1e6).toFixed(1);
  const pct = (a: number, b: number) => `${b >= a ? '+' : ''}${((100 * (b - a)) / a).toFixed(1)} %`;
  // Least-squares slope of RSS after the warm-up: a leak shows as a steady positive slope, noise as a flat one.
  const n = after.length;
  const mt = after.reduce((s, x) => s + x.t, 0) / n;
  const mr = after.reduce((s, x) => s + x.rss, 0) / n;
  const slope =
    after.reduce((s, x) => s + (x.t - mt) * (x.rss - mr), 0) /
    Math.max(
      1e-9,
      after.reduce((s, x) => s + (x.t - mt) ** 2, 0),
    );
  out.push(
    '',
    `Soak: ${soakSeconds} s at a target of ${soakRate} req/s (16 connections, ${POOL.toLocaleString('en')} distinct customers, explained): ${soak.requests.total} requests (${Math.round(soak.requests.total / soakSeconds)} req/s achieved), non-2xx ${soak.non2xx}, errors ${soak.errors}, p50 ${soak.latency.p50} ms, p99 ${soak.latency.p99} ms; load average at end ${load1()}`,
    `Server RSS: start ${mb(samples[0].rss)} MB, median of the first ${span.toFixed(0)} s after the ${soakWarmupSeconds} s warm-up ${mb(first.rss)} MB, median of the last ${span.toFixed(0)} s ${mb(last.rss)} MB (${pct(first.rss, last.rss)}), max after warm-up ${mb(Math.max(...after.map((x) => x.rss)))} MB, slope ${((slope * 60) / 1e6).toFixed(2)} MB/min; heap used (same windows) ${mb(first.heap)} → ${mb(last.heap)} MB (${pct(first.heap, last.heap)})`,
    `RSS samples (s: MB): ${samples.map((x) => `${x.t.toFixed(0)}: ${mb(x.rss)}`).join(', ')}`,
  );
}
await stop(churn.child);
console.log(out.join('\n'));
