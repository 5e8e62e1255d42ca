import { describe, expect, it } from 'vitest';
import { parseDriftSpec } from './drift-spec.js';
import { type GenerateOptions, resolveOptions } from './options.js';

const ok: GenerateOptions = { customers: 10, months: 12, seed: 1 };

describe('generate options are validated in one place, with errors that name the option', () => {
  it('fills the documented defaults', () => {
    const r = resolveOptions(ok);
    expect(r).toMatchObject({ start: '2025-01-01', monthlyChurnRate: 0.04, batchCustomers: 500, drift: [] });
  });

  it.each([
    [{ customers: 0 }, 'customers'],
    [{ customers: 1.5 }, 'customers'],
    [{ months: 121 }, 'months'],
    [{ seed: -1 }, 'seed'],
    [{ start: '2025-02-30' }, 'start'],
    [{ start: '01/02/2025' }, 'start'],
    [{ monthlyChurnRate: 0 }, 'monthlyChurnRate'],
    [{ monthlyChurnRate: 0.6 }, 'monthlyChurnRate'],
    [{ drift: [{ kind: 'meteor', from: '2025-03-01' }] }, 'drift[0].kind'],
    [{ drift: [{ kind: 'price_rise', from: '2024-12-31' }] }, 'drift[0].from'],
    [{ drift: [{ kind: 'price_rise', from: '2025-03-01', days: 0 }] }, 'drift[0].days'],
    [{ drift: [{ kind: 'payment_outage', from: '2025-03-01', magnitude: 1.5 }] }, 'drift[0].magnitude'],
  ])('%j is refused, naming %s', (bad, option) => {
    expect(() => resolveOptions({ ...ok, ...(bad as Partial<GenerateOptions>) })).toThrow(
      expect.objectContaining({ code: 'CHURN_ERR_PARAM', context: expect.objectContaining({ option }) }),
    );
  });

  it('gives each drift scenario its default length and strength', () => {
    const r = resolveOptions({
      ...ok,
      drift: [
        { kind: 'payment_outage', from: '2025-03-01' },
        { kind: 'crash_wave', from: '2025-12-01' },
      ],
    });
    expect(r.drift).toEqual([
      { kind: 'payment_outage', from: '2025-03-01', days: 21, magnitude: 0.5 },
      { kind: 'crash_wave', from: '2025-12-01', days: 31, magnitude: 8 },
    ]);
  });
});

describe('the CLI drift notation KIND@DATE[:DAYS[:MAGNITUDE]]', () => {
  it('parses kind and date, and optional days and magnitude', () => {
    expect(parseDriftSpec('price_rise@2025-07-01')).toEqual({ kind: 'price_rise', from: '2025-07-01' });
    expect(parseDriftSpec('crash_wave@2025-09-01:30')).toEqual({ kind: 'crash_wave', from: '2025-09-01', days: 30 });
    expect(parseDriftSpec('payment_outage@2025-03-01:14:0.8')).toEqual({
      kind: 'payment_outage',
      from: '2025-03-01',
      days: 14,
      magnitude: 0.8,
    });
  });

  it.each(['price_rise', 'price_rise@2025-7-1', 'meteor@2025-07-01', 'crash_wave@2025-07-01:x'])('refuses %s', (spec) => {
    expect(() => parseDriftSpec(spec)).toThrow(expect.objectContaining({ code: 'CHURN_ERR_PARAM' }));
  });
});
