/** The feature contract the running code provides for an artifact's source (what its feature-contract hash must match). */
import type { FeatureContract, ModelArtifact } from '../registry/index.js';
import { snapshotFeatureContract, TABLE_RECIPE_VERSION } from '../training/index.js';

/**
 * Snapshot models: the snapshot features and derived-feature recipe version of this build. Table models: the columns
 * the artifact recorded for its table, read by this build's table rules (`TABLE_RECIPE_VERSION`) — a model whose
 * table was read by other rules is refused, its columns are its own.
 */
export function runningContract(artifact: ModelArtifact): FeatureContract {
  if (artifact.source === 'snapshots') return snapshotFeatureContract();
  return { recipeVersion: TABLE_RECIPE_VERSION, inputs: artifact.features.inputs };
}
