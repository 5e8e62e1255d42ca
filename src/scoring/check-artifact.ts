/** Refusing, before any row is scored, an artifact this build cannot apply faithfully. */
import { ChurnError } from '../errors/index.js';
import type { Preprocessor } from '../features/index.js';
import { assertFeatureContract, type ModelArtifact } from '../registry/index.js';
import { runningContract } from './running-contract.js';

/**
 * Checks the feature contract (CHURN_ERR_ARTIFACT naming what differs) and that the preprocessing is one this build
 * applies, producing exactly the estimator's input columns. Returns the preprocessing.
 */
export function checkArtifact(artifact: ModelArtifact): Preprocessor {
  assertFeatureContract(artifact, runningContract(artifact));
  const pre = artifact.preprocessing as Preprocessor | null;
  const fail = (why: string) =>
    new ChurnError('CHURN_ERR_ARTIFACT', `Model ${artifact.modelId}: ${why}`, { modelId: artifact.modelId });
  if (typeof pre !== 'object' || pre === null || pre.version !== 1 || !Array.isArray(pre.steps) || !Array.isArray(pre.columns))
    throw fail('preprocessing is not a version-1 fitted preprocessor of src/features');
  const expected = artifact.features.modelInputs.map((c) => c.name);
  const produced = pre.columns.map((c) => c.name);
  const differs = produced.findIndex((name, j) => name !== expected[j]);
  if (produced.length !== expected.length || differs >= 0)
    throw fail(
      `preprocessing produces ${produced.length} columns but features.modelInputs lists ${expected.length}` +
        (differs >= 0 ? ` (column ${differs}: ${produced[differs]} vs ${expected[differs]})` : ''),
    );
  return pre;
}
