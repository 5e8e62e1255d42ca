/** The segment archetypes: a name, the behaviour family that earns it, and in which direction. */
import type { SignalFamily } from './signals.js';

/** One archetype. A segment qualifies when sign × family signal ≥ the threshold (and, if asked, churn is low). */
export interface Archetype {
  name: string;
  family: SignalFamily;
  sign: 1 | -1;
  /** Also requires the churn rate at or below ('low') or above ('high') the overall churn rate. */
  churn?: 'low' | 'high';
  /** Why the name fits, for the rationale: "failed payments well above average". */
  meaning: string;
}

/** In order of precedence when two archetypes fit a segment equally well. */
export const archetypes: readonly Archetype[] = [
  { name: 'billing-troubled', family: 'billing', sign: 1, meaning: 'failed payments above average' },
  { name: 'support-heavy', family: 'support', sign: 1, meaning: 'support tickets and crashes above average' },
  { name: 'fading viewers', family: 'fading', sign: 1, meaning: 'usage falling or stopped' },
  { name: 'new & exploring', family: 'tenure', sign: -1, meaning: 'tenure below average' },
  { name: 'price-sensitive', family: 'price', sign: 1, meaning: 'discounts and downgrades above average' },
  {
    name: 'engaged loyalists',
    family: 'engagement',
    sign: 1,
    churn: 'low',
    meaning: 'usage above average with churn at or below average',
  },
  {
    name: 'heavy users at risk',
    family: 'engagement',
    sign: 1,
    churn: 'high',
    meaning: 'usage above average yet churn above average',
  },
  { name: 'light users', family: 'engagement', sign: -1, meaning: 'usage below average' },
];

/** The name of a segment no archetype fits. */
export const mainstreamName = 'steady mainstream';
