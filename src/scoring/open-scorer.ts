/** Opening the scorer of a project's model: a given id (or alias), else the current champion of the registry folder. */
import type { LoadedConfig } from '../config/index.js';
import { currentModel, loadArtifact, registryDir } from '../registry/index.js';
import { loadScorer, type Scorer, type ScorerOptions } from './scorer.js';

/**
 * The scorer of model `ref` (id, alias `champion`/`challenger`, or a model.json path) or, without one, of the current
 * champion. CHURN_ERR_NO_MODEL when nothing is promoted, CHURN_ERR_NOT_FOUND for an unknown id, CHURN_ERR_ARTIFACT for
 * a corrupt artifact or a feature contract this build does not provide.
 */
export async function openScorer(config: LoadedConfig, ref?: string, options: ScorerOptions = {}): Promise<Scorer> {
  const dir = registryDir(config);
  const artifact = ref ? await loadArtifact(ref, { dir }) : (await currentModel(dir)).artifact;
  return loadScorer(artifact, options);
}
