/** Drift → alerts: one incident per model for feature drift and one for score drift, resolved when the drift is gone. */
import type { Store } from '../../store/index.js';
import type { DriftReport } from '../runs/drift-report.js';
import { type AlertOptions, type RaisedAlert, raiseAlert, resolveIncident } from './raise-alert.js';

/**
 * Incident keys of a model's drift (stable across runs, so a persisting drift is one alert). Batch runs over logged
 * predictions have their own keys, so a calm snapshot run never resolves a drifting API batch (and vice versa).
 */
export const driftIncident = (modelId: string, what: 'features' | 'score', batch = false) =>
  `drift:${modelId}:${batch ? 'batch:' : ''}${what}`;

/**
 * Reads the one verdict: features classed `drift` raise (or keep) the feature incident, a drifted score the score
 * incident; an incident whose condition is gone is resolved, so the next drift alerts again.
 */
export async function alertOnDrift(store: Store, r: DriftReport, o: AlertOptions = {}): Promise<RaisedAlert[]> {
  const raised: RaisedAlert[] = [];
  const v = r.verdict;
  const batch = r.batch != null; // reports stored before batch runs existed have no `batch` field
  const where = batch ? `in logged predictions up to ${r.batch?.last}` : `at ${r.at}`;
  const featureKey = driftIncident(r.modelId, 'features', batch);
  if (v.drifted.length) {
    const top = v.features.filter((f) => f.class === 'drift').slice(0, 5);
    raised.push(
      await raiseAlert(
        store,
        {
          kind: 'feature_drift',
          severity: v.dataset === 'drift' ? 'critical' : 'warning',
          incidentKey: featureKey,
          message: `${v.drifted.length} feature(s) drifted for model ${r.modelId} ${where}: ${top
            .map((f) => `${f.feature} PSI ${f.psi.toFixed(2)}`)
            .join(', ')}`,
          payload: {
            modelId: r.modelId,
            at: r.at,
            batch: r.batch ?? null,
            drifted: v.drifted,
            dataset: v.dataset,
            reason: v.reason,
          },
        },
        o,
      ),
    );
  } else await resolveIncident(store, featureKey);
  const scoreKey = driftIncident(r.modelId, 'score', batch);
  if (v.score.class === 'drift') {
    raised.push(
      await raiseAlert(
        store,
        {
          kind: 'score_drift',
          severity: 'critical',
          incidentKey: scoreKey,
          message: `score distribution of model ${r.modelId} drifted ${where}: PSI ${v.score.psi.toFixed(3)}`,
          payload: { modelId: r.modelId, at: r.at, batch: r.batch ?? null, psi: v.score.psi },
        },
        o,
      ),
    );
  } else await resolveIncident(store, scoreKey);
  return raised;
}
