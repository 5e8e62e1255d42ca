/** Logistic regression as a candidate: L2 penalty, strength C searched, optionally class-balanced. */
import { fitLogistic } from '../../ml/index.js';
import { balancedWeights, type EstimatorSpec, num, str } from './spec.js';

/**
 * Imbalance: searched between none and 'balanced'. Unweighted L2 logistic regression keeps its probabilities calibrated
 * and the tuned threshold handles the 4 % base rate; balancing shifts the intercept and can help when the penalty is strong.
 */
export const logisticSpec: EstimatorSpec = {
  family: 'logistic',
  mode: 'linear',
  imbalance: "class weights searched: none or 'balanced' (n / (2 · class count))",
  grid: () => [
    { C: 1, classWeight: 'none' },
    { C: 0.1, classWeight: 'none' },
    { C: 1, classWeight: 'balanced' },
    { C: 0.01, classWeight: 'none' },
  ],
  // Newton: about 5 passes at tolerance 1e-4, each n·p² for the Hessian plus n·p for the gradient (constants measured on
  // the 2-core machine).
  estimateSeconds: (_c, n, p) => 0.05 + 5 * n * p * (p * 4e-10 + 4e-9),
  fit(X, y, config, context) {
    const weights = str(config, 'classWeight') === 'balanced' ? balancedWeights(y, context.positives) : undefined;
    const model = fitLogistic(X, y, { C: num(config, 'C'), penalty: 'l2', maxIter: 200, tol: 1e-4 }, weights);
    return { model, config };
  },
};
