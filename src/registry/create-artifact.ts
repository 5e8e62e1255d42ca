/** Building an artifact: the training pipeline fills the content; this adds format, code version, contract hash and id. */
import { codeVersion } from './code-version.js';
import { sealArtifact } from './codec.js';
import { featureContractHash } from './feature-contract.js';
import { ARTIFACT_FORMAT_VERSION, type ModelArtifact } from './schema/artifact.js';
import type { FeatureSchema } from './schema/features.js';
import { validateArtifact } from './validate.js';

/** What the training pipeline provides: everything but the fields derived from it. */
export type ArtifactDraft = Omit<ModelArtifact, 'formatVersion' | 'modelId' | 'contentHash' | 'codeVersion' | 'features'> & {
  features: Omit<FeatureSchema, 'contractHash'>;
  /** Defaults to the running package version; tests pin it. */
  codeVersion?: string;
};

/**
 * Completes and validates an artifact. Deterministic: the same draft always gives the same
 * document, bytes and `modelId` — no wall-clock time is part of it (registration time lives in the registry).
 */
export function createArtifact(draft: ArtifactDraft): ModelArtifact {
  const { codeVersion: version, features, ...rest } = draft;
  const sealed = sealArtifact({
    formatVersion: ARTIFACT_FORMAT_VERSION,
    codeVersion: version ?? codeVersion(),
    ...rest,
    features: { ...features, contractHash: featureContractHash(features) },
  });
  return validateArtifact(sealed, `artifact ${sealed.modelId}`);
}
