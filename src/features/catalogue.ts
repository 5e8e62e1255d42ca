/** The feature catalogue: every snapshot and derived feature with its type, unit, window and business meaning. */
import { createHash } from 'node:crypto';
import { snapshotFeatures } from './catalogue-snapshot.js';
import { derivedFeatures } from './derived.js';
import type { FeatureSpec } from './feature-spec.js';

/** Snapshot features first (CSV order), then derived features. */
export const featureCatalogue: readonly FeatureSpec[] = [...snapshotFeatures, ...derivedFeatures];

const byName = new Map(featureCatalogue.map((f) => [f.name, f]));

/** The catalogue entry for `name`, or undefined. */
export function findFeature(name: string): FeatureSpec | undefined {
  return byName.get(name);
}

/** The names the original system used, kept with their meaning (the API accepts them as raw input). */
export const legacyFeatureNames: readonly string[] = featureCatalogue.filter((f) => f.legacy).map((f) => f.name);

/** The default model inputs: every catalogue feature (snapshot and derived). */
export function modelFeatures(): FeatureSpec[] {
  return [...featureCatalogue];
}

/** Bumped by hand whenever a feature's definition (SQL, point-in-time rule or derived formula) changes meaning. */
export const featureDefinitionsVersion = 1;

/**
 * A fingerprint of the feature contract (definitions version + every name, type, window and origin), for the model
 * artifact: a model whose fingerprint differs from the running code's was trained on features that no longer exist as such.
 */
export const featureContractHash: string = createHash('sha256')
  .update(JSON.stringify([featureDefinitionsVersion, featureCatalogue.map((f) => [f.name, f.type, f.window, f.origin])]))
  .digest('hex')
  .slice(0, 16);
