import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../test/helpers/stores.js';
import { openStore } from '../store/index.js';
import { matureCutoffs, monthlyCutoffs, planCutoffs } from './cutoffs.js';
import { dataRange } from './data-range.js';
import { HELPER_MIN_CUSTOMERS, helperThreadPays } from './parallel/snapshot-pool.js';
import { snapshotAt } from './snapshot.js';
import { randomBusiness } from './testing/random-business.js';
import { buildTrainingSet } from './training-set.js';
import { loadTrainingSet, saveTrainingSet } from './training-set-files.js';
import { splitTrainingSet } from './training-split.js';

afterAll(closeAllStores);
const range = { oldest: '2024-10-01', newest: '2025-07-31' };

describe('cutoff planning', () => {
  it('takes month ends from the first with 60 days of history to the last mature one', () => {
    expect(monthlyCutoffs(range, 30)).toEqual([
      '2024-11-30',
      '2024-12-31',
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
      '2025-05-31',
      '2025-06-30',
    ]);
    expect(monthlyCutoffs(range, 31).at(-1)).toBe('2025-06-30');
    expect(monthlyCutoffs(range, 32).at(-1)).toBe('2025-05-31');
  });

  it('holds out the latest cutoff and purges training cutoffs whose labels end after validation starts', () => {
    expect([...planCutoffs(['2025-01-31', '2025-02-28', '2025-03-31'], 1, 30)]).toEqual([
      ['2025-01-31', 'train'],
      ['2025-02-28', 'train'], // + 30 days = 2025-03-30, before 2025-03-31
      ['2025-03-31', 'validation'],
    ]);
    expect(planCutoffs(['2024-12-31', '2025-01-31', '2025-02-28'], 1, 30).get('2025-01-31')).toBe('purged'); // → 03-02
  });

  it('refuses to train on a cutoff later than a validation cutoff', () => {
    expect(() => planCutoffs(['2025-01-31', '2025-02-28', '2025-03-31'], ['2025-02-28'], 30)).toThrow(
      expect.objectContaining({ code: 'CHURN_ERR_LEAKAGE', context: { cutoff: '2025-03-31', validationCutoff: '2025-02-28' } }),
    );
  });

  it('refuses immature cutoffs and impossible validation counts', () => {
    expect(() => matureCutoffs(['2025-07-15'], range, 30)).toThrow(expect.objectContaining({ code: 'CHURN_ERR_LABEL_IMMATURE' }));
    expect(() => matureCutoffs(['2025-02-30'], range, 30)).toThrow(expect.objectContaining({ code: 'CHURN_ERR_PARAM' }));
    expect(() => planCutoffs(['2025-01-31'], 1, 30)).toThrow(expect.objectContaining({ code: 'CHURN_ERR_PARAM' }));
  });
});

describe('training set', () => {
  it('starts the snapshot helper thread only where it pays, unless told', () => {
    expect(helperThreadPays(HELPER_MIN_CUSTOMERS - 1)).toBe(false);
    expect(helperThreadPays(HELPER_MIN_CUSTOMERS)).toBe(true);
    expect(helperThreadPays(5_000)).toBe(true); // npm start's default business
    expect(helperThreadPays(80, true)).toBe(true);
    expect(helperThreadPays(100_000, false)).toBe(false);
  });

  it('is the same whether two snapshots run at once (helper thread on a SQLite file) or one at a time', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'churn-features-'));
    const store = await openStore(path.join(dir, 'churn.db'));
    try {
      await randomBusiness(80, 8).insert(store);
      const options = { cutoffs: ['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31'], horizonDays: 30 };
      const seen: string[] = [];
      const together = await buildTrainingSet(store, { ...options, parallel: true, onSnapshot: (_, __, c) => seen.push(c) });
      const alone = await buildTrainingSet(store, { ...options, parallel: false });
      expect(together).toEqual(alone);
      expect(seen.sort()).toEqual(options.cutoffs);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stacks mature monthly snapshots, marks the last one as validation, and round-trips through both files', async () => {
    const store = await engines[0].open();
    await randomBusiness(120, 5).insert(store);
    const set = await buildTrainingSet(store, { monthly: true, horizonDays: 30, validationCutoffs: 2 });
    const { oldest } = await dataRange(store);
    expect(oldest).toBe('2024-10-02'); // the first signup: 2024-11-30 has 59 days of history, one short of 60
    expect(set.cutoffs.map((c) => `${c.cutoff} ${c.role}`)).toEqual([
      '2024-12-31 train',
      '2025-01-31 train',
      '2025-02-28 train',
      '2025-03-31 train',
      '2025-04-30 train',
      '2025-05-31 validation',
      '2025-06-30 validation',
    ]);
    const last = await snapshotAt(store, '2025-06-30');
    const summary = set.cutoffs.at(-1);
    expect(summary?.rows).toBe(last.frame.nRows);
    expect(summary?.churned).toBe(last.label.reduce((s, v) => s + v, 0));
    expect(set.frame.nRows).toBe(set.cutoffs.reduce((n, c) => n + c.rows, 0));
    expect(set.isValidation.reduce((n, v) => n + v, 0)).toBe(set.cutoffs.slice(-2).reduce((n, c) => n + c.rows, 0));
    expect(set.frame.cutoff.at(-1)).toBe('2025-06-30');
    const { train, validation } = splitTrainingSet(set);
    expect(new Set(validation.frame.cutoff)).toEqual(new Set(['2025-05-31', '2025-06-30']));
    expect(train.frame.nRows + validation.frame.nRows).toBe(set.frame.nRows);
    expect(validation.label.reduce((n, v) => n + v, 0)).toBe(set.cutoffs.slice(-2).reduce((n, c) => n + c.churned, 0));

    const dir = mkdtempSync(path.join(tmpdir(), 'churn-features-'));
    try {
      const files = saveTrainingSet(dir, set);
      const back = loadTrainingSet(dir);
      expect(back).toEqual(set);
      const csv = readFileSync(files.csv, 'utf8').split('\n');
      expect(csv[0].startsWith('customer_id,cutoff,total_sessions_7d,')).toBe(true);
      expect(csv[0].endsWith(',churned,split')).toBe(true);
      expect(csv.length).toBe(set.frame.nRows + 2); // header + rows + final newline
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
