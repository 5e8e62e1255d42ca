import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../test/helpers/stores.js';
import { createArtifact } from './create-artifact.js';
import type { AliasEntry } from './pointer.js';
import { openRegistry } from './registry.js';
import { sampleDraft } from './sample-draft.test-support.js';
import { watchCurrent } from './watch.js';

const dirs: string[] = [];
afterAll(async () => {
  await closeAllStores();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('watchCurrent', () => {
  it('reports each champion change (promote, then rollback) once, with the previous champion', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'churn-watch-'));
    dirs.push(dir);
    const registry = openRegistry(await engines[0].open(), dir);
    const [a, b] = [createArtifact(sampleDraft(1)), createArtifact(sampleDraft(2))];
    await registry.register(a, { promote: true });

    const seen: [string | null, string | null][] = [];
    let wake: () => void = () => {};
    const watcher = watchCurrent(
      dir,
      (now: AliasEntry | null, before: AliasEntry | null) => {
        seen.push([now?.modelId ?? null, before?.modelId ?? null]);
        wake();
      },
      { intervalMs: 20 },
    );
    const nextChange = () => new Promise<void>((resolve) => (wake = resolve));
    try {
      let changed = nextChange();
      await registry.register(b, { promote: true });
      await changed;
      changed = nextChange();
      await registry.rollback();
      await changed;
      await registry.register(b); // no alias change: no call
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      watcher.close();
    }
    expect(seen).toEqual([
      [b.modelId, a.modelId],
      [a.modelId, b.modelId],
    ]);
  });
});
