/** The feature contract: what a model needs from the running code (recipe version + input names and types). */
import { createHash } from 'node:crypto';
import { ChurnError } from '../errors/index.js';
import { canonicalJson } from './canonical-json.js';
import type { ModelArtifact } from './schema/artifact.js';
import type { FeatureInput } from './schema/features.js';

/** The parts of a feature schema the contract covers. Fitted categories are data, not contract, and are left out. */
export interface FeatureContract {
  recipeVersion: string;
  inputs: readonly Pick<FeatureInput, 'name' | 'type'>[];
}

/** SHA-256 of the contract, independent of input order. */
export function featureContractHash(contract: FeatureContract): string {
  const inputs = contract.inputs.map((f) => ({ name: f.name, type: f.type })).sort((a, b) => (a.name < b.name ? -1 : 1));
  return createHash('sha256')
    .update(canonicalJson({ recipeVersion: contract.recipeVersion, inputs }))
    .digest('hex');
}

/**
 * Refuses (CHURN_ERR_ARTIFACT) a model whose feature contract differs from the running code's: a model
 * trained on other features or another derived-feature recipe would otherwise fail deep inside predict,
 * or worse, predict silently wrong. The error names the features that differ.
 */
export function assertFeatureContract(artifact: ModelArtifact, running: FeatureContract): void {
  const expected = featureContractHash(running);
  if (artifact.features.contractHash === expected) return;
  const mine = new Map(artifact.features.inputs.map((f) => [f.name, f.type]));
  const theirs = new Map(running.inputs.map((f) => [f.name, f.type]));
  const missing = [...mine.keys()].filter((n) => !theirs.has(n));
  const added = [...theirs.keys()].filter((n) => !mine.has(n));
  const retyped = [...mine.keys()].filter((n) => theirs.has(n) && theirs.get(n) !== mine.get(n));
  const parts = [
    artifact.features.recipeVersion !== running.recipeVersion
      ? `recipe ${artifact.features.recipeVersion} (model) vs ${running.recipeVersion} (running code)`
      : '',
    missing.length ? `unknown to the running code: ${missing.join(', ')}` : '',
    added.length ? `new in the running code: ${added.join(', ')}` : '',
    retyped.length ? `type changed: ${retyped.join(', ')}` : '',
  ].filter(Boolean);
  throw new ChurnError(
    'CHURN_ERR_ARTIFACT',
    `Model ${artifact.modelId} was trained on another feature contract than this churnlab build provides` +
      ` (${parts.join('; ') || 'hash differs'}). Retrain the model with this version, or run the version that trained it (${artifact.codeVersion}).`,
    {
      modelId: artifact.modelId,
      modelContract: artifact.features.contractHash,
      runningContract: expected,
      missing,
      added,
      retyped,
    },
  );
}
