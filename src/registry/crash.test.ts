import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../test/helpers/stores.js';
import { openStore } from '../store/index.js';
import { encodeArtifact } from './codec.js';
import { createArtifact } from './create-artifact.js';
import type { SaveStep } from './folder.js';
import { currentModel, loadArtifact } from './load.js';
import { openRegistry } from './registry.js';
import { sampleDraft } from './sample-draft.test-support.js';

const dirs: string[] = [];
afterAll(async () => {
  await closeAllStores();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'churn-crash-'));
  dirs.push(d);
  return d;
};

const previous = createArtifact(sampleDraft(1));
const next = createArtifact(sampleDraft(2));
const steps: SaveStep[] = ['model-file-partial', 'folder-written', 'folder-renamed', 'row-inserted', 'pointer-switched'];

describe.each(engines)('a save that fails part-way on $name', ({ open }) => {
  it.each(steps)('after step %s leaves current on a complete model, and a retry succeeds', async (step) => {
    const store = await open();
    const dir = tempDir();
    const registry = openRegistry(store, dir);
    await registry.register(previous, { promote: true });
    const crash = registry.register(next, {
      promote: true,
      onStep: (s) => {
        if (s === step) throw new Error(`simulated crash at ${s}`);
      },
    });
    await expect(crash).rejects.toThrow(`simulated crash at ${step}`);

    // The pointer moves last: only a crash after it may already show the new model, and then a complete one.
    const current = await currentModel(dir);
    expect(current.artifact.modelId).toBe(step === 'pointer-switched' ? next.modelId : previous.modelId);
    expect(await loadArtifact(previous.modelId, { dir })).toEqual(previous);
    expect(readdirSync(dir).filter((n) => n.startsWith('.tmp'))).toEqual([]);

    const retried = await registry.register(next, { promote: true });
    expect([retried.version, retried.status]).toEqual([2, 'champion']);
    expect((await registry.list()).map((v) => v.status)).toEqual(['retired', 'champion']);
    expect((await currentModel(dir)).artifact).toEqual(next);
  });
});

describe('a save killed with SIGKILL in the middle of writing model.json', () => {
  it('leaves current and the previous model loadable, and the next save cleans up', async () => {
    const dir = tempDir();
    const dbFile = path.join(tempDir(), 'churn.db');
    const store = await openStore(`sqlite:${dbFile}`);
    try {
      await openRegistry(store, dir).register(previous, { promote: true });
      const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'crash-child.test-support.ts');
      const run = spawnSync(process.execPath, ['--import', 'tsx', child, dbFile, dir, '2', 'model-file-partial'], {
        encoding: 'utf8',
      });
      expect([run.signal, run.stdout]).toEqual(['SIGKILL', '']);

      // The child died with a half-written model.json in its temp folder, outside the registry's view.
      const temps = readdirSync(dir).filter((n) => n.startsWith('.tmp'));
      expect(temps).toHaveLength(1);
      const partial = path.join(dir, temps[0], 'model.json');
      expect(statSync(partial).size).toBeLessThan(encodeArtifact(next).length);
      expect(() => JSON.parse(readFileSync(partial, 'utf8'))).toThrow();
      expect(existsSync(path.join(dir, next.modelId))).toBe(false);

      const current = await currentModel(dir);
      expect(current.artifact).toEqual(previous);
      expect((await openRegistry(store, dir).list()).map((v) => v.modelId)).toEqual([previous.modelId]);

      await openRegistry(store, dir).register(next, { promote: true });
      expect(readdirSync(dir).filter((n) => n.startsWith('.tmp'))).toEqual([]);
      expect((await currentModel(dir)).artifact).toEqual(next);
    } finally {
      await store.close();
    }
  });
});
