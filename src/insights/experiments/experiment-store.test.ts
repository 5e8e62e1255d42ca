import { afterAll, describe, expect, it } from 'vitest';
import { generateBusiness, storeSink } from '../../data/generate/index.js';
import { snapshotAt } from '../../features/index.js';
import { openStore, type Store } from '../../store/index.js';
import { assignArm } from './assign-arm.js';
import { createExperiment, experimentIdOf, getExperiment, reportExperiment } from './experiment-store.js';

const at = '2025-04-30';
const name = 'known effect';
const id = experimentIdOf(name);
/** Treated customers' voluntary-cancellation hazard after the experiment date is multiplied by this. */
const multiplier = 0.4;
const base = { customers: 2500, months: 5, seed: 21 } as const;
const stores: Store[] = [];

async function business(hazard?: (customerId: string, date: string) => number): Promise<Store> {
  const store = await openStore(':memory:');
  stores.push(store);
  await generateBusiness({ ...base, churnHazard: hazard }, storeSink(store));
  return store;
}
afterAll(async () => {
  for (const s of stores) await s.close();
});

/** Retained (not churned within 30 days of `at`) per customer active at `at`. */
async function retained(store: Store): Promise<Map<string, boolean>> {
  const snap = await snapshotAt(store, at, { horizonDays: 30 });
  return new Map(snap.frame.customerId.map((c, i) => [c, snap.label[i] === 0]));
}

describe('a retention experiment on generated data with a known effect', () => {
  it('measures a lift whose 95 % interval covers the true effect', async () => {
    const treatedAfter = (everyone: boolean) => (customerId: string, date: string) =>
      date > at && (everyone || assignArm(customerId, id, 0.5) === 'treatment') ? multiplier : 1;
    const experiment = await business(treatedAfter(false));
    const e = await createExperiment(experiment, {
      name,
      action: 'personal_call',
      at,
      eligible: 'active',
      now: new Date('2025-04-30T12:00:00Z'),
    });
    expect(e.experiment_id).toBe(id);
    expect(e.config.treatment + e.config.control).toBe(e.config.customers);
    await expect(reportExperiment(await business(), id)).rejects.toThrow(/No experiment/);
    const report = await reportExperiment(experiment, id);
    const r = report.result;
    if (!r) throw new Error('no result');
    expect(report.status).toBe('completed');
    expect(r.control.n + r.treatment.n).toBe(e.config.customers);

    // The true effect, honestly: the same business (same seed, per-customer random streams) generated once with
    // nobody treated and once with everybody treated; the average over the eligible customers of retained-if-treated
    // minus retained-if-not is the effect the experiment estimates.
    const none = await retained(await business());
    const all = await retained(await business(treatedAfter(true)));
    let sum = 0;
    let n = 0;
    for (const [c] of await retained(experiment)) {
      sum += (all.get(c) ? 1 : 0) - (none.get(c) ? 1 : 0);
      n += 1;
    }
    const trueEffect = sum / n;
    expect(trueEffect).toBeGreaterThan(0.005);
    expect(r.interval.lower).toBeLessThanOrEqual(trueEffect);
    expect(r.interval.upper).toBeGreaterThanOrEqual(trueEffect);
    expect((await getExperiment(experiment, id)).result?.absoluteLift).toBe(r.absoluteLift);
  }, 120_000);
});
