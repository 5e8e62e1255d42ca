import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../../test/helpers/stores.js';
import type { Store } from '../../store/index.js';
import { tempProject } from '../testing/business.js';
import { type TableTrainResult, trainTable } from './train-table.js';

afterAll(closeAllStores);

describe('churn train --table on the public Telco table, as is', () => {
  let result: TableTrainResult;
  let store: Store;

  beforeAll(async () => {
    store = await engines[0].open();
    result = await trainTable(store, tempProject(), '/work/shared/datasets/telco-customer-churn.csv', {
      target: 'Churn',
      id: 'customerID',
      models: 'lr',
      codeVersion: 'test',
      writeFiles: false,
    });
  }, 60_000);

  it('infers 19 features (TotalCharges numeric with its blanks missing) and keeps customerID as the id', () => {
    const a = result.artifact;
    expect(a.source).toBe('table');
    expect(a.features.idColumn).toBe('customerID');
    expect(a.features.inputs).toHaveLength(19);
    expect(a.features.inputs.find((f) => f.name === 'TotalCharges')).toEqual({
      name: 'TotalCharges',
      type: 'numeric',
      required: false,
    });
    expect(a.features.inputs.find((f) => f.name === 'Partner')).toMatchObject({ type: 'boolean', categories: ['No', 'Yes'] });
    expect(a.training).toMatchObject({
      folds: { k: 5, stratified: true, seed: 42 },
      rows: { train: 7043, validation: 7043 },
      positives: { train: 1869, validation: 1869 },
      tableFile: 'telco-customer-churn.csv',
      target: { column: 'Churn', positive: 'Yes' },
      cutoffs: null,
    });
  });

  it('reaches the Python stack’s logistic regression (5-fold ROC-AUC 0.845) with out-of-fold predictions', () => {
    const m = result.artifact.candidates[0].metrics;
    expect(m.rocAuc).toBeGreaterThan(0.84);
    expect(m.prAuc).toBeGreaterThan(0.64);
    expect(m.confusion.tp + m.confusion.fp + m.confusion.tn + m.confusion.fn).toBe(7043);
  });

  it('registers the model with the table’s schema and promotes it', async () => {
    expect(result.version?.status).toBe('champion');
    expect(result.version?.source).toBe('table');
  });
});
