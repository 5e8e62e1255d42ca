/** Retention experiments in the store: create (hash arms, record actions), status, and the report after the horizon. */
import { ChurnError } from '../../errors/index.js';
import { addDays, dataRange, snapshotAt } from '../../features/index.js';
import type { Store } from '../../store/index.js';
import { recordActions } from '../retention/campaign-output.js';
import { findScoredSnapshot } from '../scored/read-scores.js';
import { analyseExperiment, type ExperimentAnalysis } from './analyse-experiment.js';
import { assignArm } from './assign-arm.js';

/** Options of `createExperiment`. */
export interface CreateExperimentOptions {
  name: string;
  /** The action the treatment arm receives (e.g. `personal_call`). */
  action: string;
  share?: number;
  /** Snapshot day; default the newest scored date (or newest data date with `eligible: 'active'`). */
  at?: string;
  horizonDays?: number;
  /** 'at-risk' (default): High / Very High customers of the scoring run at `at`; 'active': every active customer. */
  eligible?: 'at-risk' | 'active';
  now?: Date;
}

/** An experiment as stored. */
export interface Experiment {
  experiment_id: string;
  name: string;
  created_at: string;
  snapshot_date: string;
  horizon_days: number;
  treatment_share: number;
  status: 'running' | 'completed';
  config: { action: string; eligible: string; customers: number; treatment: number; control: number };
  result: ExperimentAnalysis | null;
}

/** The experiment id of a name: lower-case words joined by '-' (the hash salt of the arms, so choose names once). */
export const experimentIdOf = (name: string) =>
  `exp-${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;

/** Assigns eligible customers to arms by hash and records one action per customer (control: `none`). */
export async function createExperiment(store: Store, o: CreateExperimentOptions): Promise<Experiment> {
  const share = o.share ?? 0.5;
  if (!(share > 0 && share < 1))
    throw new ChurnError('CHURN_ERR_PARAM', `--share must be in (0, 1), got ${share}`, { field: 'share' });
  if (!o.name.trim()) throw new ChurnError('CHURN_ERR_PARAM', 'An experiment needs a --name', { field: 'name' });
  const id = experimentIdOf(o.name);
  if ((await store.all('SELECT 1 FROM experiments WHERE experiment_id = ?', [id])).length > 0)
    throw new ChurnError('CHURN_ERR_PARAM', `Experiment ${id} exists already: choose another --name`, { experimentId: id });
  const eligible = o.eligible ?? 'at-risk';
  let at: string;
  let ids: string[];
  if (eligible === 'at-risk') {
    const scored = await findScoredSnapshot(store, { at: o.at });
    if (!scored) throw new ChurnError('CHURN_ERR_NOT_FOUND', 'No scored customers: run `churn score` first', { at: o.at });
    at = scored.snapshotDate;
    ids = scored.rows.filter((r) => r.riskBucket === 'High' || r.riskBucket === 'Very High').map((r) => r.customerId);
  } else {
    const day = o.at ?? (await dataRange(store)).newest;
    if (!day) throw new ChurnError('CHURN_ERR_NO_DATA', 'The store holds no data');
    at = day;
    ids = (await snapshotAt(store, day)).frame.customerId;
  }
  if (ids.length === 0)
    throw new ChurnError('CHURN_ERR_NO_DATA', `No eligible (${eligible}) customer on ${at}`, { at, eligible });
  const arms = ids.map((c) => ({ c, arm: assignArm(c, id, share) }));
  const treated = arms.filter((a) => a.arm === 'treatment').length;
  const createdAt = (o.now ?? new Date()).toISOString();
  const config = { action: o.action, eligible, customers: ids.length, treatment: treated, control: ids.length - treated };
  const horizon = o.horizonDays ?? 30;
  await store.transaction(async (tx) => {
    await tx.insertMany(
      'experiments',
      [
        'experiment_id',
        'name',
        'created_at',
        'snapshot_date',
        'horizon_days',
        'treatment_share',
        'status',
        'config_json',
        'result_json',
      ],
      [[id, o.name, createdAt, at, horizon, share, 'running', JSON.stringify(config), null]],
    );
    const actions = arms.map(({ c, arm }) => ({
      customer_id: c,
      rule_id: null,
      action: arm === 'treatment' ? o.action : 'none',
      channel: null,
      offer: null,
      expected_net_value: null,
      arm,
    }));
    await recordActions(tx, at, actions, { experimentId: id, now: o.now });
  });
  return (await getExperiment(store, id)) as Experiment;
}

/** The experiment, or CHURN_ERR_NOT_FOUND. */
export async function getExperiment(store: Store, id: string): Promise<Experiment> {
  const rows = await store.all<Record<string, unknown>>('SELECT * FROM experiments WHERE experiment_id = ?', [id]);
  if (rows.length === 0)
    throw new ChurnError('CHURN_ERR_NOT_FOUND', `No experiment ${id} (see churn experiment create)`, { experimentId: id });
  const r = rows[0];
  return {
    experiment_id: String(r.experiment_id),
    name: String(r.name),
    created_at: String(r.created_at),
    snapshot_date: String(r.snapshot_date),
    horizon_days: Number(r.horizon_days),
    treatment_share: Number(r.treatment_share),
    status: r.status as Experiment['status'],
    config: JSON.parse(String(r.config_json)),
    result: r.result_json ? JSON.parse(String(r.result_json)) : null,
  };
}

/** When the outcome can be measured: snapshot + horizon, and whether the data reaches it. */
export async function experimentMaturity(
  store: Store,
  e: Experiment,
): Promise<{ matureOn: string; mature: boolean; newest: string | null }> {
  const matureOn = addDays(e.snapshot_date, e.horizon_days);
  const newest = (await dataRange(store)).newest;
  return { matureOn, mature: newest !== null && newest >= matureOn, newest };
}

/**
 * After the horizon: retention per arm (not churned within (snapshot, snapshot + horizon], from the store's data),
 * lift, two-proportion test and interval; stored with the experiment. CHURN_ERR_LABEL_IMMATURE before the horizon.
 */
export async function reportExperiment(store: Store, id: string): Promise<Experiment> {
  const e = await getExperiment(store, id);
  const m = await experimentMaturity(store, e);
  if (!m.mature)
    throw new ChurnError(
      'CHURN_ERR_LABEL_IMMATURE',
      `Experiment ${id} can be measured from ${m.matureOn}; the data ends ${m.newest ?? 'nowhere'}`,
      {
        experimentId: id,
        matureOn: m.matureOn,
      },
    );
  const snap = await snapshotAt(store, e.snapshot_date, { horizonDays: e.horizon_days });
  const churned = new Map(snap.frame.customerId.map((c, i) => [c, snap.label[i] === 1]));
  const arms = await store.all<{ customer_id: string; arm: string }>(
    'SELECT customer_id, arm FROM retention_actions WHERE experiment_id = ?',
    [id],
  );
  const counts = { control: { n: 0, retained: 0 }, treatment: { n: 0, retained: 0 } };
  for (const a of arms) {
    const arm = a.arm === 'treatment' ? counts.treatment : counts.control;
    arm.n += 1;
    // A customer missing from the snapshot was not active at its date: counted as not retained, never dropped.
    if (churned.get(a.customer_id) === false) arm.retained += 1;
  }
  const result = analyseExperiment(counts);
  await store.run("UPDATE experiments SET status = 'completed', result_json = ? WHERE experiment_id = ?", [
    JSON.stringify(result),
    id,
  ]);
  return getExperiment(store, id);
}
