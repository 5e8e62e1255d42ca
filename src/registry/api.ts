/** Registry entry points bound to a project's configuration: where the folder is, register, promote, roll back, list. */
import { type LoadedConfig, resolvePath } from '../config/index.js';
import type { Store } from '../store/index.js';
import type { ModelVersion } from './model-version.js';
import { type Alias, type ModelRegistry, openRegistry, type RegisterOptions } from './registry.js';
import type { ModelArtifact } from './schema/artifact.js';

/** The registry folder of a project (`paths.models`, default `models/`). */
export function registryDir(config: LoadedConfig): string {
  return resolvePath(config, config.paths.models);
}

/** The project's registry. */
export function projectRegistry(store: Store, config: LoadedConfig): ModelRegistry {
  return openRegistry(store, registryDir(config));
}

/** Registers an artifact in the project's registry (see ModelRegistry.register). */
export function registerModel(
  store: Store,
  config: LoadedConfig,
  artifact: ModelArtifact,
  options: RegisterOptions = {},
): Promise<ModelVersion> {
  return projectRegistry(store, config).register(artifact, options);
}

/** Gives a version of the project's registry an alias (default champion). */
export function promoteModel(store: Store, config: LoadedConfig, ref: string, alias: Alias = 'champion'): Promise<ModelVersion> {
  return projectRegistry(store, config).promote(ref, alias);
}

/** Makes the previously promoted champion current again. */
export function rollbackModel(store: Store, config: LoadedConfig): Promise<ModelVersion> {
  return projectRegistry(store, config).rollback();
}

/** Every registered version, oldest first. */
export function listModels(store: Store, config: LoadedConfig): Promise<ModelVersion[]> {
  return projectRegistry(store, config).list();
}
