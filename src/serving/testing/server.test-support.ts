/** Test servers: a real listening server on 127.0.0.1:0 over a project folder, plus fetch helpers. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import { type LoadedConfig, parseConfig } from '../../config/index.js';
import { type RunningServer, startServer } from '../server.js';

/** A config for a project folder (default: a fresh empty temp folder), with overrides merged over the defaults. */
export function testConfig(projectDir?: string, overrides: Record<string, unknown> = {}): LoadedConfig {
  const dir = projectDir ?? mkdtempSync(path.join(tmpdir(), 'churn-serve-'));
  return { ...parseConfig({ databaseUrl: 'sqlite:churn.db', ...overrides }), projectDir: dir };
}

/** Silent logger for tests. */
export const quietLogger = () => pino({ level: 'silent' }) as unknown as FastifyBaseLogger;

/** Starts a server on an ephemeral port. */
export function serve(config: LoadedConfig, options: { demo?: boolean } = {}): Promise<RunningServer> {
  return startServer({ config, port: 0, host: '127.0.0.1', demo: options.demo ?? false, logger: quietLogger() });
}
