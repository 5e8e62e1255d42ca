/** Deterministic experiment arms: a hash of experiment and customer decides, so re-runs and other machines agree. */
import { createHash } from 'node:crypto';
import { ChurnError } from '../../errors/index.js';

/** The two arms of a retention experiment. */
export type Arm = 'treatment' | 'control';

/** A uniform number in [0, 1) from sha256(experimentId NUL customerId): its first 48 bits over 2^48. */
export function assignmentUniform(customerId: string, experimentId: string): number {
  // The NUL separator keeps ("ab", "c") and ("a", "bc") apart.
  const digest = createHash('sha256').update(`${experimentId}\u0000${customerId}`).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/** The arm of a customer in an experiment: treatment when the customer's uniform falls below `treatmentShare`. */
export function assignArm(customerId: string, experimentId: string, treatmentShare: number): Arm {
  if (!(treatmentShare >= 0 && treatmentShare <= 1)) {
    throw new ChurnError('CHURN_ERR_PARAM', `treatmentShare must be in [0, 1], got ${treatmentShare}`, {
      field: 'treatmentShare',
      value: treatmentShare,
    });
  }
  return assignmentUniform(customerId, experimentId) < treatmentShare ? 'treatment' : 'control';
}
