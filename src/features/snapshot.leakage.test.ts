import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../test/helpers/stores.js';
import type { Store } from '../store/index.js';
import { frameToCsv } from './csv.js';
import { snapshotAt } from './snapshot.js';
import { type BusinessFixture, clearTables, insertTables } from './testing/fixture.js';
import { generatedTables } from './testing/generated.js';
import { futureChanges, mutateFuture } from './testing/mutate-future.js';
import { randomBusiness } from './testing/random-business.js';

afterAll(closeAllStores);

type Tables = BusinessFixture['rows'];
const cases: { data: string; tables: () => Promise<Tables>; cutoffs: string[] }[] = [
  {
    data: 'generated data',
    tables: () => generatedTables({ customers: 150, months: 8, seed: 5 }),
    cutoffs: ['2025-03-31', '2025-06-14'],
  },
  { data: 'edge-case fixture', tables: async () => randomBusiness(150, 7).rows, cutoffs: ['2025-02-28', '2025-05-15'] },
];

describe.each(engines.flatMap((e) => cases.map((c) => ({ ...e, ...c }))))(
  'snapshot on $name ($data) reads nothing dated after its cutoff',
  ({ name, open, tables, cutoffs }) => {
    let store: Store | undefined;
    let business: Tables;
    beforeAll(async () => {
      business = await tables();
    });
    const featuresCsv = async (rows: Tables, cutoff: string) => {
      store ??= await open();
      await clearTables(store);
      await insertTables(store, rows);
      const snap = await snapshotAt(store, cutoff, { horizonDays: 30 });
      return { csv: frameToCsv(snap.frame), rows: snap.frame.nRows };
    };

    for (const cutoff of cutoffs) {
      it(`is byte-identical at ${cutoff} after every future change (at once, and one by one on SQLite)`, async () => {
        const base = await featuresCsv(business, cutoff);
        expect(base.rows).toBeGreaterThan(50);
        // Every change at once on both engines; each change alone too on SQLite (it names the leaking table when one fails).
        const variants = [futureChanges, ...(name === 'sqlite' ? futureChanges.map((c) => [c]) : [])];
        for (const changes of variants) {
          const mutated = mutateFuture(business, cutoff, changes);
          expect(JSON.stringify(mutated), `${changes.join(' + ')} changes the data`).not.toBe(JSON.stringify(business));
          const changed = await featuresCsv(mutated, cutoff);
          expect(changed.csv, changes.join(' + ')).toBe(base.csv);
        }
      });
    }

    it('does change when a row dated on the cutoff day changes (the test can see leaks)', async () => {
      const cutoff = cutoffs[0];
      const base = await featuresCsv(business, cutoff);
      const copy = mutateFuture(business, cutoff, []);
      const onCutoff = copy.usage_daily.find((u) => u.activity_date === cutoff);
      expect(onCutoff).toBeDefined();
      Object.assign(onCutoff as object, { sessions: 77 });
      expect((await featuresCsv(copy, cutoff)).csv).not.toBe(base.csv);
    });
  },
);
