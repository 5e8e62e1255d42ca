/** Global importance for GET /importance: the artifact's and the model's own lists, plus mean |SHAP| on today's customers (cached per model + date). */
import { isChurnError } from '../../../errors/index.js';
import { activeCustomers, globalImportance, type ImportanceTable } from '../../../scoring/index.js';
import type { Store } from '../../../store/index.js';
import type { ServingModel } from '../../model/holder.js';

/** The reply: every method, and `features` = the first (primary) list for charts. */
export interface ImportanceReply {
  model_id: string;
  primary: string;
  features: { feature: string; value: number }[];
  methods: ImportanceTable[];
}

/** A per-server cache so mean |SHAP| over every active customer is computed once per model and data date. */
export function importanceService(store: Store) {
  const cache = new Map<string, ImportanceTable[]>();
  return async (model: ServingModel): Promise<ImportanceReply> => {
    let tables: ImportanceTable[] | undefined;
    if (model.scorer.input.source === 'snapshots') {
      const active = await activeCustomers(store, model.scorer).catch((e) => {
        if (isChurnError(e, 'CHURN_ERR_NO_DATA')) return null;
        throw e;
      });
      if (active) {
        const key = `${model.scorer.modelId}@${active.at}`;
        tables = cache.get(key);
        if (!tables) {
          tables = globalImportance(model.artifact, {
            explanations: model.scorer.explain(active.frame),
            what: `customers active on ${active.at}`,
          });
          cache.clear();
          cache.set(key, tables);
        }
      }
    }
    tables ??= globalImportance(model.artifact);
    // Mean |SHAP| on today's customers leads when present: it is what the per-customer explanations add up to.
    const primary = tables.find((t) => t.origin === 'scored rows') ?? tables[0];
    return {
      model_id: model.scorer.modelId,
      primary: primary ? primary.method : 'none',
      features: primary ? primary.values.map((v) => ({ feature: v.feature, value: v.value })) : [],
      methods: tables,
    };
  };
}
