/**
 * Registry benchmark: build, encode, save (folder + SQLite row + pointer) and load a model artifact the size of
 * a 300-tree depth-6 boosted ensemble. Reference in the same run: bare serializeModel + JSON.parse of the same state.
 * Run: npx tsx bench/registry.ts
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deserializeModel, serializeModel } from '../src/ml/index.js';
import { createArtifact, decodeArtifact, encodeArtifact, loadArtifact, openRegistry } from '../src/registry/index.js';
import { sampleDraft } from '../src/registry/sample-draft.test-support.js';
import { openStore } from '../src/store/index.js';

const TREES = 300;
const NODES = 127; // full depth-6 tree
const tree = () => ({
  feature: Int32Array.from({ length: NODES }, (_, i) => (i < 63 ? i % 40 : -1)),
  threshold: Float64Array.from({ length: NODES }, () => Math.random()),
  left: Int32Array.from({ length: NODES }, (_, i) => (i < 63 ? 2 * i + 1 : -1)),
  right: Int32Array.from({ length: NODES }, (_, i) => (i < 63 ? 2 * i + 2 : -1)),
  missingLeft: Uint8Array.from({ length: NODES }, () => (Math.random() < 0.5 ? 1 : 0)),
  value: Float64Array.from({ length: NODES }, () => Math.random() - 0.5),
  cover: Float64Array.from({ length: NODES }, () => Math.random() * 1000),
});
const state = { kind: 'hist_boosting', baseScore: -2.3, trees: Array.from({ length: TREES }, tree) };

const time = <T>(fn: () => T, reps = 5): [number, T] => {
  let best = Number.POSITIVE_INFINITY;
  let out!: T;
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    out = fn();
    best = Math.min(best, performance.now() - t);
  }
  return [best, out];
};

const draft = sampleDraft(1);
draft.estimator.state = state;
const [refWrite, refText] = time(() => serializeModel(state));
const [refRead] = time(() => deserializeModel(refText));
const [create, artifact] = time(() => createArtifact(draft));
const [encode, text] = time(() => encodeArtifact(artifact));
const [decode] = time(() => decodeArtifact(text));

const dir = mkdtempSync(path.join(tmpdir(), 'churn-bench-registry-'));
const store = await openStore(`sqlite:${path.join(dir, 'churn.db')}`);
const registry = openRegistry(store, path.join(dir, 'models'));
let t = performance.now();
await registry.register(artifact, { promote: true });
const save = performance.now() - t;
t = performance.now();
await loadArtifact('champion', { dir: path.join(dir, 'models') });
const load = performance.now() - t;
const bytes = statSync(path.join(dir, 'models', artifact.modelId, 'model.json')).size;
await store.close();
rmSync(dir, { recursive: true, force: true });

const row = (name: string, ms: number, ref?: number) =>
  console.log(`${name.padEnd(44)}${ms.toFixed(1).padStart(8)} ms${ref ? `   ${(ms / ref).toFixed(2)}× reference` : ''}`);
console.log(`artifact: ${TREES} trees × ${NODES} nodes, model.json ${(bytes / 1e6).toFixed(2)} MB`);
row('reference: serializeModel(state)', refWrite);
row('reference: deserializeModel(text)', refRead);
row('createArtifact (validate + hash)', create, refWrite);
row('encodeArtifact (canonical JSON)', encode, refWrite);
row('decodeArtifact (hash check + schema + revive)', decode, refRead);
row('register + promote (fsync, SQLite row, pointer)', save);
row('loadArtifact("champion") from disk', load);
