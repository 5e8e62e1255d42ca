/** Hyper-parameters of logistic regression: defaults as in scikit-learn, checked once through params.ts. */

import { MlParamError } from '../errors.js';
import { bool, custom, int, num, oneOf, type ParamRules, resolveParams } from '../params.js';

/** Explicit class weights: every row's weight is multiplied by the weight of its class. */
export interface ClassWeights {
  negative: number;
  positive: number;
}

/** Logistic-regression hyper-parameters. */
export interface LogisticParams {
  /** Inverse regularisation strength, as in scikit-learn: the penalty is (1/C)·R(w); the intercept is never penalised. */
  C: number;
  /** 'l2': R = ½‖w‖²; 'l1': R = ‖w‖₁; 'elasticnet': R = l1Ratio·‖w‖₁ + (1−l1Ratio)/2·‖w‖². */
  penalty: 'l2' | 'l1' | 'elasticnet';
  /** Mix of L1 in the elastic-net penalty, in [0, 1]. */
  l1Ratio: number;
  fitIntercept: boolean;
  /** 'balanced' weights each class by n / (2·count), as scikit-learn; or explicit weights; undefined = 1. */
  classWeight?: 'balanced' | ClassWeights;
  /**
   * 'newton': (proximal) Newton with a Cholesky solve, exact Hessian — few passes, cost ∝ n·p² per pass.
   * 'lbfgs': quasi-Newton on internally standardised features, cost ∝ n·p per pass (L2 only).
   * 'auto': newton up to 200 features or whenever an L1 term is present, else lbfgs.
   */
  solver: 'auto' | 'newton' | 'lbfgs';
  maxIter: number;
  /** Stop when max |∂objective/∂β| / (sum of weights) ≤ tol. */
  tol: number;
}

/** scikit-learn's defaults, with a tighter tolerance (Newton converges quadratically, so it costs one pass). */
export const logisticDefaults: LogisticParams = {
  C: 1,
  penalty: 'l2',
  l1Ratio: 0.5,
  fitIntercept: true,
  classWeight: undefined,
  solver: 'auto',
  maxIter: 100,
  tol: 1e-8,
};

const isClassWeight = (v: unknown): string | undefined => {
  if (v === 'balanced') return undefined;
  const w = v as Partial<ClassWeights> | null;
  const ok = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x > 0;
  return typeof w === 'object' && w !== null && ok(w.negative) && ok(w.positive) && Object.keys(w).length === 2
    ? undefined
    : "must be 'balanced' or { negative, positive } with finite weights > 0";
};

const rules: ParamRules<LogisticParams> = {
  C: num({ min: 0, minExclusive: true }),
  penalty: oneOf('l2', 'l1', 'elasticnet'),
  l1Ratio: num({ min: 0, max: 1 }),
  fitIntercept: bool(),
  classWeight: custom(isClassWeight),
  solver: oneOf('auto', 'newton', 'lbfgs'),
  maxIter: int({ min: 1 }),
  tol: num({ min: 0, minExclusive: true }),
};

/** Defaults merged with `given`, validated; throws MlParamError naming the bad value. */
export function resolveLogisticParams(given?: Partial<LogisticParams>): LogisticParams {
  const p = resolveParams('logistic', logisticDefaults, given, rules);
  if (p.solver === 'lbfgs' && p.penalty !== 'l2')
    throw new MlParamError(
      'logistic',
      'solver',
      p.solver,
      `supports penalty 'l2' only (use 'newton' for penalty '${p.penalty}')`,
    );
  return p;
}
