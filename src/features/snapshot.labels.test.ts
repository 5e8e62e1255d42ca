import { afterAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../test/helpers/stores.js';
import { latestSnapshot, snapshotAt } from './snapshot.js';
import { BusinessFixture } from './testing/fixture.js';

afterAll(closeAllStores);

// Cutoff T = 2025-03-31, horizon 30 days: labels look at (2025-03-31, 2025-04-30].
const T = '2025-03-31';
const fixture = new BusinessFixture();
const expected: Record<string, 0 | 1> = {};
const customer = (id: string, label: 0 | 1 | 'absent', build: (id: string) => void) => {
  fixture.customer(id);
  build(id);
  if (label !== 'absent') expected[id] = label;
};
customer('stays', 0, (c) => fixture.subscription(c, '2024-06-01', null));
customer('cancels', 1, (c) => fixture.subscription(c, '2024-06-01', '2025-04-15'));
customer('plan-change', 0, (c) =>
  fixture
    .subscription(c, '2024-06-01', '2025-04-10', { cancel_reason: 'plan_change' })
    .subscription(c, '2025-04-11', null, { plan_type: 'Basic', monthly_price: 7.99 }),
);
customer('win-back-in-horizon', 0, (c) =>
  fixture.subscription(c, '2024-06-01', '2025-04-05').subscription(c, '2025-04-25', null),
);
customer('win-back-on-last-day', 0, (c) =>
  fixture.subscription(c, '2024-06-01', '2025-04-05').subscription(c, '2025-04-30', null),
);
customer('win-back-too-late', 1, (c) => fixture.subscription(c, '2024-06-01', '2025-04-10').subscription(c, '2025-05-05', null));
customer('short-win-back', 1, (c) =>
  fixture.subscription(c, '2024-06-01', '2025-04-05').subscription(c, '2025-04-20', '2025-04-28'),
);
customer('ends-on-horizon-end', 1, (c) => fixture.subscription(c, '2024-06-01', '2025-04-30'));
customer('ends-day-after-horizon', 0, (c) => fixture.subscription(c, '2024-06-01', '2025-05-01'));
customer('starts-on-cutoff', 0, (c) => fixture.subscription(c, T, null));
customer('ends-on-cutoff', 'absent', (c) => fixture.subscription(c, '2024-06-01', T));
customer('starts-after-cutoff', 'absent', (c) => fixture.subscription(c, '2025-04-01', null));
customer('long-gone', 'absent', (c) => fixture.subscription(c, '2024-06-01', '2024-12-31'));
fixture.usage('stays', '2025-05-31'); // newest day of the data: horizons ending by 2025-05-31 are mature

describe.each(engines)('labels on $name', ({ open }) => {
  it('marks churn only when the last subscription ends in (T, T + H] with nothing new by T + H', async () => {
    const store = await open();
    await fixture.insert(store);
    const snap = await snapshotAt(store, T, { horizonDays: 30 });
    expect(snap.labelsMature).toBe(true);
    expect(snap.newestDate).toBe('2025-05-31');
    const got = Object.fromEntries(snap.frame.customerId.map((id, i) => [id, snap.label[i]]));
    expect(got).toEqual(expected);
    expect(snap.frame.customerId).toEqual(Object.keys(expected).sort());
  });

  it('leaves every label empty when the horizon is not fully observed yet', async () => {
    const store = await open();
    await fixture.insert(store);
    const mature = await snapshotAt(store, '2025-05-01', { horizonDays: 30 }); // 2025-05-31: exactly the newest day
    expect(mature.labelsMature).toBe(true);
    const immature = await snapshotAt(store, '2025-05-02', { horizonDays: 30 });
    expect(immature.labelsMature).toBe(false);
    // stays, plan-change, both in-horizon win-backs, starts-on-cutoff and starts-after-cutoff are active on 2025-05-02.
    expect(immature.frame.nRows).toBe(6);
    expect(Array.from(immature.label).every(Number.isNaN)).toBe(true);
    const latest = await latestSnapshot(store);
    // On 2025-05-31 the late win-back (started 2025-05-05) is active too.
    expect([latest.cutoff, latest.labelsMature, latest.frame.nRows]).toEqual(['2025-05-31', false, 7]);
  });
});
