/**
 * A small REAL trained model for the serving tests: a generated business (1,000 customers × 8 months) in SQLite, trained
 * and promoted by the training library. Built once into test-output/ and copied per test file (each gets its own store
 * and registry, so promotions and keys do not leak between files).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateBusiness, storeSink } from '../../data/generate/index.js';
import { openStore } from '../../store/index.js';
import { trainModels } from '../../training/index.js';
import { testConfig } from './server.test-support.js';

const VERSION = 'v2-1000x8-lr-gb';
const root = path.resolve('test-output/serving-fixture');

async function build(dir: string): Promise<void> {
  const config = testConfig(dir);
  const store = await openStore(config.databaseUrl, { baseDir: dir });
  try {
    await store.migrate();
    await generateBusiness({ customers: 1000, months: 8, seed: 11 }, storeSink(store));
    // A challenger first (registered, not promoted), then the champion the server starts with.
    await trainModels(store, config, {
      models: ['lr'],
      budgetSeconds: 1,
      seed: 6,
      writeFiles: false,
      register: true,
      promote: false,
    });
    await trainModels(store, config, {
      models: ['lr', 'gb'],
      budgetSeconds: 2,
      seed: 5,
      writeFiles: false,
      register: true,
      promote: true,
    });
  } finally {
    await store.close();
  }
}

/** A fresh copy of the fixture project (churn.db + models/); builds the template on first use. */
export async function modelProject(): Promise<string> {
  const template = path.join(root, VERSION);
  if (!existsSync(template)) {
    mkdirSync(root, { recursive: true });
    const work = mkdtempSync(path.join(root, 'build-'));
    await build(work);
    try {
      renameSync(work, template); // atomic: a parallel builder that lost the race just discards its copy
    } catch {
      rmSync(work, { recursive: true, force: true });
    }
  }
  const copy = mkdtempSync(path.join(tmpdir(), 'churn-serve-'));
  cpSync(template, copy, { recursive: true });
  return copy;
}
