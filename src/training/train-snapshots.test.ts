import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../test/helpers/stores.js';
import { snapshotAt, transformSnapshot } from '../features/index.js';
import { predictProba } from '../ml/index.js';
import { encodeArtifact, loadArtifact, registryDir } from '../registry/index.js';
import type { Store } from '../store/index.js';
import { applyCalibration } from './calibrate.js';
import { smallBusiness, tempProject } from './testing/business.js';
import { type TrainResult, trainModels } from './train-snapshots.js';

afterAll(closeAllStores);

describe('training on a small default-like business (2,000 customers × 12 months, SQLite)', () => {
  let store: Store;
  let first: TrainResult;
  const config = tempProject();
  const run = (parallel = true) => trainModels(store, config, { budgetSeconds: 0, codeVersion: 'test', parallel });

  beforeAll(async () => {
    store = await smallBusiness(await engines[0].open());
    first = await run();
  }, 120_000);

  it('puts the best out-of-time ROC-AUC in [0.70, 0.97]: below is a weak pipeline, above is almost surely leakage', () => {
    const best = Math.max(...first.outcomes.map((o) => o.assessment.metrics.rocAuc ?? 0));
    expect(best).toBeGreaterThanOrEqual(0.7);
    expect(best).toBeLessThanOrEqual(0.97);
    expect(first.outcomes.map((o) => o.family)).toEqual(['logistic', 'random_forest', 'gradient_boosting', 'hist_boosting']);
  });

  it('validates on the latest mature cutoff and trains only on cutoffs whose labels end before it', () => {
    const { cutoffs, horizonDays } = first.artifact.training;
    expect(cutoffs?.validation).toEqual(['2025-11-30']);
    expect(cutoffs?.train.at(-1)).toBe('2025-10-31');
    expect(horizonDays).toBe(30);
  });

  it('gives the same selected model and a byte-identical artifact for the same seed, fitted in parallel or not', async () => {
    const again = await run(false);
    expect(again.selected).toBe(first.selected);
    expect(encodeArtifact(again.artifact)).toBe(encodeArtifact(first.artifact));
    expect(again.trainingSetReused).toBe(true);
  }, 120_000);

  it('reloads from disk to identical probabilities on the whole validation cutoff', async () => {
    const loaded = await loadArtifact(first.artifact.modelId, { dir: registryDir(config) });
    const cutoff = first.artifact.training.cutoffs?.validation[0] as string;
    const snap = await snapshotAt(store, cutoff, { horizonDays: 30 });
    const score = (a: typeof loaded) =>
      applyCalibration(
        a.calibration,
        predictProba(a.estimator.state as never, transformSnapshot(a.preprocessing as never, snap.frame)),
      );
    const fromDisk = score(loaded);
    expect(fromDisk.length).toBe(first.artifact.training.rows.validation);
    expect(Array.from(fromDisk)).toEqual(Array.from(score(first.artifact)));
    const chosen = first.outcomes.find((o) => o.family === first.selected);
    expect(Array.from(fromDisk)).toEqual(Array.from(chosen?.assessment.probabilities ?? []));
  });

  it('records mean |SHAP|, permutation and native importance with their samples; mean |SHAP| is the headline', () => {
    const { importances, importance, training } = first.artifact;
    expect(importances?.map((i) => i.name)).toEqual(['mean_abs_shap', 'permutation', 'native']);
    const [shap, permutation, native] = importances ?? [];
    expect(shap.sample).toEqual({ rows: Math.min(1000, training.rows.validation), from: 'out-of-time validation' });
    expect(permutation.sample).toEqual({ rows: Math.min(5000, training.rows.validation), from: 'out-of-time validation' });
    expect(native.sample).toBeNull();
    expect(importance).toEqual({ method: shap.method, values: shap.values });
    expect(permutation.values).toEqual(first.importance.permutation.values);
  });

  it('serves the model fitted on the inner-fit cutoffs, and says so in the report', () => {
    const html = readFileSync(first.files.report as string, 'utf8');
    expect(html).toContain('Each served model is the one fitted on the inner-fit cutoffs');
  });

  it('writes the comparison, metrics and both report files, and promotes the model', () => {
    const csv = readFileSync(first.files.comparison as string, 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toMatch(/^model,family,selected,roc_auc,pr_auc,precision,recall,f1,accuracy,brier,log_loss,top_decile_lift/);
    expect(csv).toHaveLength(5);
    const metrics = JSON.parse(readFileSync(first.files.metrics as string, 'utf8'));
    expect(metrics.modelId).toBe(first.artifact.modelId);
    expect(readFileSync(first.files.report as string, 'utf8')).toBe(readFileSync(first.files.modelReport as string, 'utf8'));
    expect(first.version?.status).toBe('champion');
  });
});
