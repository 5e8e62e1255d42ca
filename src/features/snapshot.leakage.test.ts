import { afterAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../test/helpers/stores.js';
import type { Store } from '../store/index.js';
import { frameToCsv } from './csv.js';
import { snapshotAt } from './snapshot.js';
import { clearTables, insertTables } from './testing/fixture.js';
import { futureChanges, mutateFuture } from './testing/mutate-future.js';
import { randomBusiness } from './testing/random-business.js';

afterAll(closeAllStores);

const business = randomBusiness(150, 7);
const cutoffs = ['2025-02-28', '2025-05-15'];

describe.each(engines)('snapshot on $name reads nothing dated after its cutoff', ({ open }) => {
  let store: Store | undefined;
  const featuresCsv = async (tables: typeof business.rows, cutoff: string) => {
    store ??= await open();
    await clearTables(store);
    await insertTables(store, tables);
    const snap = await snapshotAt(store, cutoff, { horizonDays: 30 });
    return { csv: frameToCsv(snap.frame), rows: snap.frame.nRows };
  };

  for (const cutoff of cutoffs) {
    it(`is byte-identical at ${cutoff} after every future change at once and each on its own`, async () => {
      const base = await featuresCsv(business.rows, cutoff);
      expect(base.rows).toBeGreaterThan(50);
      const variants = [futureChanges, ...futureChanges.map((c) => [c])];
      for (const changes of variants) {
        const mutated = mutateFuture(business.rows, cutoff, changes);
        expect(JSON.stringify(mutated), `${changes.join(' + ')} changes the data`).not.toBe(JSON.stringify(business.rows));
        const changed = await featuresCsv(mutated, cutoff);
        expect(changed.csv, changes.join(' + ')).toBe(base.csv);
      }
    });
  }

  it('does change when a row dated on the cutoff day changes (the test can see leaks)', async () => {
    const cutoff = cutoffs[0];
    const base = await featuresCsv(business.rows, cutoff);
    const tables = mutateFuture(business.rows, cutoff, []);
    const onCutoff = tables.usage_daily.find((u) => u.activity_date === cutoff);
    expect(onCutoff).toBeDefined();
    Object.assign(onCutoff as object, { sessions: 77 });
    expect((await featuresCsv(tables, cutoff)).csv).not.toBe(base.csv);
  });
});
