/**
 * Bench: `churn load` throughput — CSV rows/s and peak RSS into SQLite and PostgreSQL — for generated businesses of
 * 10k and 100k customers × 12 months. The reference in the same run is csv-parse alone over the same files (no
 * validation, no store), so the ratio says what validation + quarantine + upsert cost on top of parsing.
 *
 *   npx tsx bench/load.ts [--sizes 10000,100000] [--engines sqlite,postgres]
 *
 * Each measurement runs in its own process so peak RSS is its own. PostgreSQL uses DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/test) in a throw-away schema.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import { rawTableNames } from '../src/data/contract/index.js';
import { csvSink, generateBusiness } from '../src/data/generate/index.js';
import { loadCsvFiles } from '../src/data/ingest/index.js';
import { runQualityChecks } from '../src/data/quality/index.js';
import { openStore, PostgresStore } from '../src/store/index.js';

const out = path.resolve('bench', 'out');
const pgUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Measure {
  rows: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
  /** Load runs only: `churn quality` on the loaded store. */
  quality?: { seconds: number; failed: string[] };
}

const peak = () => Math.round(process.resourceUsage().maxRSS / 1024);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Child: generate the business (CLI `churn generate` when built, else the same generator as a library). */
async function generate(customers: number, dir: string): Promise<Measure> {
  const t = performance.now();
  const c0 = cpu();
  const cli = path.resolve('dist', 'cli', 'commands', 'generate.js');
  let rows = 0;
  if (existsSync(cli)) {
    const r = spawnSync(
      process.execPath,
      ['bin/churn.js', 'generate', '--customers', `${customers}`, '--months', '12', '--out', dir],
      {
        stdio: 'inherit',
      },
    );
    if (r.status !== 0) throw new Error('churn generate failed');
    // CPU and RSS of a grandchild are not visible here; the generator's own bench reports them.
    return { rows, seconds: (performance.now() - t) / 1000, cpuSeconds: Number.NaN, peakRssMiB: Number.NaN };
  } else {
    const summary = await generateBusiness({ customers, months: 12, seed: 42 }, csvSink(dir));
    rows = Object.values(summary.rows).reduce((a, b) => a + b, 0);
  }
  return { rows, seconds: (performance.now() - t) / 1000, cpuSeconds: cpu() - c0, peakRssMiB: peak() };
}

/** Child: csv-parse alone over every file (the reference). */
async function parseOnly(dir: string): Promise<Measure> {
  const t = performance.now();
  const c0 = cpu();
  let rows = 0;
  for (const table of rawTableNames) {
    const parser = createReadStream(path.join(dir, `${table}.csv`), { highWaterMark: 1 << 20 }).pipe(
      parse({ bom: true, raw: true }),
    );
    await new Promise<void>((resolve, reject) => {
      parser.on('data', () => rows++);
      parser.on('end', resolve);
      parser.on('error', reject);
    });
    rows--; // header
  }
  return { rows, seconds: (performance.now() - t) / 1000, cpuSeconds: cpu() - c0, peakRssMiB: peak() };
}

/** Child: one `loadCsvFiles` run into a fresh store. */
async function load(engine: string, dir: string): Promise<Measure> {
  const file = path.join(out, `load-bench-${process.pid}.db`);
  const store = engine === 'sqlite' ? await openStore(file) : await openStore(pgUrl, { schema: `bench_load_${process.pid}` });
  try {
    const t = performance.now();
    const c0 = cpu();
    const summary = await loadCsvFiles(store, [dir], { quarantineDir: path.join(out, 'quarantine') });
    if (summary.quarantined)
      throw new Error(`generated data had ${summary.quarantined} quarantined rows: ${JSON.stringify(summary.byReason)}`);
    const loaded = { rows: summary.loaded, seconds: (performance.now() - t) / 1000, cpuSeconds: cpu() - c0, peakRssMiB: peak() };
    const q = performance.now();
    const report = await runQualityChecks(store);
    const failed = report.checks.filter((c) => c.status === 'fail').map((c) => `${c.id} (${c.failing})`);
    return { ...loaded, quality: { seconds: (performance.now() - q) / 1000, failed } };
  } finally {
    if (store instanceof PostgresStore) await store.dropSchema();
    await store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
}

function child(...args: string[]): Measure {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/load.ts', '--child', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`child ${args.join(' ')} failed`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}');
}

// NaN (not measured) arrives from a child as null.
const shown = (x: number | null, digits: number) => (x === null || !Number.isFinite(x) ? '—' : x.toFixed(digits));

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};

if (process.argv[2] === '--child') {
  const [what, a, b] = process.argv.slice(3);
  const m = what === 'generate' ? await generate(Number(a), b) : what === 'parse' ? await parseOnly(a) : await load(what, a);
  console.log(JSON.stringify(m));
} else {
  const sizes = arg('--sizes', '10000,100000').split(',').map(Number);
  const engines = arg('--engines', 'sqlite,postgres').split(',');
  const lines = [
    '| customers | step | rows | seconds | rows/s | × csv-parse alone | CPU s | peak RSS MiB |',
    '|---:|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const n of sizes) {
    const dir = path.join(out, `load-csv-${n}`);
    const gen = child('generate', `${n}`, dir);
    const ref = child('parse', dir);
    const row = (step: string, m: Measure, ratio: string) =>
      `| ${n.toLocaleString('en')} | ${step} | ${m.rows.toLocaleString('en')} | ${m.seconds.toFixed(1)} | ${Math.round(m.rows / m.seconds).toLocaleString('en')} | ${ratio} | ${shown(m.cpuSeconds, 1)} | ${shown(m.peakRssMiB, 0)} |`;
    lines.push(row('generate CSV', { ...gen, rows: ref.rows }, ''), row('csv-parse alone (reference)', ref, '1.00'));
    for (const engine of engines) {
      const m = child(engine, dir);
      lines.push(row(`load → ${engine}`, m, (m.rows / m.seconds / (ref.rows / ref.seconds)).toFixed(2)));
      const failed = m.quality?.failed.length ? `failed: ${m.quality.failed.join(', ')}` : 'all pass';
      lines.push(
        `| ${n.toLocaleString('en')} | then \`churn quality\` on ${engine} (${failed}) | | ${m.quality?.seconds.toFixed(1)} | | | | |`,
      );
      console.error(lines[lines.length - 1]);
    }
  }
  console.log(lines.join('\n'));
  writeFileSync(path.join(out, 'load-results.md'), `${lines.join('\n')}\n`);
}
