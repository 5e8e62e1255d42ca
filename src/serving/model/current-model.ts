/** The in-memory ModelHolder, and loading the registry champion into it with hot reload (verify first, then swap). */
import { ChurnError } from '../../errors/index.js';
import { type CurrentWatcher, currentModel, loadArtifact, modelFile, readPointer, watchCurrent } from '../../registry/index.js';
import { loadScorer } from '../../scoring/index.js';
import type { ModelHolder, ServingModel } from './holder.js';

/** A holder with no model yet. */
export function createModelHolder(initial: ServingModel | null = null): ModelHolder {
  let model = initial;
  const listeners: ((n: ServingModel | null, p: ServingModel | null) => void)[] = [];
  return {
    current() {
      if (model === null)
        throw new ChurnError(
          'CHURN_ERR_NO_MODEL',
          'No model is promoted yet: run `churn train` or `churn models promote ID`',
          {},
        );
      return model;
    },
    peek: () => model,
    swap(next) {
      const previous = model;
      model = next; // one reference assignment: a request holding the old model finishes with it
      for (const l of listeners) l(next, previous);
    },
    onSwap: (l) => void listeners.push(l),
  };
}

/** Loads an artifact file and builds its scorer; the scorer refuses models this build cannot run. */
export async function loadServingModel(file: string): Promise<ServingModel> {
  const artifact = await loadArtifact(file);
  const scorer = loadScorer(artifact);
  return { id: artifact.modelId, artifact, scorer, loadedAt: new Date().toISOString() };
}

/** The registry champion, or null when none is promoted yet. */
export async function loadChampion(dir: string): Promise<ServingModel | null> {
  try {
    const { artifact } = await currentModel(dir);
    return { id: artifact.modelId, artifact, scorer: loadScorer(artifact), loadedAt: new Date().toISOString() };
  } catch (e) {
    if (e instanceof ChurnError && e.code === 'CHURN_ERR_NO_MODEL') return null;
    throw e;
  }
}

/**
 * Follows the registry's champion: on a change, loads and verifies the new model completely, then swaps the
 * reference. A model that fails to load is reported through `onError` and the server keeps the one it has.
 */
export function followChampion(
  dir: string,
  holder: ModelHolder,
  options: { intervalMs: number; onError: (e: unknown) => void; onReload?: (m: ServingModel | null) => void },
): CurrentWatcher {
  return watchCurrent(
    dir,
    async (champion) => {
      try {
        const next = champion === null ? null : await loadServingModel(modelFile(dir, champion.modelId));
        // A promotion or rollback may have landed while this model loaded (and been adopted by its route): a stale
        // load must not replace it. The newer pointer is itself a change this watcher reports next.
        if ((readPointer(dir).champion?.modelId ?? null) !== (champion?.modelId ?? null)) return;
        holder.swap(next);
        options.onReload?.(next);
      } catch (e) {
        options.onError(e);
      }
    },
    { intervalMs: options.intervalMs },
  );
}
