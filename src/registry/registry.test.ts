import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../test/helpers/stores.js';
import { isChurnError } from '../errors/index.js';
import { encodeArtifact } from './codec.js';
import { createArtifact } from './create-artifact.js';
import { currentModel, loadArtifact } from './load.js';
import { readPointer } from './pointer.js';
import { openRegistry } from './registry.js';
import { sampleDraft } from './sample-draft.test-support.js';

const dirs: string[] = [];
afterAll(async () => {
  await closeAllStores();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'churn-registry-'));
  dirs.push(d);
  return d;
};
const errorCode = async (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e) => (isChurnError(e) ? e.code : String(e)),
  );

const A = createArtifact(sampleDraft(1));
const B = createArtifact(sampleDraft(2));
const C = createArtifact(sampleDraft(3));

describe.each(engines)('model registry on $name', ({ open }) => {
  it('registers version 1 as a folder with the exact artifact bytes and a model_versions row', async () => {
    const store = await open();
    const dir = tempDir();
    const v = await openRegistry(store, dir).register(A, { reportHtml: '<html>report</html>' });
    expect(v).toMatchObject({
      modelId: A.modelId,
      version: 1,
      family: 'logistic',
      source: 'snapshots',
      threshold: 0.31,
      status: 'registered',
    });
    expect(v.metrics.prAuc).toBe(0.42);
    expect(readFileSync(path.join(dir, A.modelId, 'model.json'), 'utf8')).toBe(encodeArtifact(A));
    expect(readFileSync(path.join(dir, A.modelId, 'report.html'), 'utf8')).toBe('<html>report</html>');
    const rows = await store.all(
      'SELECT model_id, version, family, source, path, threshold, status, promoted_at FROM model_versions',
    );
    expect(rows).toEqual([
      {
        model_id: A.modelId,
        version: 1,
        family: 'logistic',
        source: 'snapshots',
        path: `${A.modelId}/model.json`,
        threshold: 0.31,
        status: 'registered',
        promoted_at: null,
      },
    ]);
    expect(await loadArtifact(A.modelId, { dir })).toEqual(A);
  });

  it('creates the registry folder on first use', async () => {
    const store = await open();
    const dir = path.join(tempDir(), 'not', 'yet', 'models');
    const registry = openRegistry(store, dir);
    expect(await errorCode(registry.rollback())).toBe('CHURN_ERR_NO_MODEL');
    expect((await registry.register(A, { promote: true })).status).toBe('champion');
  });

  it('treats registering the same model again as a no-op: versions are immutable', async () => {
    const store = await open();
    const registry = openRegistry(store, tempDir());
    await registry.register(A);
    const again = await registry.register(A);
    expect(again.version).toBe(1);
    expect((await registry.list()).map((v) => v.version)).toEqual([1]);
  });

  it('promotes, rolls back through the promotion history, and mirrors statuses into the table', async () => {
    const store = await open();
    const dir = tempDir();
    const registry = openRegistry(store, dir);
    await registry.register(A, { promote: true });
    await registry.register(B, { promote: true });
    expect((await currentModel(dir)).artifact.modelId).toBe(B.modelId);
    expect((await registry.list()).map((v) => [v.version, v.status])).toEqual([
      [1, 'retired'],
      [2, 'champion'],
    ]);
    const back = await registry.rollback();
    expect([back.modelId, back.status]).toEqual([A.modelId, 'champion']);
    expect((await currentModel(dir)).champion.modelId).toBe(A.modelId);
    const statuses = await store.all<{ version: number; status: string }>(
      'SELECT version, status FROM model_versions ORDER BY version',
    );
    expect(statuses.map((r) => [Number(r.version), r.status])).toEqual([
      [1, 'champion'],
      [2, 'retired'],
    ]);
    expect(await errorCode(registry.rollback())).toBe('CHURN_ERR_NO_MODEL');
    expect(registry.history().map((e) => [e.action, e.modelId, e.previous])).toEqual([
      ['promote', A.modelId, null],
      ['promote', B.modelId, A.modelId],
      ['rollback', A.modelId, B.modelId],
    ]);
  });

  it('keeps a challenger beside the champion and clears it when the challenger is promoted', async () => {
    const store = await open();
    const registry = openRegistry(store, tempDir());
    await registry.register(A, { promote: 'champion' });
    await registry.register(C, { promote: 'challenger' });
    expect((await registry.get('challenger')).modelId).toBe(C.modelId);
    expect((await registry.get('current')).modelId).toBe(A.modelId);
    await registry.promote('challenger');
    expect((await registry.list()).map((v) => v.status)).toEqual(['retired', 'champion']);
    expect(await errorCode(registry.get('challenger'))).toBe('CHURN_ERR_NOT_FOUND');
  });

  it('resolves versions, id prefixes and aliases, and names unknown references', async () => {
    const store = await open();
    const registry = openRegistry(store, tempDir());
    expect(await errorCode(registry.get('champion'))).toBe('CHURN_ERR_NO_MODEL');
    await registry.register(A);
    await registry.register(B);
    expect((await registry.get('v2')).modelId).toBe(B.modelId);
    expect((await registry.get('1')).modelId).toBe(A.modelId);
    expect((await registry.get(A.modelId.slice(0, 8))).modelId).toBe(A.modelId);
    expect(await errorCode(registry.get('m-ffffffffffff'))).toBe('CHURN_ERR_NOT_FOUND');
    expect(await errorCode(registry.get('v9'))).toBe('CHURN_ERR_NOT_FOUND');
  });

  it('refuses to promote a version whose file no longer loads, leaving current unchanged', async () => {
    const store = await open();
    const dir = tempDir();
    const registry = openRegistry(store, dir);
    await registry.register(A, { promote: true });
    await registry.register(B);
    const file = path.join(dir, B.modelId, 'model.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"intercept": -2.1', '"intercept": 5'));
    expect(await errorCode(registry.promote(B.modelId))).toBe('CHURN_ERR_ARTIFACT');
    expect(readPointer(dir).champion?.modelId).toBe(A.modelId);
  });
});
