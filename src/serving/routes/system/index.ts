/** Probes and metrics: GET /health, GET /ready, GET /metrics (public: load balancers and Prometheus call them). */
import { type Static, Type as T } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ChurnError } from '../../../errors/index.js';
import type { ServingDeps } from '../../deps.js';

const Health = T.Object(
  {
    status: T.Union([T.Literal('ok'), T.Literal('degraded')]),
    model: T.Union([T.Object({ id: T.String(), family: T.String(), loadedAt: T.String() }), T.Null()]),
    uptimeSeconds: T.Number(),
    store: T.Union([T.Literal('ok'), T.Literal('unreachable')]),
    demo: T.Boolean(),
  },
  { additionalProperties: false },
);

const started = Date.now();

/** The probe routes. */
export async function systemRoutes(app: FastifyInstance, deps: ServingDeps): Promise<void> {
  const storeOk = async () => {
    try {
      await deps.store.ping();
      return true;
    } catch {
      return false;
    }
  };
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: { tags: ['system'], summary: 'Liveness, current model, store reachability', response: { 200: Health } },
    },
    async (): Promise<Static<typeof Health>> => {
      const m = deps.models.peek();
      const store = (await storeOk()) ? 'ok' : 'unreachable';
      return {
        status: m !== null && store === 'ok' ? 'ok' : 'degraded',
        model: m && { id: m.id, family: m.artifact.estimator.family, loadedAt: m.loadedAt },
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
        store,
        demo: deps.demo,
      };
    },
  );
  app.get(
    '/ready',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Readiness: 200 when a model is loaded and the store answers',
        response: { 200: T.Object({ ready: T.Literal(true) }) },
      },
    },
    async () => {
      deps.models.current();
      if (!(await storeOk())) throw new ChurnError('CHURN_ERR_STORE', 'The store does not answer', {});
      return { ready: true as const };
    },
  );
  app.get(
    '/metrics',
    { config: { access: 'public' }, schema: { tags: ['system'], summary: 'Prometheus metrics' } },
    async (_request, reply) => {
      const depth = await deps.core.jobs.depth().catch(() => null);
      if (depth) {
        deps.metrics.queueDepth.set({ state: 'waiting' }, depth.waiting);
        deps.metrics.queueDepth.set({ state: 'active' }, depth.active);
      }
      reply.type(deps.metrics.registry.contentType);
      return deps.metrics.registry.metrics();
    },
  );
}
