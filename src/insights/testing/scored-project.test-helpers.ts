/** A scored project for store-backed insights tests: the serving fixture (1,000 customers × 8 months, trained champion), scored once. */
import type { LoadedConfig } from '../../config/index.js';
import { openScorer, type Scorer, savePredictions, scoreCustomers } from '../../scoring/index.js';
import { modelProject } from '../../serving/testing/model-fixture.test-support.js';
import { testConfig } from '../../serving/testing/server.test-support.js';
import { openStore, type Store } from '../../store/index.js';

export interface ScoredProject {
  dir: string;
  config: LoadedConfig;
  store: Store;
  scorer: Scorer;
  /** Customers scored at the newest date. */
  scored: number;
  snapshotDate: string;
}

/** A fresh copy of the fixture project with its newest snapshot scored into `predictions` (as `churn score` does). */
export async function scoredProject(): Promise<ScoredProject> {
  const dir = await modelProject();
  const config = testConfig(dir);
  const store = await openStore(config.databaseUrl, { baseDir: dir });
  await store.migrate();
  const scorer = await openScorer(config);
  const result = await scoreCustomers(store, scorer);
  const scored = await savePredictions(store, result);
  return { dir, config, store, scorer, scored, snapshotDate: result.snapshotDate };
}
