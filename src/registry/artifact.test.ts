import { describe, expect, it } from 'vitest';
import { isChurnError } from '../errors/index.js';
import { decodeArtifact, encodeArtifact } from './codec.js';
import { createArtifact } from './create-artifact.js';
import { assertFeatureContract, featureContractHash } from './feature-contract.js';
import { sampleDraft } from './sample-draft.test-support.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return isChurnError(e) ? `${e.code}: ${e.message}` : `not a ChurnError: ${(e as Error).message}`;
  }
  return 'no error';
};

describe('model artifact', () => {
  it('is byte-identical and keeps its id when built twice from the same training', () => {
    const a = encodeArtifact(createArtifact(sampleDraft(1)));
    const b = encodeArtifact(createArtifact(sampleDraft(1)));
    expect(a).toBe(b);
    expect(JSON.parse(a).modelId).toMatch(/^m-[0-9a-f]{12}$/);
    expect(createArtifact(sampleDraft(2)).modelId).not.toBe(createArtifact(sampleDraft(1)).modelId);
  });

  it('does not depend on the key order the pipeline built the objects in', () => {
    const draft = sampleDraft(1);
    const reordered = { ...Object.fromEntries(Object.entries(draft).reverse()) } as typeof draft;
    expect(encodeArtifact(createArtifact(reordered))).toBe(encodeArtifact(createArtifact(draft)));
  });

  it('round-trips typed arrays bit-exactly, NaN and denormal-range values included', () => {
    const artifact = createArtifact(sampleDraft(3));
    const back = decodeArtifact(encodeArtifact(artifact));
    const coef = (back.estimator.state as { coef: Float64Array }).coef;
    expect(coef).toBeInstanceOf(Float64Array);
    expect(Array.from(coef)).toEqual([0.30000000000000004, -0.7, Number.NaN, 1e-300]);
    expect((back.preprocessing as { scale: Float32Array }).scale).toEqual(new Float32Array([3.5, 1.25]));
    expect(back).toEqual(artifact);
  });

  it('refuses a hand-edited file with CHURN_ERR_ARTIFACT (content hash)', () => {
    const text = encodeArtifact(createArtifact(sampleDraft(1))).replace('"value": 0.31', '"value": 0.2');
    expect(codeOf(() => decodeArtifact(text, 'm.json'))).toMatch(/^CHURN_ERR_ARTIFACT: m.json does not match its content hash/);
  });

  it('refuses a truncated file, a newer format and a non-artifact with named errors', () => {
    const text = encodeArtifact(createArtifact(sampleDraft(1)));
    expect(codeOf(() => decodeArtifact(text.slice(0, 500), 'm.json'))).toMatch(/^CHURN_ERR_ARTIFACT: m.json is not valid JSON/);
    expect(codeOf(() => decodeArtifact(text.replace('"formatVersion": 1', '"formatVersion": 2'), 'm.json'))).toMatch(
      /format version 2, newer than this churnlab reads \(1\); upgrade churnlab/,
    );
    expect(codeOf(() => decodeArtifact('{"a":1}', 'm.json'))).toMatch(/not a churnlab model artifact/);
  });

  it('names the bad field, and asks for null instead of NaN metrics', () => {
    const draft = sampleDraft(1);
    draft.candidates[1].metrics.precision = Number.NaN;
    expect(codeOf(() => createArtifact(draft))).toMatch(/field \/candidates\/1\/metrics\/precision: .*NaN \(use null/);
    const draft2 = sampleDraft(1);
    draft2.riskBuckets.cuts = [0.5, 0.25, 0.75];
    expect(codeOf(() => createArtifact(draft2))).toMatch(/riskBuckets.cuts must increase/);
  });

  it('refuses exactly-one-selected violations and an estimator that is not the selected family', () => {
    const none = sampleDraft(1);
    none.candidates[0].selected = false;
    expect(codeOf(() => createArtifact(none))).toMatch(/exactly one candidate must be selected \(found 0\)/);
    const wrong = sampleDraft(1);
    wrong.estimator.family = 'cart';
    expect(codeOf(() => createArtifact(wrong))).toMatch(/the estimator is cart but the selected candidate is logistic/);
  });

  it('refuses training cutoffs that are not before the validation cutoffs as leakage', () => {
    const draft = sampleDraft(1);
    draft.training.cutoffs = { train: ['2025-03-31', '2025-08-31'], validation: ['2025-07-31'] };
    expect(codeOf(() => createArtifact(draft))).toMatch(
      /^CHURN_ERR_LEAKAGE: .*training cutoff 2025-08-31 is not before validation cutoff 2025-07-31/,
    );
  });

  it('refuses a model whose feature contract differs from the running code, naming the features', () => {
    const artifact = createArtifact(sampleDraft(1));
    const same = { recipeVersion: 'derived-v1', inputs: [...artifact.features.inputs].reverse() };
    expect(() => assertFeatureContract(artifact, same)).not.toThrow();
    const changed = {
      recipeVersion: 'derived-v2',
      inputs: [
        { name: 'total_sessions_30d', type: 'numeric' as const },
        { name: 'plan_type', type: 'numeric' as const },
        { name: 'tenure_days', type: 'numeric' as const },
      ],
    };
    expect(codeOf(() => assertFeatureContract(artifact, changed))).toBe(
      `CHURN_ERR_ARTIFACT: Model ${artifact.modelId} was trained on another feature contract than this churnlab build provides` +
        ' (recipe derived-v1 (model) vs derived-v2 (running code); unknown to the running code: failed_payments_30d;' +
        ' new in the running code: tenure_days; type changed: plan_type). Retrain the model with this version, or run the version that trained it (0.1.0).',
    );
  });

  it('holds several named importance lists with method and sample, and still reads artifacts written without them', () => {
    const older = createArtifact(sampleDraft(1));
    expect(older.importances).toBeUndefined();
    expect(decodeArtifact(encodeArtifact(older))).toEqual(older);
    const draft = sampleDraft(1);
    const values = [{ feature: 'failed_payments_30d', value: 0.7 }];
    draft.importances = [
      { name: 'mean_abs_shap', method: 'mean |SHAP| (log-odds)', sample: { rows: 1000, from: 'out-of-time validation' }, values },
      { name: 'permutation', method: 'ROC-AUC drop', sample: { rows: 3564, from: 'out-of-time validation' }, values },
      { name: 'native', method: '|coefficient| (standardised inputs)', sample: null, values },
    ];
    const back = decodeArtifact(encodeArtifact(createArtifact(draft)));
    expect(back.importances?.map((i) => [i.name, i.sample?.rows ?? null])).toEqual([
      ['mean_abs_shap', 1000],
      ['permutation', 3564],
      ['native', null],
    ]);
    expect(back.modelId).not.toBe(older.modelId);
    draft.importances.push({ ...draft.importances[1] });
    expect(codeOf(() => createArtifact(draft))).toMatch(
      /importances names each measure once \(got mean_abs_shap, permutation, native, permutation\)/,
    );
    const unknown = sampleDraft(1);
    unknown.importances = [{ name: 'gain' as 'native', method: 'gain', sample: null, values }];
    expect(codeOf(() => createArtifact(unknown))).toMatch(/^CHURN_ERR_ARTIFACT: .*field \/importances\/0\/name/);
  });

  it('hashes the feature contract independently of fitted categories', () => {
    const inputs = sampleDraft(1).features.inputs;
    const noCategories = inputs.map(({ categories: _c, ...rest }) => rest);
    expect(featureContractHash({ recipeVersion: 'v', inputs })).toBe(
      featureContractHash({ recipeVersion: 'v', inputs: noCategories }),
    );
  });
});
