/** The feature contract the running code provides for an artifact's source (what its feature-contract hash must match). */
import type { FeatureContract, ModelArtifact } from '../registry/index.js';
import { snapshotFeatureContract } from '../training/feature-schema.js';

/**
 * Snapshot models: the snapshot features and derived-feature recipe version of this build (training defines the
 * version from src/features' recipes). Table models: the inputs the artifact recorded for its table — the contract
 * covers how the table's cells are read, which is versioned by the recipe version of the table reader.
 */
export function runningContract(artifact: ModelArtifact): FeatureContract {
  if (artifact.source === 'snapshots') return snapshotFeatureContract();
  return { recipeVersion: artifact.features.recipeVersion, inputs: artifact.features.inputs };
}
