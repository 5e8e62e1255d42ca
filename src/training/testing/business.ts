/** Test support: a small default-like synthetic business in a fresh store, and a throw-away project folder. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type LoadedConfig, loadConfig } from '../../config/index.js';
import { generateBusiness, storeSink } from '../../data/generate/index.js';
import type { Store } from '../../store/index.js';

/** Fills `store` with `customers` customers over `months` months (the generator's default churn rate). */
export async function smallBusiness(store: Store, customers = 2000, months = 12, seed = 7): Promise<Store> {
  await generateBusiness({ customers, months, seed }, storeSink(store));
  return store;
}

/** Configuration of a fresh temporary project (its models/, outputs/, reports/ and data/ live in a temp folder). */
export function tempProject(): LoadedConfig {
  return loadConfig({ projectDir: mkdtempSync(path.join(tmpdir(), 'churn-train-')), env: {} });
}
