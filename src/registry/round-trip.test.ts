import { describe, expect, it } from 'vitest';
import { type ClassifierModel, fitLogistic, type Matrix, predictProba, rng } from '../ml/index.js';
import { decodeArtifact, encodeArtifact } from './codec.js';
import { createArtifact } from './create-artifact.js';
import { sampleDraft } from './sample-draft.test-support.js';

describe('artifact round trip with a real src/ml model', () => {
  it('gives bit-identical probabilities after save and load', () => {
    const random = rng(11);
    const n = 2000;
    const a = Float64Array.from({ length: n }, () => random() * 4 - 2);
    const b = Float64Array.from({ length: n }, () => random());
    const y = Uint8Array.from(a, (v, i) => (v + b[i] + random() > 1.2 ? 1 : 0));
    const X: Matrix = { nRows: n, columns: [a, b] };
    const model = fitLogistic(X, y, { C: 1 });
    const draft = sampleDraft(1);
    draft.estimator.state = model;
    const loaded = decodeArtifact(encodeArtifact(createArtifact(draft))).estimator.state as ClassifierModel;
    const before = predictProba(model, X);
    const after = predictProba(loaded, X);
    expect(Buffer.from(after.buffer).equals(Buffer.from(before.buffer))).toBe(true);
    expect(after.length).toBe(n);
  });
});
