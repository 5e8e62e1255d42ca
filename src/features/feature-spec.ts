/** What the feature catalogue records about one feature: its name, type, unit, window and business meaning. */

/** How a feature is encoded: a number, a 0/1 flag, or a category label. */
export type FeatureType = 'numeric' | 'boolean' | 'categorical';

/** The business area a feature describes. */
export type FeatureGroup = 'usage' | 'billing' | 'support' | 'subscription' | 'customer' | 'derived';

/** One entry of the feature catalogue. */
export interface FeatureSpec {
  /** Stable column name (snake_case). */
  name: string;
  type: FeatureType;
  group: FeatureGroup;
  /** Unit of a numeric value ('sessions', 'EUR', 'days', 'ratio', …); '' for flags and categories. */
  unit: string;
  /** The look-back the value covers, e.g. '30d' = the 30 days ending at the cutoff; 'at cutoff' or 'all history'. */
  window: string;
  /** What the value means, in business words. */
  description: string;
  /** 'snapshot' = computed by the snapshot SQL; 'derived' = computed by deriveFeatures from snapshot values. */
  origin: 'snapshot' | 'derived';
  /** True for the names of the original system (kept with their meaning). */
  legacy?: boolean;
  /** Smallest valid value of a numeric feature (serving input validation). */
  min?: number;
  /** Largest valid value (ratios in [-1, 1], shares in [0, 1]). */
  max?: number;
  /** The known vocabulary of a categorical feature (others are accepted and encoded as unknown). */
  levels?: readonly string[];
}
