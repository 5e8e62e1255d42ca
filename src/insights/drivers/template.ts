/** The shape of one entry of the driver catalogue: a feature-name pattern and how to say its value in words. */
import type { FeatureValue } from '../types.js';
import type { ParsedFeatureName } from './feature-name.js';

/** What a template sees when it renders one customer's value. */
export interface FactInput {
  feature: ParsedFeatureName;
  /** Named groups of the template's pattern (e.g. a ticket category). */
  groups: Record<string, string>;
  /** The value as a number (booleans as 0/1, `log1p_` undone); null when it is not numeric. */
  num: number | null;
  /** The value as text (categories); null when missing. */
  text: string | null;
  /** The customer's other feature values, for context ("mean resolution 52 h"). */
  features: Record<string, FeatureValue>;
  /** Currency symbol put before amounts ('' by default). */
  currency: string;
}

/** One catalogue entry. `kind` says which value the template needs; any other value falls to the generic sentence. */
export interface DriverTemplate {
  id: string;
  /** Matched against the base name (window, `log1p_` and category removed). */
  pattern: RegExp;
  kind: 'number' | 'category' | 'flag';
  /** The fact in business words, with the customer's own value. */
  render(input: FactInput & { num: number; text: string }): string;
  /** The fact when the value is missing (e.g. "no failed payment on record"). */
  missing?(input: FactInput): string;
}

/** Reads the first numeric value among `names` from the customer's features. */
export function numberAmong(features: Record<string, FeatureValue>, names: string[]): number | undefined {
  for (const n of names) {
    const v = features[n];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return undefined;
}

/** Reads the first text value among `names` from the customer's features. */
export function textAmong(features: Record<string, FeatureValue>, names: string[]): string | undefined {
  for (const n of names) {
    const v = features[n];
    if (typeof v === 'string' && v !== '') return v;
  }
  return undefined;
}
