/** Test support: a generated business (1,500 customers by default, optionally a crash wave), a model trained before the wave. */

import type { LoadedConfig } from '../../config/index.js';
import { generateBusiness, storeSink } from '../../data/generate/index.js';
import type { ModelArtifact } from '../../registry/index.js';
import { openStore, type Store } from '../../store/index.js';
import { trainModels } from '../../training/index.js';
import { tempProject } from '../../training/testing/business.js';

/** Training cutoffs end at 2025-09-30, before the crash wave (from 2025-11-10 for 31 days, ×8 crashes). */
export const trainCutoffs = ['2025-05-31', '2025-06-30', '2025-07-31', '2025-08-31', '2025-09-30'];
export const waveStart = '2025-11-10';
/** The monitored date: 25 days into the wave. */
export const monitoredAt = '2025-12-05';

export interface MonitoredBusiness {
  store: Store;
  config: LoadedConfig;
  artifact: ModelArtifact;
}

/** A fresh SQLite store with the business, a temp project, and a registered + promoted logistic model. */
export async function monitoredBusiness(crashWave: boolean, store?: Store, customers = 1500): Promise<MonitoredBusiness> {
  const s = store ?? (await openStore(':memory:'));
  const drift = crashWave ? [{ kind: 'crash_wave' as const, from: waveStart }] : [];
  await generateBusiness({ customers, months: 12, seed: 5, drift }, storeSink(s));
  const config = tempProject();
  const r = await trainModels(s, config, {
    models: 'lr',
    budgetSeconds: 0,
    codeVersion: 'test',
    cutoffs: trainCutoffs,
    validationCutoffs: [trainCutoffs.at(-1) as string],
  });
  return { store: s, config, artifact: r.artifact };
}
