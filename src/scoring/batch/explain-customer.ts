/** One customer's explanation at a date: the same snapshot, scoring and rendering as batch scoring, for one row. */
import { ChurnError } from '../../errors/index.js';
import { selectRows } from '../../features/index.js';
import type { Store } from '../../store/index.js';
import type { Assessment } from '../assess.js';
import type { Scorer } from '../scorer.js';
import { activeCustomers } from './score-customers.js';

/** A customer's assessment and the additivity gap of its explanation. */
export interface CustomerExplanation {
  modelId: string;
  snapshotDate: string;
  assessment: Assessment;
  /** base + Σ contributions − margin (≈ 0). */
  additivityGap: number;
}

/** Explains `customerId` at `at` (default: the newest data date); CHURN_ERR_NOT_FOUND when not active that day. */
export async function explainCustomer(
  store: Store,
  scorer: Scorer,
  customerId: string,
  options: { at?: string; topK?: number } = {},
): Promise<CustomerExplanation> {
  const { at, frame } = await activeCustomers(store, scorer, options.at);
  const row = frame.customerId.indexOf(customerId);
  if (row < 0)
    throw new ChurnError('CHURN_ERR_NOT_FOUND', `Customer ${customerId} has no active subscription on ${at}`, { customerId, at });
  const { rows, explanations } = scorer.assess(scorer.prepareFrame(selectRows(frame, [row])), { topK: options.topK });
  return { modelId: scorer.modelId, snapshotDate: at, assessment: rows[0], additivityGap: explanations.additivityGap(0) };
}
