/**
 * Insights benchmark: segmentation (standardise + k-means k = 2..8 with silhouette on a 2,000-row sample, the work of
 * `churn segment`) and campaign planning of 100k customers. Rows are resampled (seeded, ±10 % noise) from a real
 * snapshot of the serving fixture (1,000 generated customers). Reference: one k-means fit at k = 4 in the same run.
 * Run: npx tsx bench/insights.ts [rows]
 */
import { performance } from 'node:perf_hooks';
import { latestSnapshot } from '../src/features/index.js';
import { behaviourMatrix, campaignFromScores, defaultRules, type ScoredSnapshot } from '../src/insights/index.js';
import { fitKMeans, permutation, rng, silhouette, takeRows } from '../src/ml/index.js';
import { modelProject } from '../src/serving/testing/model-fixture.test-support.js';
import { testConfig } from '../src/serving/testing/server.test-support.js';
import { openStore } from '../src/store/index.js';

const rows = Number(process.argv[2] ?? 100_000);
const dir = await modelProject();
const config = testConfig(dir);
const store = await openStore(config.databaseUrl, { baseDir: dir });
const snap = await latestSnapshot(store);
await store.close();
const r = rng(5);
const pick = Int32Array.from({ length: rows }, () => Math.floor(r() * snap.frame.nRows));
const columns: Record<string, Float64Array | (string | null)[]> = {};
for (const [name, c] of Object.entries(snap.frame.columns))
  columns[name] =
    c instanceof Float64Array ? Float64Array.from(pick, (i) => c[i] * (0.9 + 0.2 * r())) : Array.from(pick, (i) => c[i]);
const frame = {
  nRows: rows,
  customerId: Array.from(pick, (_, i) => `C${i}`),
  cutoff: Array.from(pick, () => snap.cutoff),
  columns,
};

const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const v = fn();
  return [v, (performance.now() - t) / 1000];
};
const [m, tStd] = time(() => behaviourMatrix(frame));
const [, tRef] = time(() => fitKMeans(m.X, { k: 4, seed: 42, nInit: 4 }));
// As segmentSnapshot: the k = 2..8 report on a seeded 10,000-row sample, then k = 4 on every row.
const [, tSeg] = time(() => {
  const RX = takeRows(m.X, permutation(rng(42), rows).slice(0, Math.min(rows, 10_000)));
  for (let k = 2; k <= 8; k++) {
    const fit = fitKMeans(RX, { k, seed: 42, nInit: 4 });
    silhouette(RX, fit.labels, { sampleSize: 2000, seed: 42 });
  }
  fitKMeans(m.X, { k: 4, seed: 42, nInit: 4 });
});
const scored: ScoredSnapshot = {
  modelId: 'bench',
  snapshotDate: snap.cutoff,
  rows: Array.from({ length: rows }, (_, i) => ({
    customerId: `C${String(i).padStart(6, '0')}`,
    probability: r(),
    riskBucket: 'High',
    explanation: {
      clv: 50 + 500 * r(),
      action: {
        ruleId: 'payment-card-update',
        action: 'card_update_and_retry',
        channel: 'email',
        offer: null,
        reason: 'rule payment-card-update: 2 failed payments in the last 30 days',
      },
    },
  })),
};
const [, tCampaign] = time(() => campaignFromScores(scored, defaultRules, 5000));
console.log(`rows ${rows}, behaviour features ${m.features.length}`);
console.log(`standardise                      ${tStd.toFixed(2)} s`);
console.log(`k-means k=4 (reference)          ${tRef.toFixed(2)} s`);
console.log(`segment (report k=2..8 on 10k + k=4 on all) ${tSeg.toFixed(2)} s (${(tSeg / tRef).toFixed(1)}× reference)`);
console.log(`campaign of ${rows} scored       ${tCampaign.toFixed(2)} s (${(tCampaign / tRef).toFixed(2)}× reference)`);
