/** Loading models from the registry folder alone (no database): by path, id or alias — what servers and scorers use. */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ChurnError } from '../errors/index.js';
import { decodeArtifact } from './codec.js';
import { assertFeatureContract, type FeatureContract } from './feature-contract.js';
import { modelFile } from './folder.js';
import { type AliasEntry, readPointer } from './pointer.js';
import type { ModelArtifact } from './schema/artifact.js';

/** Where to look up ids and aliases, and the contract the running code provides. */
export interface LoadOptions {
  /** Registry folder, needed to load by id or alias. */
  dir?: string;
  /** The running code's feature contract; a model trained on another contract is refused (CHURN_ERR_ARTIFACT). */
  running?: FeatureContract;
}

/**
 * Loads and checks an artifact. `ref` is a model.json path, a model folder, or — with `dir` — a model id
 * or the alias `champion`/`current`/`challenger`. Errors: CHURN_ERR_NOT_FOUND, CHURN_ERR_NO_MODEL,
 * CHURN_ERR_ARTIFACT (corrupt, unsupported format, or feature-contract mismatch).
 */
export async function loadArtifact(ref: string, options: LoadOptions = {}): Promise<ModelArtifact> {
  const file = locate(ref, options.dir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new ChurnError('CHURN_ERR_NOT_FOUND', `No model artifact at ${file}`, { file, ref });
    throw e;
  }
  const artifact = decodeArtifact(text, file);
  if (options.running) assertFeatureContract(artifact, options.running);
  return artifact;
}

/** The current (champion) model of a registry folder and its alias entry; CHURN_ERR_NO_MODEL when none is promoted. */
export async function currentModel(
  dir: string,
  options: Omit<LoadOptions, 'dir'> = {},
): Promise<{ artifact: ModelArtifact; champion: AliasEntry }> {
  const champion = readPointer(dir).champion;
  if (!champion)
    throw new ChurnError(
      'CHURN_ERR_NO_MODEL',
      `No model has been promoted in ${dir} yet: run \`churn train\` or \`churn models promote ID\``,
      {
        dir,
      },
    );
  return { artifact: await loadArtifact(modelFile(dir, champion.modelId), options), champion };
}

function locate(ref: string, dir: string | undefined): string {
  const isPath = ref.endsWith('.json') || ref.includes('/') || ref.includes(path.sep) || !dir;
  if (isPath) {
    try {
      if (statSync(ref).isDirectory()) return path.join(ref, 'model.json');
    } catch {
      /* not there: reported when reading */
    }
    return ref;
  }
  if (ref === 'champion' || ref === 'current' || ref === 'challenger') {
    const entry = readPointer(dir)[ref === 'challenger' ? 'challenger' : 'champion'];
    if (!entry)
      throw new ChurnError(
        ref === 'challenger' ? 'CHURN_ERR_NOT_FOUND' : 'CHURN_ERR_NO_MODEL',
        `No model holds the ${ref === 'challenger' ? 'challenger' : 'champion'} alias in ${dir}`,
        { dir, ref },
      );
    return modelFile(dir, entry.modelId);
  }
  return modelFile(dir, ref);
}
