/** The training-data fingerprint of a run: a SHA-256 over exactly the rows and columns the candidates learned from. */
import { dataFingerprint, type FingerprintPart } from '../registry/index.js';
import type { LearningData } from './candidate.js';

/** Keys (customer, cutoff), every model-feature column in input order, the labels, then `extra` (e.g. validation flags). */
export function frameFingerprint(data: LearningData, extra: FingerprintPart[] = []): string {
  const parts: FingerprintPart[] = [data.frame.customerId.join('\n'), data.frame.cutoff.join('\n')];
  for (const f of data.features) {
    const c = data.frame.columns[f.name];
    parts.push(f.name, c instanceof Float64Array ? c : JSON.stringify(c));
  }
  return dataFingerprint([...parts, data.label, ...extra]);
}
