import { describe, expect, it } from 'vitest';
import { countOf, formatNumber } from './format.js';

const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

describe('formatNumber', () => {
  it('writes every whole number from −999 to 999 exactly as the en-US formatter does (the fast path)', () => {
    for (let x = -999; x <= 999; x++) expect(formatNumber(x)).toBe(intl.format(x === 0 ? 0 : x));
  });

  it('formats larger, fractional and odd values with the formatter: separators, one decimal, no "-0"', () => {
    for (const x of [1000, -1000, 1234.5, 1e6, 999.96, 0.04, -0.04, 2.25, 14.25, 1e21, 2 ** 53])
      expect(formatNumber(x)).toBe(intl.format(x));
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(1234)).toBe('1,234');
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(countOf(1, 'day')).toBe('1 day');
    expect(countOf(-0, 'day')).toBe('0 days');
  });
});
