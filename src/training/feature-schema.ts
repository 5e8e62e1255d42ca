/** The artifact's feature section for snapshot models: raw inputs, the derived-feature recipe and its version, model columns. */
import { createHash } from 'node:crypto';
import { derivedRecipes, type Preprocessor, snapshotFeatures } from '../features/index.js';
import type { FeatureContract, FeatureSchema } from '../registry/index.js';

/**
 * Version of the derived-feature recipe: `derived-` + the first 12 hex digits of the SHA-256 of every recipe's name,
 * type, inputs, window and description (src/features has no version string of its own). The formulas' code is not
 * hashed — its text differs between the TypeScript build and tsx — so a formula change must also touch its description
 * (which documents the formula) to change the version.
 */
export function snapshotRecipeVersion(): string {
  const recipe = derivedRecipes.map((r) => ({
    name: r.spec.name,
    type: r.spec.type,
    inputs: r.inputs,
    window: r.spec.window,
    description: r.spec.description,
  }));
  return `derived-${createHash('sha256').update(JSON.stringify(recipe)).digest('hex').slice(0, 12)}`;
}

/** The feature contract this build provides for snapshot models (what a scorer passes to loadArtifact as `running`). */
export function snapshotFeatureContract(): FeatureContract {
  return { recipeVersion: snapshotRecipeVersion(), inputs: snapshotFeatures.map((f) => ({ name: f.name, type: f.type })) };
}

/** A short business label from a catalogue description: its first clause, without the final period. */
export function shortLabel(description: string): string {
  return description.split(/[;(]/)[0].trim().replace(/\.$/, '');
}

/**
 * The feature section of a snapshot model. Inputs are the snapshot features (what the API and CSV scoring send);
 * none is required, since the fitted preprocessing imputes (linear) or routes (trees) missing values. Categories are the
 * levels the preprocessor kept from training.
 */
export function snapshotFeatureSchema(pre: Preprocessor): Omit<FeatureSchema, 'contractHash'> {
  const levels = new Map<string, string[]>();
  for (const s of pre.steps) if (s.kind !== 'numeric') levels.set(s.feature, [...s.levels]);
  return {
    recipeVersion: snapshotRecipeVersion(),
    inputs: snapshotFeatures.map((f) => ({
      name: f.name,
      type: f.type,
      label: shortLabel(f.description),
      ...(f.type === 'categorical' ? { categories: levels.get(f.name) ?? [...(f.levels ?? [])] } : {}),
      required: false,
    })),
    derived: derivedRecipes.map((r) => r.spec.name),
    modelInputs: pre.columns.map((c) => ({ name: c.name, feature: c.feature })),
    idColumn: null,
    dropped: [],
  };
}
