import { describe, expect, it } from 'vitest';
import { MlParamError } from './errors.js';
import { bool, checkParam, custom, int, num, oneOf, resolveParams } from './params.js';

interface P {
  rate: number;
  depth: number;
  mode: 'a' | 'b';
  on: boolean;
  extra?: string;
}
const defaults: P = { rate: 0.1, depth: 3, mode: 'a', on: true, extra: undefined };
const rules = {
  rate: num({ min: 0, minExclusive: true, max: 1 }),
  depth: int({ min: 1 }),
  mode: oneOf('a', 'b'),
  on: bool(),
  extra: custom((v) => (typeof v === 'string' ? undefined : 'must be a string')),
};

describe('resolveParams', () => {
  it('merges given values over the defaults and leaves an optional parameter unset', () => {
    expect(resolveParams('toy', defaults, { depth: 5 }, rules)).toEqual({ ...defaults, depth: 5 });
  });

  it('names the estimator, the parameter, the rule and the bad value', () => {
    expect(() => resolveParams('toy', defaults, { rate: 0 }, rules)).toThrow(
      'toy: rate must be a finite number > 0 and <= 1, got 0',
    );
    expect(() => resolveParams('toy', defaults, { depth: 2.5 }, rules)).toThrow('toy: depth must be an integer >= 1, got 2.5');
    expect(() => resolveParams('toy', defaults, { mode: 'c' as 'a' }, rules)).toThrow(
      'toy: mode must be one of "a", "b", got "c"',
    );
    expect(() => resolveParams('toy', defaults, { on: 1 as unknown as boolean }, rules)).toThrow(
      'toy: on must be true or false, got 1',
    );
    expect(() => resolveParams('toy', defaults, { extra: 3 as unknown as string }, rules)).toThrow(
      'toy: extra must be a string, got 3',
    );
    expect(() => resolveParams('toy', defaults, { rate: Number.NaN }, rules)).toThrow(/rate must be .* got NaN/);
  });

  it('rejects an unknown parameter by name instead of ignoring it', () => {
    expect(() => resolveParams('toy', defaults, { learningRate: 0.1 } as Partial<P>, rules)).toThrow(
      'toy: learningRate is not a parameter (known: rate, depth, mode, on, extra), got 0.1',
    );
  });

  it('throws MlParamError carrying the fields a caller maps to its own error', () => {
    try {
      checkParam('toy', 'depth', 0, int({ min: 1 }));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(MlParamError);
      expect(e).toMatchObject({ estimator: 'toy', param: 'depth', value: 0, name: 'MlParamError' });
    }
  });
});
