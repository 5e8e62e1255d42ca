/**
 * The server side of bench/api.ts, in its own process so the load generator does not share its event loop:
 * `churn [PROJECT]` = the real server with an API key, on a copy of PROJECT (a folder `npm start` ran in: its store and
 * its selected model) or on the serving tests' fixture model; `bare` = a bare Fastify + TypeBox route doing a linear
 * score (the ceiling). Prints one JSON line {url, key} when listening.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Type as T } from '@sinclair/typebox';
import Fastify from 'fastify';
import { createApiKey } from '../src/serving/index.js';
import { modelProject } from '../src/serving/testing/model-fixture.test-support.js';
import { serve, testConfig } from '../src/serving/testing/server.test-support.js';

const mode = process.argv[2] ?? 'churn';

if (mode === 'bare') {
  const app = Fastify({ logger: false, ajv: { customOptions: { removeAdditional: false, coerceTypes: false } } });
  const Body = T.Object(
    { age: T.Number(), monthly_price: T.Number(), total_sessions_30d: T.Number() },
    { additionalProperties: true },
  );
  app.post<{ Body: { age: number; monthly_price: number; total_sessions_30d: number } }>(
    '/predict',
    { schema: { body: Body } },
    async (request) => {
      const b = request.body;
      const z = -1 + 0.01 * b.age + 0.05 * b.monthly_price - 0.02 * b.total_sessions_30d;
      return { probability: 1 / (1 + Math.exp(-z)) };
    },
  );
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(JSON.stringify({ url, key: '' }));
  process.once('SIGTERM', () => process.exit(0)); // an orderly exit, so `node --cpu-prof` writes its profile
} else {
  const project = process.argv[3];
  const copy = project ? mkdtempSync(path.join(tmpdir(), 'churn-bench-project-')) : await modelProject();
  if (project)
    for (const part of ['data', 'models']) cpSync(path.join(project, part), path.join(copy, part), { recursive: true });
  const config = testConfig(copy, {
    ...(project ? { databaseUrl: 'sqlite:data/churn.db' } : {}),
    serving: {
      rateLimit: { max: 100_000_000, windowMs: 60_000 },
      uploadMaxBytes: 2 * 1024 ** 3,
      bodyLimitBytes: 50 * 1024 * 1024,
    },
  });
  const server = await serve(config);
  const key = (await createApiKey(server.deps.store, 'bench', ['predict', 'admin'])).secret;
  console.log(JSON.stringify({ url: server.url, key }));
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
