/** Summing contributions of encoded columns (one-hot pieces) back to the business feature they came from. */
import { ChurnError } from '../../errors/index.js';

/** Encoded column name → original feature name; a map lookup (absent names map to themselves) or a function. */
export type EncodedToOriginal = Readonly<Record<string, string>> | ((encodedName: string) => string);

/** Original features in order of first appearance, and for each encoded column the position of its feature. */
export interface FeatureGroups {
  names: string[];
  groupOf: Int32Array;
}

/** The default mapping: a one-hot piece `plan_type=Premium` belongs to `plan_type`; other names to themselves. */
export function oneHotOriginal(encodedName: string): string {
  const eq = encodedName.indexOf('=');
  return eq > 0 ? encodedName.slice(0, eq) : encodedName;
}

/** Groups encoded columns by original feature, once per model, so many rows can be aggregated without string work. */
export function groupEncodedFeatures(encodedNames: readonly string[], encodedToOriginal: EncodedToOriginal): FeatureGroups {
  const lookup =
    typeof encodedToOriginal === 'function'
      ? encodedToOriginal
      : (n: string) => (Object.hasOwn(encodedToOriginal, n) ? encodedToOriginal[n] : n);
  const position = new Map<string, number>();
  const names: string[] = [];
  const groupOf = new Int32Array(encodedNames.length);
  encodedNames.forEach((encoded, j) => {
    const original = lookup(encoded);
    let g = position.get(original);
    if (g === undefined) {
      g = names.length;
      position.set(original, g);
      names.push(original);
    }
    groupOf[j] = g;
  });
  return { names, groupOf };
}

/**
 * Sums one row of encoded contributions per original feature, in encoded column order, so each original's
 * contribution is exactly the sum of its pieces and the row total is unchanged up to float re-association.
 */
export function aggregateContributions(
  encodedNames: readonly string[],
  contributions: ArrayLike<number>,
  encodedToOriginal: EncodedToOriginal,
): { names: string[]; contributions: Float64Array } {
  const groups = groupEncodedFeatures(encodedNames, encodedToOriginal);
  return { names: groups.names, contributions: aggregateContributionRows(groups, contributions, 1) };
}

/** Aggregates `nRows` row-major rows of encoded contributions → row-major rows over `groups.names`. */
export function aggregateContributionRows(groups: FeatureGroups, rows: ArrayLike<number>, nRows: number): Float64Array {
  const width = groups.groupOf.length;
  if (rows.length !== width * nRows) {
    throw new ChurnError(
      'CHURN_ERR_SHAPE',
      `Expected ${nRows} × ${width} = ${width * nRows} contributions (one per encoded column), got ${rows.length}`,
      { expected: width * nRows, got: rows.length, encodedColumns: width, rows: nRows },
    );
  }
  const k = groups.names.length;
  const out = new Float64Array(nRows * k);
  for (let r = 0; r < nRows; r++) {
    const src = r * width;
    const dst = r * k;
    for (let j = 0; j < width; j++) out[dst + groups.groupOf[j]] += rows[src + j];
  }
  return out;
}
