/** Models: GET /model, GET /model/curves, GET /models, POST /models/:id/promote and POST /models/rollback (admin). */
import { Type as T } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { listModels, modelFile, promoteModel, registryDir, rollbackModel } from '../../../registry/index.js';
import type { ServingDeps } from '../../deps.js';
import { loadServingModel } from '../../model/current-model.js';
import { modelCard, modelCurves, versionOut } from '../../model/model-card.js';

const open = T.Record(T.String(), T.Unknown());
const strict = { additionalProperties: false } as const;
const Nums = T.Array(T.Union([T.Number(), T.Null()]));

const ModelCard = T.Object(
  {
    model_id: T.String(),
    family: T.String(),
    code_version: T.String(),
    source: T.String(),
    loaded_at: T.String(),
    horizon_days: T.Union([T.Integer(), T.Null()]),
    trained_window: open,
    cutoffs: open,
    rows: open,
    positives: open,
    threshold: T.Object({ value: T.Number(), rule: T.String() }, strict),
    risk_buckets: T.Object({ cuts: T.Array(T.Number()), labels: T.Array(T.String()) }, strict),
    calibration: T.Union([T.String(), T.Null()]),
    selection: T.Object({ rule: T.String(), metric: T.String(), chosen: T.String(), reason: T.String() }, strict),
    candidates: T.Array(T.Object({ name: T.String(), family: T.String(), selected: T.Boolean(), metrics: open }, strict)),
    importance: T.Object(
      { method: T.String(), values: T.Array(T.Object({ feature: T.String(), value: T.Number() }, strict)) },
      strict,
    ),
  },
  strict,
);

const Version = T.Object(
  {
    model_id: T.String(),
    version: T.Integer(),
    registered_at: T.String(),
    family: T.String(),
    source: T.String(),
    threshold: T.Number(),
    status: T.String(),
    promoted_at: T.Union([T.String(), T.Null()]),
    metrics: open,
  },
  strict,
);

const Curves = T.Object(
  {
    model_id: T.String(),
    chosen_threshold: T.Number(),
    roc: T.Object({ x: Nums, y: Nums }, strict),
    pr: T.Object({ x: Nums, y: Nums }, strict),
    calibration: T.Object({ predicted: Nums, observed: Nums, count: Nums }, strict),
    threshold_curve: T.Object({ threshold: Nums, precision: Nums, recall: Nums, f1: Nums }, strict),
    lift: T.Object(
      { top_decile_lift: T.Union([T.Number(), T.Null()]), top_decile_capture: T.Union([T.Number(), T.Null()]) },
      strict,
    ),
  },
  strict,
);

/** The model routes. */
export async function modelRoutes(app: FastifyInstance, deps: ServingDeps): Promise<void> {
  const dir = registryDir(deps.config);
  /** Makes this server use the new champion now (other servers and workers follow through the registry watcher). */
  const adopt = async (modelId: string) => {
    if (deps.models.peek()?.id === modelId) return;
    deps.models.swap(await loadServingModel(modelFile(dir, modelId)));
  };

  app.get(
    '/model',
    { schema: { tags: ['models'], summary: 'The current model card', response: { 200: ModelCard } } },
    async () => {
      const m = deps.models.current();
      return modelCard(m.artifact, m.loadedAt);
    },
  );
  app.get(
    '/model/curves',
    {
      schema: {
        tags: ['models'],
        summary: 'ROC, PR, calibration and threshold curves, chosen threshold, lift',
        response: { 200: Curves },
      },
    },
    async () => modelCurves(deps.models.current().artifact),
  );
  app.get(
    '/models',
    {
      schema: {
        tags: ['models'],
        summary: 'Every registered version',
        response: { 200: T.Object({ models: T.Array(Version) }, strict) },
      },
    },
    async () => ({
      models: (await listModels(deps.store, deps.config)).map(versionOut),
    }),
  );
  app.post<{ Params: { id: string } }>(
    '/models/:id/promote',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['models'],
        summary: 'Make a registered version the champion (admin); every server and worker switches within seconds',
        params: T.Object({ id: T.String({ minLength: 1, maxLength: 64 }) }, strict),
        response: { 200: Version },
      },
    },
    async (request) => {
      const v = await promoteModel(deps.store, deps.config, request.params.id);
      await adopt(v.modelId);
      return versionOut(v);
    },
  );
  app.post(
    '/models/rollback',
    {
      config: { access: 'admin' },
      schema: { tags: ['models'], summary: 'Make the previous champion current again (admin)', response: { 200: Version } },
    },
    async () => {
      const v = await rollbackModel(deps.store, deps.config);
      await adopt(v.modelId);
      return versionOut(v);
    },
  );
}
