/** Reading a model feature name as the business feature behind it: base name, time window, category, transform. */

/** The parts of a feature name such as `log1p_failed_payments_30d` or `plan_type=Premium`. */
export interface ParsedFeatureName {
  /** The name as given. */
  name: string;
  /** The name without window, transform or category: `failed_payments`, `plan_type`. */
  base: string;
  /** Rolling window in days (`_30d` suffix), when the name has one. */
  windowDays?: number;
  /** The category of a one-hot piece (`plan_type=Premium` → `Premium`). */
  category?: string;
  /** True when the feature is `log1p_` of the base: its value is mapped back with expm1 before rendering. */
  log1p: boolean;
}

/** Splits a feature name into its business parts. */
export function parseFeatureName(name: string): ParsedFeatureName {
  let rest = name;
  let category: string | undefined;
  const eq = rest.indexOf('=');
  if (eq > 0) {
    category = rest.slice(eq + 1);
    rest = rest.slice(0, eq);
  }
  const log1p = rest.startsWith('log1p_');
  if (log1p) rest = rest.slice('log1p_'.length);
  let windowDays: number | undefined;
  const w = /_(\d+)d$/.exec(rest);
  if (w) {
    windowDays = Number(w[1]);
    rest = rest.slice(0, w.index);
  }
  return { name, base: rest, windowDays, category, log1p };
}
