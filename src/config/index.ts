export { configFromEnv, type LoadedConfig, loadConfig, parseConfig, resolvePath } from './load.js';
export { type Config, ConfigSchema } from './schema.js';
