/** What every CLI command shares: the loaded configuration, an open store, and user-facing error output. */
import { type LoadedConfig, loadConfig, resolvePath } from '../config/index.js';
import { isChurnError } from '../errors/index.js';
import { openStore, type Store } from '../store/index.js';

let cached: LoadedConfig | undefined;

/** The configuration for this process (project dir = cwd), loaded and validated once. */
export function cliConfig(): LoadedConfig {
  cached ??= loadConfig();
  return cached;
}

/** Opens the configured store, runs `fn`, and always closes it. */
export async function withStore<T>(fn: (store: Store, config: LoadedConfig) => Promise<T>): Promise<T> {
  const config = cliConfig();
  const store = await openStore(config.databaseUrl, { baseDir: config.projectDir });
  try {
    return await fn(store, config);
  } finally {
    await store.close();
  }
}

/** A configured path (e.g. `paths.outputs`) resolved against the project dir. */
export function projectPath(p: string): string {
  return resolvePath(cliConfig(), p);
}

/** Prints an error a user can act on (code + message; stack only with CHURN_DEBUG) and sets a failing exit code. */
export function reportError(e: unknown): void {
  if (isChurnError(e)) {
    console.error(`error ${e.code}: ${e.message}`);
    if (process.env.CHURN_DEBUG) console.error(e.stack);
  } else {
    console.error(`error: ${(e as Error)?.message ?? String(e)}`);
    if (process.env.CHURN_DEBUG) console.error((e as Error)?.stack);
  }
  process.exitCode = 1;
}

/** Wraps a command action so any thrown error is reported instead of crashing with a stack trace. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void> | void) {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      reportError(e);
    }
  };
}
