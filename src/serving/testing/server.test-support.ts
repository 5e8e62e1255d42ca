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
export function serve(config: LoadedConfig, options: { demo?: boolean; webDir?: string } = {}): Promise<RunningServer> {
  return startServer({
    config,
    port: 0,
    host: '127.0.0.1',
    demo: options.demo ?? false,
    logger: quietLogger(),
    webDir: options.webDir,
  });
}

/** A response as the tests read it. */
export interface Reply {
  status: number;
  type: string;
  headers: Headers;
  body: Record<string, unknown>;
  text: string;
}

/** Calls the server: JSON body (or raw string with `raw`), optional API key and headers. */
export async function call(
  server: RunningServer,
  method: string,
  url: string,
  options: { json?: unknown; raw?: string | Uint8Array; key?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers['x-api-key'] = options.key;
  let body: string | Uint8Array | undefined;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  } else if (options.raw !== undefined) body = options.raw;
  const res = await fetch(server.url + url, { method, headers, body });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    /* not JSON */
  }
  return { status: res.status, type: res.headers.get('content-type') ?? '', headers: res.headers, body: parsed, text };
}
