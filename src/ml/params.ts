/** One place to validate hyper-parameters: declarative rules, merged over defaults, with an MlParamError naming the bad value. */

import { MlParamError } from './errors.js';

/** How one hyper-parameter is checked. */
export type ParamRule =
  | { kind: 'number'; min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean; integer?: boolean }
  | { kind: 'choice'; values: readonly (string | number | boolean)[] }
  | { kind: 'boolean' }
  | { kind: 'custom'; check: (value: unknown) => string | undefined };

/** A rule for every key of a parameter object. */
export type ParamRules<P> = { [K in keyof P]-?: ParamRule };

interface Range {
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
}

/** A finite real number in an optional range; `minExclusive` makes the lower bound strict. */
export const num = (range: Range = {}): ParamRule => ({ kind: 'number', ...range });
/** An integer in an optional range. */
export const int = (range: Range = {}): ParamRule => ({ kind: 'number', integer: true, ...range });
/** One of a closed set of values. */
export const oneOf = (...values: (string | number | boolean)[]): ParamRule => ({ kind: 'choice', values });
/** true or false. */
export const bool = (): ParamRule => ({ kind: 'boolean' });
/** Any other check: return a reason ("must be …") when the value is bad, undefined when it is fine. */
export const custom = (check: (value: unknown) => string | undefined): ParamRule => ({ kind: 'custom', check });

/** The reason a value breaks a rule ("must be …"), or undefined when it satisfies it. */
export function ruleViolation(rule: ParamRule, value: unknown): string | undefined {
  switch (rule.kind) {
    case 'number': {
      const what = rule.integer ? 'an integer' : 'a finite number';
      const lo = rule.min === undefined ? '' : ` ${rule.minExclusive ? '>' : '>='} ${rule.min}`;
      const hi = rule.max === undefined ? '' : `${lo ? ' and' : ''} ${rule.maxExclusive ? '<' : '<='} ${rule.max}`;
      const reason = `must be ${what}${lo}${hi}`;
      if (typeof value !== 'number' || !Number.isFinite(value)) return reason;
      if (rule.integer && !Number.isInteger(value)) return reason;
      if (rule.min !== undefined && (rule.minExclusive ? value <= rule.min : value < rule.min)) return reason;
      if (rule.max !== undefined && (rule.maxExclusive ? value >= rule.max : value > rule.max)) return reason;
      return undefined;
    }
    case 'choice':
      return rule.values.includes(value as string)
        ? undefined
        : `must be one of ${rule.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'custom':
      return rule.check(value);
  }
}

/** Checks one value against a rule; throws MlParamError naming estimator, parameter and value. */
export function checkParam<T>(estimator: string, param: string, value: T, rule: ParamRule): T {
  const reason = ruleViolation(rule, value);
  if (reason !== undefined) throw new MlParamError(estimator, param, value, reason);
  return value;
}

/**
 * Merges `given` over `defaults`, rejects unknown keys by name and checks every value against its rule.
 * A key whose default is undefined may stay undefined (an optional parameter); otherwise undefined in `given`
 * means "use the default".
 */
export function resolveParams<P extends object>(
  estimator: string,
  defaults: P,
  given: Partial<P> | undefined,
  rules: ParamRules<P>,
): P {
  const out = { ...defaults };
  if (given !== undefined) {
    if (typeof given !== 'object' || given === null) throw new MlParamError(estimator, 'params', given, 'must be an object');
    for (const key of Object.keys(given) as (keyof P & string)[]) {
      if (!(key in rules))
        throw new MlParamError(estimator, key, given[key], `is not a parameter (known: ${Object.keys(rules).join(', ')})`);
      if (given[key] !== undefined) out[key] = given[key] as P[keyof P & string];
    }
  }
  for (const key of Object.keys(rules) as (keyof P & string)[]) {
    if (out[key] === undefined && defaults[key] === undefined) continue;
    checkParam(estimator, key, out[key], rules[key]);
  }
  return out;
}
