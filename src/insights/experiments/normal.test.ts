import { describe, expect, it } from 'vitest';
import { erf, erfc, normalCdf, normalQuantile, twoSidedPValue } from './normal.js';

// Reference values from SciPy 1.17.1 (scipy.special.erf/erfc, scipy.stats.norm.cdf/ppf), frozen here.
const erfRef: [number, number, number][] = [
  [1e-10, 1.1283791670955126e-10, 0.999999999887162],
  [0.1, 0.1124629160182849, 0.8875370839817152],
  [0.5, 0.5204998778130465, 0.4795001221869535],
  [1, 0.8427007929497148, 0.15729920705028516],
  [1.5, 0.9661051464753108, 0.03389485352468927],
  [1.99, 0.995111413199617, 0.004888586800383002],
  [2, 0.9953222650189527, 0.004677734981047266],
  [2.5, 0.999593047982555, 0.00040695201744495886],
  [3, 0.9999779095030014, 2.2090496998585445e-5],
  [4, 0.9999999845827421, 1.541725790028002e-8],
  [5, 0.9999999999984626, 1.5374597944280347e-12],
  [6, 1, 2.1519736712498913e-17],
  [10, 1, 2.0884875837625446e-45],
  [26, 1, 5.663192408856145e-296],
];

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('erf and erfc agree with SciPy to double precision', () => {
  it.each(erfRef)('x = %s', (x, e, ec) => {
    // erf within 2 ulp-ish absolute; erfc within 1e-13 relative even deep in the tail (x² rounding in exp(−x²)).
    expect(Math.abs(erf(x) - e)).toBeLessThan(4e-16);
    expect(relErr(erfc(x), ec)).toBeLessThan(1e-13);
    expect(erf(-x)).toBe(-erf(x));
    expect(Math.abs(erfc(-x) - (2 - ec))).toBeLessThan(4e-16);
  });
  it('is exact at 0', () => {
    expect([erf(0), erfc(0)]).toEqual([0, 1]);
  });
});

describe('normal distribution', () => {
  it.each([
    [-8, 6.22096057427174e-16],
    [-3, 0.0013498980316300933],
    [-1.96, 0.024997895148220435],
    [0, 0.5],
    [0.5, 0.6914624612740131],
    [1.959963984540054, 0.975],
    [2.5, 0.9937903346742238],
  ])('Φ(%s) = %s', (z, p) => {
    expect(relErr(normalCdf(z), p)).toBeLessThan(1e-13);
  });

  it.each([
    [1e-12, -7.034483825301131],
    [1e-6, -4.753424308822899],
    [0.001, -3.090232306167813],
    [0.025, -1.9599639845400545],
    [0.3, -0.5244005127080409],
    [0.5, 0],
    [0.8, 0.8416212335729143],
    [0.975, 1.959963984540054],
  ])('Φ⁻¹(%s) = %s', (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(1e-14);
  });

  it('gives the two-sided p-value of z = 1.96 as 0.04999579', () => {
    expect(twoSidedPValue(-1.96)).toBeCloseTo(2 * 0.024997895148220435, 15);
  });
});
