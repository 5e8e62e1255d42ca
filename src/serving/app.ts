/** The Fastify app of `churn serve`: strict schemas, problem+json errors, auth, limits, docs, metrics, every route plugin. */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { resolvePath } from '../config/index.js';
import { ChurnError } from '../errors/index.js';
import { installAuth } from './auth.js';
import type { ServingDeps } from './deps.js';
import { installMetricsHooks } from './metrics.js';
import { openApiInfo } from './openapi.js';
import { problemOf, problemOfError, sendProblem } from './problem.js';
import { routePlugins } from './routes/index.js';

/** How to build the app (everything else comes from `deps.config.serving`). */
export interface AppOptions {
  /** Folder of the web app's static build (default `<project>/web/dist`); served at `/` when it exists. */
  webDir?: string;
  /** Redis client for shared rate limits (null/undefined: in-memory limits). */
  redis?: import('ioredis').Redis | null;
}

/** Builds the app (not listening). Route plugins come from routes/index.ts, each given `deps`. */
export async function buildApp(deps: ServingDeps, options: AppOptions = {}): Promise<FastifyInstance> {
  const s = deps.config.serving;
  const tls = s.tlsCertFile !== '' && s.tlsKeyFile !== '';
  const app = Fastify({
    loggerInstance: deps.logger,
    // One log line per request would cost more than the prediction itself.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: s.bodyLimitBytes,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    genReqId: () => crypto.randomUUID(),
    // No child logger per request (pino's child() on every request shows in /predict profiles); the few request-time
    // log lines carry the request id themselves.
    childLoggerFactory: (logger) => logger,
    // Router-level failures (bad URL encoding, over-long path parameters) are problems like any other.
    frameworkErrors: (error, request, reply) => {
      const code = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'CHURN_ERR_NOT_FOUND' : 'CHURN_ERR_BAD_REQUEST';
      const detail =
        code === 'CHURN_ERR_NOT_FOUND' ? 'No such resource (a path parameter is too long)' : 'The request URL is malformed';
      return sendProblem(reply, problemOf(code, detail, request.url.slice(0, 200)));
    },
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false, useDefaults: true, allowUnionTypes: true },
    },
    ...(tls
      ? {
          https: {
            cert: readFileSync(resolvePath(deps.config, s.tlsCertFile)),
            key: readFileSync(resolvePath(deps.config, s.tlsKeyFile)),
          },
        }
      : {}),
  }) as unknown as FastifyInstance;

  app.removeContentTypeParser('text/plain'); // JSON routes take JSON only: anything else is a 415
  app.setErrorHandler((error, request, reply) => {
    const problem = problemOfError(error, request);
    if (problem.status >= 500 && problem.code === 'CHURN_ERR_INTERNAL')
      request.log.error({ err: error, url: request.url, reqId: request.id }, 'internal error');
    return sendProblem(reply, problem);
  });
  const routes = new Map<string, { re: RegExp; methods: Set<string> }>();
  app.addHook('onRoute', (r) => {
    const entry = routes.get(r.url) ?? { re: patternOf(r.url), methods: new Set<string>() };
    for (const m of [r.method].flat()) entry.methods.add(m);
    routes.set(r.url, entry);
  });
  const webDir = options.webDir ?? resolvePath(deps.config, 'web/dist');
  const hasWeb = existsSync(path.join(webDir, 'index.html'));
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0];
    const allowed = [...routes.values()].filter((r) => r.re.test(url)).flatMap((r) => [...r.methods]);
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      reply.header('allow', [...new Set(allowed)].join(', '));
      return sendProblem(reply, problemOf('CHURN_ERR_METHOD', `${request.method} is not allowed on ${url}`, request.url));
    }
    if (hasWeb && request.method === 'GET' && (request.headers.accept ?? '').includes('text/html'))
      return reply.type('text/html; charset=utf-8').send(createReadStream(path.join(webDir, 'index.html')));
    return sendProblem(reply, problemOf('CHURN_ERR_NOT_FOUND', `No route ${request.method} ${url}`, request.url));
  });
  installMetricsHooks(app, deps);
  await app.register(helmet, { contentSecurityPolicy: false, global: true });
  if (s.corsOrigins.length > 0) await app.register(cors, { origin: s.corsOrigins });
  installAuth(app, deps);
  await app.register(rateLimit, {
    global: true,
    max: s.rateLimit.max,
    timeWindow: s.rateLimit.windowMs,
    hook: 'onRequest',
    ...(options.redis ? { redis: options.redis, nameSpace: 'churn-rl-' } : {}),
    keyGenerator: (request) => request.apiKey?.keyId ?? request.ip,
    allowList: (request) => isProbe(request.routeOptions.url),
    errorResponseBuilder: (_request, context) => {
      const e = new ChurnError(
        'CHURN_ERR_RATE_LIMIT',
        `Rate limit of ${context.max} requests per ${context.after} reached; retry in ${context.after}`,
        {},
      );
      return Object.assign(e, { statusCode: 429 });
    },
  });
  await app.register(swagger, { openapi: openApiInfo() });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list' }, staticCSP: false });
  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  if (hasWeb)
    await app.register(async (web) => {
      // The web app's files are public: the page itself asks for a key before it calls the API.
      web.addHook('onRoute', (r) => {
        r.config = { ...r.config, access: 'public' };
      });
      await web.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: ['index.html'] });
    });

  for (const { plugin } of routePlugins) await app.register(async (scope) => plugin(scope, deps));
  return app;
}

/** Probes (health, readiness, metrics) are never rate limited: load balancers poll them. */
const isProbe = (url: string | undefined) => url === '/health' || url === '/ready' || url === '/metrics';

/** `/jobs/:id/result` → /^\/jobs\/[^/]+\/result$/ */
function patternOf(url: string): RegExp {
  const body = url
    .split('/')
    .map((p) => (p.startsWith(':') ? '[^/]+' : p === '*' ? '.*' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${body}$`);
}
