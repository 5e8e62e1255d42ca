/** The original system's field names that are not model inputs: `location` is today's `region`; `gender` is accepted, never used. */

/** Fields accepted for compatibility with the original system's requests. */
export const legacyOnlyFields = ['gender', 'location'] as const;

/**
 * A copy of `record` the feature validation understands: `location` becomes `region` (unless region is given) and
 * `gender` is dropped — churnlab does not score on gender. Records without these fields are returned as they are.
 */
export function normaliseLegacy(record: unknown): unknown {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return record;
  const r = record as Record<string, unknown>;
  if (!('gender' in r) && !('location' in r)) return record;
  const { gender: _gender, location, ...rest } = r;
  if (location !== undefined && rest.region === undefined) rest.region = location;
  return rest;
}
