/**
 * The shared arithmetic (src/math), checked against closed forms: complex division, H(jω) of
 * a first-order low-pass, the raised-cosine ramp's symmetry, and the seeded PRNG's replay and
 * range.
 */
import { describe, expect, it } from 'vitest';
import { complexDivide, div, complex } from '../../src/math/complex.ts';
import { rationalAtHz } from '../../src/math/rational.ts';
import { fillRaisedCosineRamp, raisedCosineAt } from '../../src/math/raised-cosine.ts';
import { mulberry32, mulberry32Uint } from '../../src/math/random.ts';

describe('complex division', () => {
  it('(1 + 2j)/(3 − 4j) = −0.2 + 0.4j, and parts near the double range do not overflow (Smith)', () => {
    const [re, im] = complexDivide(1, 2, 3, -4);
    // Exact in binary to a few ulps: −0.2 and 0.4 are not representable, so 1e-15.
    expect(re).toBeCloseTo(-0.2, 15);
    expect(im).toBeCloseTo(0.4, 15);
    // |c|² would overflow (2e600): the naive conjugate formula gives Infinity/Infinity = NaN here.
    const q = div(complex(1e300, 1e300), complex(1e300, 1e300));
    expect(q.re).toBeCloseTo(1, 15);
    expect(q.im).toBeCloseTo(0, 15);
  });
});

describe('H(jω) of a rational function', () => {
  it('a first-order low-pass 1/(1 + s/ω0) is 1/√2 at −45° at its corner and 1 at DC', () => {
    const f0 = 1000;
    const w0 = 2 * Math.PI * f0;
    const h = rationalAtHz([1], [1, 1 / w0], f0);
    expect(Math.hypot(h.re, h.im)).toBeCloseTo(Math.SQRT1_2, 14);
    expect((Math.atan2(h.im, h.re) * 180) / Math.PI).toBeCloseTo(-45, 12);
    const dc = rationalAtHz([1], [1, 1 / w0], 0);
    expect(dc).toEqual({ re: 1, im: 0 });
  });
});

describe('the raised cosine', () => {
  it('rises from 0 to 1, is ½ at half-way and odd-symmetric about it: w(k) + w(n − k) = 1', () => {
    const n = 960;
    expect(raisedCosineAt(0, n)).toBe(0);
    expect(raisedCosineAt(n, n)).toBe(1);
    expect(raisedCosineAt(n / 2, n)).toBeCloseTo(0.5, 15);
    const ramp = fillRaisedCosineRamp(new Float64Array(n), n);
    expect(ramp[n - 1]).toBe(1);
    for (let k = 1; k < n; k++) {
      expect(ramp[k - 1]! + ramp[n - k - 1]!).toBeCloseTo(1, 14);
      expect(ramp[k]!).toBeGreaterThan(ramp[k - 1]!);
    }
  });
});

describe('the seeded PRNG (mulberry32)', () => {
  it('replays from its seed, stays in [0, 1), and its mean over 100 000 draws is ½ within 5 standard errors', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const uint = mulberry32Uint(42);
    let sum = 0;
    const draws = 100_000;
    for (let i = 0; i < draws; i++) {
      const x = a();
      expect(b()).toBe(x);
      expect(uint()).toBe(x * 4294967296);
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    // Uniform on [0, 1): σ = 1/√12, so the mean's standard error is 1/√(12·draws) ≈ 9.1e-4.
    expect(Math.abs(sum / draws - 0.5)).toBeLessThan(5 / Math.sqrt(12 * draws));
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
  });
});
