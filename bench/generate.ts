/**
 * Bench: `churn generate` straight into SQLite and PostgreSQL (and CSV) for 10k and 100k customers × 12 months —
 * rows/s, peak RSS, CPU seconds. The reference in the same run is the simulation alone (rows produced and dropped),
 * so the ratio and the extra seconds say what writing costs on top of generating.
 *
 *   npx tsx bench/generate.ts [--sizes 10000,100000] [--sinks none,csv,sqlite,postgres]
 *
 * Each measurement runs in its own process so peak RSS is its own (process.resourceUsage().maxRSS). PostgreSQL
 * runs only when DATABASE_URL is set, in a throw-away schema.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rawTableNames } from '../src/data/contract/index.js';
import { csvSink, generateBusiness, type RowSink, storeSink } from '../src/data/generate/index.js';
import { openStore, PostgresStore, type Store } from '../src/store/index.js';

const out = path.resolve('bench', 'out');
const pgUrl = process.env.DATABASE_URL;

interface Measure {
  rows: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Child: one generation of `customers` × 12 months into `kind`. */
async function run(kind: string, customers: number): Promise<Measure> {
  mkdirSync(out, { recursive: true });
  const file = path.join(out, `generate-bench-${process.pid}.db`);
  let store: Store | null = null;
  let sink: RowSink;
  if (kind === 'none') sink = { open: async () => {}, write: async () => {}, close: async () => {} };
  else if (kind === 'csv') sink = csvSink(path.join(out, `generate-csv-${customers}`));
  else {
    store = kind === 'sqlite' ? await openStore(file) : await openStore(pgUrl!, { schema: `bench_gen_${process.pid}` });
    sink = storeSink(store);
  }
  try {
    const t = performance.now();
    const c0 = cpu();
    const summary = await generateBusiness({ customers, months: 12, seed: 42 }, sink);
    const seconds = (performance.now() - t) / 1000;
    const rows = rawTableNames.reduce((n, tb) => n + summary.rows[tb], 0);
    return {
      rows,
      seconds,
      cpuSeconds: cpu() - c0,
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    if (store instanceof PostgresStore) await store.dropSchema();
    await store?.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
}

function child(kind: string, customers: number): Measure {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/generate.ts', '--child', kind, `${customers}`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`child ${kind} ${customers} failed`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}');
}

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};

if (process.argv[2] === '--child') {
  console.log(JSON.stringify(await run(process.argv[3], Number(process.argv[4]))));
} else {
  const sizes = arg('--sizes', '10000,100000').split(',').map(Number);
  const sinks = arg('--sinks', `none,csv,sqlite${pgUrl ? ',postgres' : ''}`).split(',');
  const lines = [
    '| customers | into | rows | seconds | rows/s | × simulation alone | + seconds for writing | CPU s | rows per CPU-s | peak RSS MiB |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const n of sizes) {
    let reference = 0;
    let referenceSeconds = 0;
    for (const kind of sinks) {
      const m = child(kind, n);
      const rate = m.rows / m.seconds;
      if (kind === 'none') {
        reference = rate;
        referenceSeconds = m.seconds;
      }
      const label = kind === 'none' ? 'nothing (simulation alone, reference)' : kind;
      lines.push(
        `| ${n.toLocaleString('en')} | ${label} | ${m.rows.toLocaleString('en')} | ${m.seconds.toFixed(1)} | ${Math.round(rate).toLocaleString('en')} | ${reference ? (rate / reference).toFixed(2) : '—'} | ${kind === 'none' ? '—' : (m.seconds - referenceSeconds).toFixed(1)} | ${m.cpuSeconds.toFixed(1)} | ${Math.round(m.rows / m.cpuSeconds).toLocaleString('en')} | ${m.peakRssMiB} |`,
      );
      console.error(lines[lines.length - 1]);
    }
  }
  console.log(lines.join('\n'));
  writeFileSync(path.join(out, 'generate-results.md'), `${lines.join('\n')}\n`);
}
