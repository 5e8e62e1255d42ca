/** CSV scoring jobs: POST /jobs/score (multipart), GET /jobs/:id, GET /jobs/:id/result, GET /jobs/:id/errors. */
import { createReadStream, existsSync } from 'node:fs';
import multipart from '@fastify/multipart';
import { Type as T } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ChurnError } from '../../../errors/index.js';
import type { ServingDeps } from '../../deps.js';
import { JOB_ID, jobFiles } from '../../jobs/job-files.js';
import { jobContextOf } from '../../jobs/open-queue.js';
import { saveUpload } from '../../jobs/upload.js';

const strict = { additionalProperties: false } as const;
const JobStatusSchema = T.Object(
  {
    id: T.String(),
    state: T.Union([T.Literal('queued'), T.Literal('running'), T.Literal('done'), T.Literal('failed')]),
    rowsRead: T.Integer(),
    rowsScored: T.Integer(),
    rowsRejected: T.Integer(),
    bytesTotal: T.Integer(),
    bytesRead: T.Integer(),
    progress: T.Number({ minimum: 0, maximum: 1 }),
    modelId: T.Union([T.String(), T.Null()]),
    createdAt: T.String(),
    finishedAt: T.Union([T.String(), T.Null()]),
    error: T.Union([T.Object({ code: T.String(), message: T.String() }, strict), T.Null()]),
  },
  strict,
);
const IdParams = T.Object({ id: T.String({ pattern: JOB_ID.source }) }, strict);

/** The job routes. */
export async function jobRoutes(app: FastifyInstance, deps: ServingDeps): Promise<void> {
  const { root } = jobContextOf(deps);
  await app.register(multipart, { limits: { fileSize: deps.config.serving.uploadMaxBytes, files: 1, fields: 0, parts: 2 } });
  const statusOf = async (id: string) => {
    const s = await deps.core.jobs.status(id);
    if (s === null) throw new ChurnError('CHURN_ERR_NOT_FOUND', `No job ${id}`, { id });
    return { ...s, progress: s.bytesTotal > 0 ? Math.min(1, s.bytesRead / s.bytesTotal) : s.state === 'done' ? 1 : 0 };
  };

  app.post(
    '/jobs/score',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Upload a CSV (multipart field `file`) to score asynchronously; returns the job id',
        consumes: ['multipart/form-data'],
        response: { 202: JobStatusSchema },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new ChurnError('CHURN_ERR_MEDIA_TYPE', 'Upload the CSV as multipart/form-data', {});
      const model = deps.models.current();
      const file = await request.file();
      if (!file) throw new ChurnError('CHURN_ERR_BAD_REQUEST', 'The multipart body has no file part', {});
      const { id, bytes } = await saveUpload(root, file, model.scorer.input);
      await deps.core.jobs.enqueue(id, bytes);
      reply.code(202).header('location', `/jobs/${id}`);
      return statusOf(id);
    },
  );
  app.get<{ Params: { id: string } }>(
    '/jobs/:id',
    { schema: { tags: ['jobs'], summary: 'Progress of a job', params: IdParams, response: { 200: JobStatusSchema } } },
    async (request) => statusOf(request.params.id),
  );
  const download =
    (kind: 'result' | 'errors') => async (request: { params: { id: string } }, reply: import('fastify').FastifyReply) => {
      const s = await statusOf(request.params.id);
      const file = jobFiles(root, s.id)[kind];
      if (s.state !== 'done' || !existsSync(file))
        throw new ChurnError('CHURN_ERR_NOT_FOUND', `Job ${s.id} has no ${kind} file yet (state ${s.state})`, {
          id: s.id,
          state: s.state,
        });
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${s.id}-${kind}.csv"`);
      return reply.send(createReadStream(file));
    };
  app.get<{ Params: { id: string } }>(
    '/jobs/:id/result',
    {
      schema: {
        tags: ['jobs'],
        summary: 'The scored CSV (customer_id, probability, prediction, risk_bucket, model_id)',
        params: IdParams,
      },
    },
    download('result'),
  );
  app.get<{ Params: { id: string } }>(
    '/jobs/:id/errors',
    { schema: { tags: ['jobs'], summary: 'Rejected rows as CSV (line, field, reason)', params: IdParams } },
    download('errors'),
  );
}
