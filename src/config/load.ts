/** Configuration loading: defaults < churn.config.json < environment, validated once with errors that name the key. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { ChurnError } from '../errors/index.js';
import { type Config, ConfigSchema } from './schema.js';

/** Where a configuration came from, with the project directory that relative paths resolve against. */
export interface LoadedConfig extends Config {
  projectDir: string;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function deepMerge(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = isObject(v) && isObject(out[k]) ? deepMerge(out[k] as Json, v) : v;
  return out;
}

/** `CHURN_GENERATE__CUSTOMERS=100` → { generate: { customers: 100 } }; values parsed as JSON when they can be. */
export function configFromEnv(env: NodeJS.ProcessEnv): Json {
  const out: Json = {};
  const set = (keys: string[], raw: string) => {
    let node = out;
    for (const k of keys.slice(0, -1)) {
      if (!isObject(node[k])) node[k] = {};
      node = node[k] as Json;
    }
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      /* a plain string */
    }
    node[keys[keys.length - 1]] = value;
  };
  if (env.DATABASE_URL) set(['databaseUrl'], env.DATABASE_URL);
  if (env.REDIS_URL !== undefined) set(['redisUrl'], env.REDIS_URL);
  for (const [name, raw] of Object.entries(env)) {
    // CHURN_DEBUG is a process switch (stack traces), not a configuration key.
    if (!name.startsWith('CHURN_') || name === 'CHURN_DEBUG' || raw === undefined) continue;
    const keys = name
      .slice('CHURN_'.length)
      .split('__')
      .map((k) => k.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()));
    set(keys, raw);
  }
  return out;
}

/** Validates a raw configuration object, filling defaults; throws CHURN_ERR_CONFIG naming the first bad key. */
export function parseConfig(raw: unknown): Config {
  const withDefaults = Value.Default(ConfigSchema, structuredClone(raw ?? {}));
  const first = Value.Errors(ConfigSchema, withDefaults).First();
  if (first) {
    const key = first.path.replace(/^\//, '').replaceAll('/', '.') || '(root)';
    const unknown = first.message.includes('Unexpected property') || first.message.includes('additional');
    throw new ChurnError(
      'CHURN_ERR_CONFIG',
      unknown ? `Unknown configuration key "${key}"` : `Invalid configuration value for "${key}": ${first.message}`,
      { key, value: first.value },
    );
  }
  return withDefaults as Config;
}

/** Loads the configuration for a project directory (default: the current working directory). */
export function loadConfig(options: { projectDir?: string; env?: NodeJS.ProcessEnv; file?: string } = {}): LoadedConfig {
  const projectDir = path.resolve(options.projectDir ?? process.cwd());
  const file = options.file ?? path.join(projectDir, 'churn.config.json');
  let fromFile: Json = {};
  if (existsSync(file)) {
    try {
      fromFile = JSON.parse(readFileSync(file, 'utf8')) as Json;
    } catch (e) {
      throw new ChurnError('CHURN_ERR_CONFIG', `${file} is not valid JSON: ${(e as Error).message}`, { file });
    }
    if (!isObject(fromFile)) throw new ChurnError('CHURN_ERR_CONFIG', `${file} must hold a JSON object`, { file });
  }
  const merged = deepMerge(fromFile, configFromEnv(options.env ?? process.env));
  return { ...parseConfig(merged), projectDir };
}

/** Resolves a configured path against the project directory. */
export function resolvePath(config: LoadedConfig, p: string): string {
  return path.resolve(config.projectDir, p);
}
