/**
 * The dashboard's fixture project: the serving fixture (1,000 customers × 8 months, trained champion) with what the
 * analytics pages read — two scored batches (one old enough for realised performance, one at the newest date), a drift
 * run with its alerts, and a segmentation — made as `churn score`, `churn monitor` and `churn segment` make them.
 * Built once per source version into test-output/ (keyed by a hash of the layers it runs) and copied per test file.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addDays, dataRange } from '../../src/features/index.js';
import { saveSegmentation, segmentSnapshot } from '../../src/insights/index.js';
import { monitorCycle } from '../../src/monitoring/index.js';
import { openScorer, savePredictions, scoreCustomers } from '../../src/scoring/index.js';
import { modelProject } from '../../src/serving/testing/model-fixture.test-support.js';
import { testConfig } from '../../src/serving/testing/server.test-support.js';
import { openStore } from '../../src/store/index.js';

const root = path.resolve('test-output/e2e-fixture');
/** Layers whose code decides the fixture's contents: a change in any of them rebuilds it. */
const sources = [
  'src/scoring',
  'src/monitoring',
  'src/insights',
  'src/features',
  'src/training',
  'src/ml',
  'test/e2e/fixture.ts',
];

function sourceHash(): string {
  const h = createHash('sha256');
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) for (const f of readdirSync(p).sort()) walk(path.join(p, f));
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) h.update(p).update(readFileSync(p));
  };
  for (const s of sources) walk(path.resolve(s));
  return h.digest('hex').slice(0, 12);
}

/** Days before the newest date of the older scored batch: past the 30-day horizon, so its labels are mature. */
export const matureCohortDaysBack = 60;

async function build(dir: string): Promise<void> {
  const config = testConfig(dir);
  const store = await openStore(config.databaseUrl, { baseDir: dir });
  try {
    await store.migrate();
    const scorer = await openScorer(config);
    const newest = (await dataRange(store)).newest as string;
    for (const at of [addDays(newest, -matureCohortDaysBack), newest])
      await savePredictions(store, await scoreCustomers(store, scorer, { at }));
    await monitorCycle(store, scorer, config, { writeFile: false, log: () => {} });
    await saveSegmentation(store, await segmentSnapshot(store, { k: 4, seed: 42, silhouetteSample: 500 }));
  } finally {
    await store.close();
  }
}

/** A fresh copy of the scored fixture project; builds the template on first use (or when the layers above changed). */
export async function dashboardProject(): Promise<string> {
  const template = path.join(root, sourceHash());
  if (!existsSync(template)) {
    mkdirSync(root, { recursive: true });
    const base = await modelProject();
    const work = mkdtempSync(path.join(root, 'build-'));
    cpSync(base, work, { recursive: true });
    rmSync(base, { recursive: true, force: true });
    await build(work);
    try {
      renameSync(work, template); // atomic: a parallel builder that lost the race discards its copy
    } catch {
      rmSync(work, { recursive: true, force: true });
    }
    // Templates of older source versions are dead weight (a few MB each); builds in progress start with "build-".
    for (const old of readdirSync(root))
      if (!old.startsWith('build-') && path.join(root, old) !== template)
        rmSync(path.join(root, old), { recursive: true, force: true });
  }
  const copy = mkdtempSync(path.join(tmpdir(), 'churn-dash-'));
  cpSync(template, copy, { recursive: true });
  return copy;
}
