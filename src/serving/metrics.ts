/** Prometheus metrics of one server: latency per route, errors by code, predictions by risk bucket, job queue depth. */
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { ServingDeps } from './deps.js';

/** The metrics a server records (one registry per server, so tests can run several in one process). */
export interface ServingMetrics {
  registry: Registry;
  requestSeconds: Histogram<'method' | 'route' | 'status'>;
  errors: Counter<'code'>;
  predictions: Counter<'bucket' | 'source'>;
  queueDepth: Gauge<'state'>;
  modelReloads: Counter<'outcome'>;
}

/** Creates the metrics (plus Node's default process metrics) in a fresh registry. */
export function createMetrics(): ServingMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'churn_' });
  return {
    registry,
    requestSeconds: new Histogram({
      name: 'churn_http_request_duration_seconds',
      help: 'HTTP request latency by route pattern',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'churn_http_errors_total',
      help: 'Error responses by catalogue code',
      labelNames: ['code'],
      registers: [registry],
    }),
    predictions: new Counter({
      name: 'churn_predictions_total',
      help: 'Scored customers by risk bucket and source (api, batch, job)',
      labelNames: ['bucket', 'source'],
      registers: [registry],
    }),
    queueDepth: new Gauge({ name: 'churn_jobs', help: 'Scoring jobs by state', labelNames: ['state'], registers: [registry] }),
    modelReloads: new Counter({
      name: 'churn_model_reloads_total',
      help: 'Hot reloads by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
  };
}

type RequestLabels = { method: string; route: string; status: number };

/**
 * Records every reply's latency (per method, route pattern and status) and every problem's catalogue code. Both hooks
 * are callbacks, not async functions (no promise per request), and each label set is built once and reused.
 */
export function installMetricsHooks(app: FastifyInstance, deps: Pick<ServingDeps, 'metrics'>): void {
  const { requestSeconds, errors } = deps.metrics;
  const labelSets = new Map<string, RequestLabels>();
  const labelsOf = (method: string, route: string, status: number): RequestLabels => {
    const key = `${method} ${status} ${route}`;
    let labels = labelSets.get(key);
    if (labels === undefined) {
      labels = { method, route, status };
      labelSets.set(key, labels);
    }
    return labels;
  };
  app.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requestSeconds.observe(labelsOf(request.method, route, reply.statusCode), reply.elapsedTime / 1000);
    done();
  });
  app.addHook('onSend', (_request: FastifyRequest, reply: FastifyReply, payload: unknown, done) => {
    if (reply.statusCode >= 400 && typeof payload === 'string' && payload.includes('"code":"CHURN_ERR_')) {
      const m = /"code":"(CHURN_ERR_[A-Z_]+)"/.exec(payload);
      if (m) errors.inc({ code: m[1] });
    }
    done(null, payload);
  });
}
