/** Insights: GET /segments, GET /retention, GET /analytics/churn-by, GET /importance — thin: schema → one call → reply. */
import { Type as T } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ChurnError } from '../../../errors/index.js';
import {
  campaignFromScores,
  churnBy,
  churnDimensions,
  defaultRules,
  latestSegmentation,
  requireScoredSnapshot,
} from '../../../insights/index.js';
import type { ServingDeps } from '../../deps.js';
import { importanceService } from './importance.js';

const open = T.Record(T.String(), T.Unknown());
const RetentionQuery = T.Object(
  {
    // Query values arrive as text (no type coercion on this server): amounts and counts are checked by pattern.
    budget: T.Optional(T.String({ pattern: '^[0-9]{1,12}(\\.[0-9]{1,2})?$', description: 'campaign budget (amount ≥ 0)' })),
    limit: T.Optional(T.String({ pattern: '^[1-9][0-9]{0,5}$', description: 'lines listed (default 1000)' })),
  },
  { additionalProperties: false },
);

const ChurnByQuery = T.Object({ dimension: T.Union(churnDimensions.map((d) => T.Literal(d))) }, { additionalProperties: false });

/** The insights route group. */
export async function insightsRoutes(app: FastifyInstance, deps: ServingDeps): Promise<void> {
  app.get(
    '/segments',
    {
      schema: {
        tags: ['insights'],
        summary: 'Newest segmentation: per segment id, name, size, share, churn rate (and its source), mean features, revenue',
        response: { 200: open },
      },
    },
    async () => {
      const seg = await latestSegmentation(deps.store);
      if (!seg) throw new ChurnError('CHURN_ERR_NOT_FOUND', 'No segmentation yet: run `churn segment` first', {});
      return seg;
    },
  );
  app.get(
    '/retention',
    {
      schema: {
        tags: ['insights'],
        summary:
          'Ranked retention campaign of the newest scored snapshot under a budget: lines (action, reason, expected value, cost) and totals',
        querystring: RetentionQuery,
        response: { 200: open },
      },
    },
    async (request) => {
      const q = request.query as { budget?: string; limit?: string };
      const budget = q.budget === undefined ? undefined : Number(q.budget);
      const limit = q.limit === undefined ? 1000 : Number(q.limit);
      const campaign = campaignFromScores(await requireScoredSnapshot(deps.store), defaultRules, budget);
      // Totals cover the whole campaign; the reply lists the first `limit` lines of the ranking.
      return { ...campaign, lines_total: campaign.lines.length, lines: campaign.lines.slice(0, limit) };
    },
  );
  app.get(
    '/analytics/churn-by',
    {
      schema: {
        tags: ['insights'],
        summary: 'Realised (mature labels) and predicted churn rate, customers and revenue at risk per group of a dimension',
        querystring: ChurnByQuery,
        response: { 200: open },
      },
    },
    async (request) => {
      const { dimension } = request.query as { dimension: string };
      return churnBy(deps.store, dimension, { horizonDays: deps.models.peek()?.scorer.horizonDays ?? 30 });
    },
  );
  const importance = importanceService(deps.store);
  app.get(
    '/importance',
    {
      schema: {
        tags: ['insights'],
        summary:
          'Global importance of the current model on business features: every method, mean |SHAP| on today’s customers first',
        response: { 200: open },
      },
    },
    async () => importance(deps.models.current()),
  );
}
