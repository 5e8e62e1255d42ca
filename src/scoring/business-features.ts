/** Which business feature each encoded model column belongs to: the artifact's mapping, with log1p_ twins folded in. */
import { type FeatureGroups, groupEncodedFeatures } from '../insights/index.js';
import type { ModelArtifact } from '../registry/index.js';

/**
 * Groups the estimator's input columns by business feature. One-hot pieces and missing-value indicators already name
 * their feature in `features.modelInputs`; a derived `log1p_X` column is folded into `X` when `X` is itself a model
 * feature, because both are functions of the same raw value (the Shapley value of the raw input is their sum).
 */
export function businessFeatureGroups(artifact: ModelArtifact): FeatureGroups {
  const inputs = artifact.features.modelInputs;
  const own = new Set(inputs.map((c) => c.feature));
  const featureOf = new Map(inputs.map((c) => [c.name, c.feature]));
  return groupEncodedFeatures(
    inputs.map((c) => c.name),
    (name) => {
      const feature = featureOf.get(name) ?? name;
      const base = feature.startsWith('log1p_') ? feature.slice('log1p_'.length) : '';
      return base !== '' && own.has(base) ? base : feature;
    },
  );
}
