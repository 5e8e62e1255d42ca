/** Artifact validation: the schema, then the rules a schema cannot say (one selected candidate, ordered cutoffs, …). */
import { Value } from '@sinclair/typebox/value';
import { ChurnError } from '../errors/index.js';
import { featureContractHash } from './feature-contract.js';
import { type ModelArtifact, ModelArtifactSchema } from './schema/artifact.js';

const fail = (origin: string, problem: string, context: Record<string, unknown> = {}): never => {
  throw new ChurnError('CHURN_ERR_ARTIFACT', `${origin}: ${problem}`, { origin, ...context });
};

/**
 * Checks a value against the artifact schema and the cross-field rules; returns it typed.
 * Throws CHURN_ERR_ARTIFACT naming the first bad field, or CHURN_ERR_LEAKAGE when a training
 * cutoff is not strictly before every validation cutoff. `origin` names the file or caller in messages.
 */
export function validateArtifact(value: unknown, origin = 'model artifact'): ModelArtifact {
  const first = Value.Errors(ModelArtifactSchema, value).First();
  if (first) {
    const where = first.path || '(root)';
    const shown =
      typeof first.value === 'number' && Number.isNaN(first.value) ? 'NaN (use null for undefined metrics)' : first.value;
    fail(origin, `field ${where}: ${first.message} (got ${JSON.stringify(shown)?.slice(0, 80)})`, { field: where });
  }
  const a = value as ModelArtifact;
  checkSemantics(a, origin);
  return a;
}

function checkSemantics(a: ModelArtifact, origin: string): void {
  const selected = a.candidates.filter((c) => c.selected);
  if (selected.length !== 1) fail(origin, `exactly one candidate must be selected (found ${selected.length})`);
  const names = new Set(a.candidates.map((c) => c.name));
  if (names.size !== a.candidates.length) fail(origin, 'candidate names must be unique');
  const chosen = selected[0];
  if (a.selection.chosen !== chosen.name)
    fail(origin, `selection.chosen is "${a.selection.chosen}" but the selected candidate is "${chosen.name}"`);
  if (chosen.family !== a.estimator.family)
    fail(origin, `the estimator is ${a.estimator.family} but the selected candidate is ${chosen.family}`);
  if (a.estimator.state === null || typeof a.estimator.state !== 'object') fail(origin, 'estimator.state must be an object');
  if (a.preprocessing === undefined) fail(origin, 'preprocessing is missing (use null when there is none)');
  if (a.baseline === undefined) fail(origin, 'baseline is missing (use null until monitoring fills it)');

  const { cuts, labels } = a.riskBuckets;
  if (labels.length !== cuts.length + 1) fail(origin, `riskBuckets needs ${cuts.length + 1} labels for ${cuts.length} cuts`);
  for (let i = 1; i < cuts.length; i++)
    if (!(cuts[i] > cuts[i - 1])) fail(origin, `riskBuckets.cuts must increase (${cuts.join(', ')})`);

  const measures = (a.importances ?? []).map((i) => i.name);
  if (new Set(measures).size !== measures.length)
    fail(origin, `importances names each measure once (got ${measures.join(', ')})`);
  if (a.features.contractHash !== featureContractHash(a.features))
    fail(origin, 'features.contractHash does not match the feature schema it describes');
  checkTraining(a, origin);
  checkCurves(a, origin);
}

function checkTraining(a: ModelArtifact, origin: string): void {
  const t = a.training;
  if (a.source === 'snapshots') {
    if (!t.cutoffs || t.horizonDays === null) fail(origin, 'a snapshots model must record its cutoffs and horizon');
    const lastTrain = [...t.cutoffs!.train].sort().at(-1)!;
    const firstValidation = [...t.cutoffs!.validation].sort()[0];
    if (lastTrain >= firstValidation)
      throw new ChurnError(
        'CHURN_ERR_LEAKAGE',
        `${origin}: training cutoff ${lastTrain} is not before validation cutoff ${firstValidation}; out-of-time validation must not train on the future`,
        { origin, lastTrainCutoff: lastTrain, firstValidationCutoff: firstValidation },
      );
  } else if (!t.folds) fail(origin, 'a table model must record its cross-validation folds');
  if (t.positives.train > t.rows.train || t.positives.validation > t.rows.validation)
    fail(origin, 'training.positives cannot exceed training.rows');
}

function checkCurves(a: ModelArtifact, origin: string): void {
  const same = (name: string, ...arrays: unknown[][]) => {
    if (arrays.some((x) => x.length !== arrays[0].length)) fail(origin, `${name} arrays must have equal lengths`);
  };
  const c = a.curves;
  same('curves.roc', c.roc.x, c.roc.y);
  same('curves.pr', c.pr.x, c.pr.y);
  same('curves.calibration', c.calibration.predicted, c.calibration.observed, c.calibration.count);
  same('curves.threshold', c.threshold.threshold, c.threshold.precision, c.threshold.recall, c.threshold.f1);
  for (const cand of a.candidates)
    if (cand.curves) {
      same(`curves of ${cand.name} (roc)`, cand.curves.roc.x, cand.curves.roc.y);
      same(`curves of ${cand.name} (pr)`, cand.curves.pr.x, cand.curves.pr.y);
    }
}
