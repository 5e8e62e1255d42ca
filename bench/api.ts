/**
 * API benchmark (127.0.0.1, bounded): /predict throughput and p50/p99 at 32 connections vs a bare Fastify route (the
 * ceiling, same run), /batch_predict of 10,000 rows, a CSV job of N rows end to end, and a short soak with RSS growth.
 * Run: npx tsx bench/api.ts [--seconds 10] [--csv-rows 1000000] [--soak-seconds 60]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { legacyRecord } from '../src/serving/testing/records.test-support.js';

const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const seconds = arg('seconds', 10);
const csvRows = arg('csv-rows', 1_000_000);
const soakSeconds = arg('soak-seconds', 60);

async function start(mode: 'churn' | 'bare'): Promise<{ child: ChildProcess; url: string; key: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('bench', 'api-server.ts'), mode], {
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
const row = (name: string, r: autocannon.Result, ceiling?: autocannon.Result) =>
  `| ${name} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${r.non2xx} | ${ceiling ? `${((100 * r.requests.average) / ceiling.requests.average).toFixed(0)} %` : '100 %'} |`;

const body = JSON.stringify(legacyRecord);
const out: string[] = [];

// 1. ceiling, then the real /predict (explanations on = the default reply, and off).
const bare = await start('bare');
await load(`${bare.url}/predict`, '', body, 2); // warm-up
const ceiling = await load(`${bare.url}/predict`, '', body, seconds);
await stop(bare.child);
const churn = await start('churn');
await load(`${churn.url}/predict`, churn.key, body, 2);
const explained = await load(`${churn.url}/predict`, churn.key, body, seconds);
const plain = await load(`${churn.url}/predict?explain=false`, churn.key, body, seconds);
out.push('| route (32 connections) | req/s | p50 ms | p99 ms | non-2xx | of ceiling |', '|---|---:|---:|---:|---:|---:|');
out.push(
  row('bare Fastify + TypeBox, linear score (ceiling)', ceiling),
  row('/predict (drivers + action, default)', explained, ceiling),
  row('/predict?explain=false', plain, ceiling),
);

// 2. /batch_predict of 10,000 rows (median of 5, after one warm-up).
const batch = JSON.stringify(
  Array.from({ length: 10_000 }, (_, i) => ({ ...legacyRecord, customer_id: `c${i}`, age: 18 + (i % 60) })),
);
const batchTimes: number[] = [];
for (let k = 0; k < 6; k++) {
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
out.push(
  '',
  `/batch_predict, 10,000 rows (${(batch.length / 1e6).toFixed(1)} MB JSON): median ${batchTimes[2].toFixed(0)} ms, min ${batchTimes[0].toFixed(0)} ms, max ${batchTimes[4].toFixed(0)} ms`,
);

// 3. CSV job end to end: upload + queue + score + result file.
const dir = mkdtempSync(path.join(tmpdir(), 'churn-bench-'));
const file = path.join(dir, 'customers.csv');
const w = createWriteStream(file);
w.write(
  'customer_id,age,region,device_type,acquisition_channel,plan_type,monthly_price,auto_renew,total_sessions_30d,avg_session_minutes_30d,total_crashes_30d,failed_payments_30d,support_tickets_30d\n',
);
const plans = ['Basic', 'Standard', 'Premium'];
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
  status = (await (await fetch(`${churn.url}/jobs/${job.id}`, { headers: { 'x-api-key': churn.key } })).json()) as typeof status;
}
const tDone = performance.now();
rmSync(dir, { recursive: true, force: true });
const jobSeconds = (tDone - t0) / 1000;
out.push(
  '',
  `CSV job, ${csvRows.toLocaleString('en')} rows (${(job.bytesTotal / 1e6).toFixed(0)} MB): ${status.state}, ${status.rowsScored} scored, ${status.rowsRejected} rejected; upload ${((tUp - t0) / 1000).toFixed(1)} s, end to end ${jobSeconds.toFixed(1)} s = ${Math.round(csvRows / jobSeconds).toLocaleString('en')} rows/s (incl. the prediction log)`,
);

// 4. Soak at a steady rate; server RSS from its own /metrics.
const rss = async () => {
  const text = await (await fetch(`${churn.url}/metrics`)).text();
  return Number(/^churn_process_resident_memory_bytes (\d+)/m.exec(text)?.[1] ?? Number.NaN);
};
if (soakSeconds > 0) {
  const rate = 2000;
  const rss0 = await rss();
  const soak = await load(`${churn.url}/predict`, churn.key, body, soakSeconds, { connections: 16, overallRate: rate });
  const rss1 = await rss();
  out.push(
    '',
    `Soak: ${soakSeconds} s at ${rate} req/s (16 connections): ${soak.requests.total} requests, non-2xx ${soak.non2xx}, p99 ${soak.latency.p99} ms; server RSS ${(rss0 / 1e6).toFixed(0)} → ${(rss1 / 1e6).toFixed(0)} MB (${((100 * (rss1 - rss0)) / rss0).toFixed(1)} %)`,
  );
}
await stop(churn.child);
console.log(out.join('\n'));
