/** Predictions: POST /predict, POST /batch_predict, GET /predict/schema, GET /customers/:id. */
import { Type as T } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ChurnError } from '../../../errors/index.js';
import type { ServingDeps } from '../../deps.js';
import { checkRecord } from '../../predict/check-record.js';
import { coalescedPredict } from '../../predict/coalesce.js';
import { type PredictionOut, summarise } from '../../predict/prediction.js';
import { fieldDocs, MAX_ID_LENGTH, RecordSchema } from '../../predict/record-schema.js';
import { scoreRecords } from '../../predict/score-records.js';
import { BatchResponseSchema, FieldDocSchema, Flag, PredictionSchema } from './schemas.js';

const identifying = new Set(['customer_id', 'cutoff', 'gender', 'location']);

/** The prediction routes. */
export async function predictRoutes(app: FastifyInstance, deps: ServingDeps): Promise<void> {
  const cap = deps.config.serving.batchMaxRows;
  const predictOne = coalescedPredict(deps);

  app.post<{ Body: Record<string, unknown>; Querystring: { explain?: 'true' | 'false' } }>(
    '/predict',
    {
      schema: {
        tags: ['predict'],
        summary: 'Score one customer: feature values, or {customer_id} for a stored customer',
        body: RecordSchema,
        querystring: T.Object({ explain: T.Optional(Flag) }, { additionalProperties: false }),
        response: { 200: PredictionSchema },
      },
    },
    async (request): Promise<PredictionOut> => {
      const body = request.body;
      const explain = request.query.explain !== 'false';
      if (onlyIdentifies(body)) return (await deps.core.customers.predict(body.customer_id as string, request.id)).prediction;
      // Scored with the other /predict records of this event-loop turn. The reply schema serialises declared
      // properties only: the row's `index` is not sent.
      return predictOne(body, explain, request.id);
    },
  );

  app.post<{ Body: unknown[]; Querystring: { strict?: 'true' | 'false'; explain?: 'true' | 'false' } }>(
    '/batch_predict',
    {
      schema: {
        tags: ['predict'],
        summary: `Score a JSON array of customer records (at most serving.batchMaxRows, default 10,000)`,
        body: T.Array(T.Unknown(), { description: 'Records as for /predict' }),
        querystring: T.Object({ strict: T.Optional(Flag), explain: T.Optional(Flag) }, { additionalProperties: false }),
        response: { 200: BatchResponseSchema },
      },
    },
    async (request) => {
      const records = request.body;
      if (records.length > cap)
        throw new ChurnError('CHURN_ERR_PAYLOAD_TOO_LARGE', `A batch holds at most ${cap} rows; this one has ${records.length}`, {
          rows: records.length,
          cap,
        });
      const strict = request.query.strict === 'true';
      // The same schema as /predict, row by row, so one bad row is reported with its index instead of failing all.
      const valid: unknown[] = [];
      const validIndex: number[] = [];
      const errors: { index: number; error: { field: string; rule: string; message: string; row: number } }[] = [];
      records.forEach((r, i) => {
        const issue = checkRecord(r);
        if (issue === null) {
          valid.push(r);
          validIndex.push(i);
          return;
        }
        const error = { ...issue, row: i };
        if (strict)
          throw new ChurnError('CHURN_ERR_VALIDATION', `row ${i}: ${error.field}: ${error.message}`, { errors: [error] });
        errors.push({ index: i, error });
      });
      const out = scoreRecords(deps, valid, {
        explain: request.query.explain === 'true',
        strict,
        requestId: request.id,
        source: 'batch',
      });
      const scored = out.scored.map((p) => ({
        ...p,
        index: validIndex[p.index],
        customer_id: reId(p.customer_id, p.index, validIndex),
      }));
      for (const r of out.rejected) errors.push({ index: validIndex[r.index], error: { ...r.error, row: validIndex[r.index] } });
      const predictions = [...scored, ...errors].sort((a, b) => a.index - b.index);
      const model = out.model;
      return {
        model_id: model.id,
        threshold: model.artifact.threshold.value,
        predictions,
        summary: summarise(records.length, scored, model.artifact.riskBuckets.labels),
      };
    },
  );

  app.get(
    '/predict/schema',
    {
      schema: {
        tags: ['predict'],
        summary: 'The fields /predict accepts: type, range or values, example, required',
        response: {
          200: T.Object(
            { model_id: T.Union([T.String(), T.Null()]), fields: T.Array(FieldDocSchema) },
            { additionalProperties: false },
          ),
        },
      },
    },
    async () => {
      const m = deps.models.peek();
      const required = new Set((m?.scorer.input.fields ?? []).filter((f) => f.required).map((f) => f.name));
      return { model_id: m?.id ?? null, fields: fieldDocs(required) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/customers/:id',
    {
      schema: {
        tags: ['predict'],
        summary: 'Latest score, drivers and recommended action of a stored customer (newest snapshot)',
        params: T.Object({ id: T.String({ minLength: 1, maxLength: MAX_ID_LENGTH }) }, { additionalProperties: false }),
        response: { 200: PredictionSchema },
      },
    },
    async (request) => (await deps.core.customers.predict(request.params.id, request.id)).prediction,
  );
}

/** `{customer_id}` (optionally with cutoff/gender/location) asks for a stored customer; checked without allocating. */
function onlyIdentifies(body: Record<string, unknown>): boolean {
  if (typeof body.customer_id !== 'string') return false;
  for (const k in body) if (!identifying.has(k)) return false;
  return true;
}

/** A record without customer_id is named by its position in the request, not in the valid subset. */
function reId(id: string, k: number, validIndex: number[]): string {
  return id === `record-${k}` ? `record-${validIndex[k]}` : id;
}
