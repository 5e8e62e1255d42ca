/** Monitoring and BI: GET /drift, GET /alerts (and the KPI / performance routes) — thin: schema → auth → one call → reply. */
import { Type as T } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { churnKpis } from '../../../bi/index.js';
import { ChurnError } from '../../../errors/index.js';
import { type DriftReport, latestRun, realisedPerformance, recentAlerts } from '../../../monitoring/index.js';
import type { ServingDeps } from '../../deps.js';

const open = T.Record(T.String(), T.Unknown());
const AlertsQuery = T.Object(
  {
    // Query values arrive as text (this server does not coerce types): the 1–500 range is checked by pattern.
    limit: T.Optional(
      T.String({ pattern: '^([1-9][0-9]?|[1-4][0-9]{2}|500)$', description: 'alerts listed, 1–500 (default 50)' }),
    ),
  },
  { additionalProperties: false },
);

/** The monitoring route group. */
export async function monitoringRoutes(app: FastifyInstance, deps: ServingDeps): Promise<void> {
  app.get(
    '/drift',
    {
      schema: {
        tags: ['monitoring'],
        summary:
          'Latest PSI drift run (a snapshot, or a batch of logged predictions with its definition): per feature and score, classes, the one verdict, score bins now vs baseline',
        response: { 200: open },
      },
    },
    async () => {
      const run = await latestRun<DriftReport>(deps.store, 'drift');
      if (!run) throw new ChurnError('CHURN_ERR_NOT_FOUND', 'No drift run yet: run `churn monitor` first', {});
      return { run_id: run.runId, created_at: run.createdAt, ...run.result };
    },
  );
  app.get(
    '/kpis',
    {
      schema: {
        tags: ['monitoring'],
        summary: 'The figures of bi/churn_kpis.md for the newest scored date',
        response: { 200: open },
      },
    },
    async () => churnKpis(deps.store, deps.models.peek()?.scorer.horizonDays ?? 30),
  );
  app.get(
    '/performance',
    {
      schema: {
        tags: ['monitoring'],
        summary: 'Realised ROC-AUC, precision, recall, F1, accuracy per scored cohort, or pending with the date labels mature',
        response: { 200: open },
      },
    },
    async () => ({ cohorts: await realisedPerformance(deps.store, deps.models.peek()?.scorer.horizonDays ?? 30) }),
  );
  app.get(
    '/alerts',
    {
      schema: { tags: ['monitoring'], summary: 'Recent alerts, newest first', querystring: AlertsQuery, response: { 200: open } },
    },
    async (request) => {
      const { limit } = request.query as { limit?: string };
      return { alerts: await recentAlerts(deps.store, limit === undefined ? 50 : Number(limit)) };
    },
  );
}
