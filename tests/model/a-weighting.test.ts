/**
 * A-weighting (src/model/a-weighting.ts) against IEC 61672-1:2013 and a closed form of its
 * integral. The standard's Table 3 states A at the exact base-10 one-third-octave frequencies,
 * rounded to 0.1 dB, so the formula must land within 0.05 dB of each entry.
 */
import { describe, expect, it } from 'vitest';
import { aWeightedBandwidthHz, aWeightingGain } from '../../src/model/a-weighting.ts';

/** IEC 61672-1:2013 Table 3, A-weighting (dB) at nominal frequencies (exact: 1000·10^(n/10)). */
const IEC_TABLE: readonly [number, number, number][] = [
  // [n, nominal Hz, dB]
  [-20, 10, -70.4], [-17, 20, -50.5], [-15, 31.5, -39.4], [-12, 63, -26.2], [-10, 100, -19.1], [-9, 125, -16.1],
  [-6, 250, -8.6], [-3, 500, -3.2], [0, 1000, 0.0], [3, 2000, 1.2], [6, 4000, 1.0], [9, 8000, -1.1],
  [10, 10_000, -2.5], [11, 12_500, -4.3], [12, 16_000, -6.6], [13, 20_000, -9.3],
];

const db = (gain: number): number => 20 * Math.log10(gain);

/**
 * ∫_lo^hi |A(f)|² df in closed form. |R_A|² = K²·x⁴ / ((x+α)²(x+β)(x+γ)(x+δ)²) with x = f² and
 * α…δ the squares of 20.6, 107.7, 737.9 and 12194 Hz. Partial fractions in x, each term
 * integrated over f with ∫df/(f²+p²) = atan(f/p)/p and ∫df/(f²+p²)² = f/(2p²(f²+p²)) + atan(f/p)/(2p³).
 */
function aWeightedBandwidthClosedForm(lo: number, hi: number): number {
  const [a, b, c, d] = [20.6, 107.7, 737.9, 12194];
  const [alpha, beta, gamma, delta] = [a * a, b * b, c * c, d * d];
  const k2 = (12194 ** 2) ** 2 * 10 ** (2 / 10);
  // Simple poles: the coefficient of 1/(x + p) is (r·(x + p)) at x = −p.
  const B = (-beta) ** 4 / ((-beta + alpha) ** 2 * (-beta + gamma) * (-beta + delta) ** 2);
  const C = (-gamma) ** 4 / ((-gamma + alpha) ** 2 * (-gamma + beta) * (-gamma + delta) ** 2);
  // Double poles: g = r·(x+p)²; second-order coefficient g(−p), first-order g'(−p) = g·(log g)'.
  const double = (p: number, others: (x: number) => number, logDerivative: (x: number) => number) => {
    const g = others(-p);
    return { second: g, first: g * logDerivative(-p) };
  };
  const A = double(
    alpha,
    (x) => x ** 4 / ((x + beta) * (x + gamma) * (x + delta) ** 2),
    (x) => 4 / x - 1 / (x + beta) - 1 / (x + gamma) - 2 / (x + delta),
  );
  const D = double(
    delta,
    (x) => x ** 4 / ((x + alpha) ** 2 * (x + beta) * (x + gamma)),
    (x) => 4 / x - 2 / (x + alpha) - 1 / (x + beta) - 1 / (x + gamma),
  );
  const single = (p2: number) => (f: number) => Math.atan(f / Math.sqrt(p2)) / Math.sqrt(p2);
  const squared = (p2: number) => (f: number) => f / (2 * p2 * (f * f + p2)) + Math.atan(f / Math.sqrt(p2)) / (2 * p2 ** 1.5);
  const antiderivative = (f: number) =>
    A.first * single(alpha)(f) + A.second * squared(alpha)(f) + B * single(beta)(f) + C * single(gamma)(f) + D.first * single(delta)(f) + D.second * squared(delta)(f);
  return k2 * (antiderivative(hi) - antiderivative(lo));
}

describe('A-weighting (IEC 61672-1)', () => {
  it('matches the standard’s table within 0.05 dB from 10 Hz to 20 kHz, and is 0 dB at 1 kHz', () => {
    for (const [n, nominal, expected] of IEC_TABLE) {
      expect(Math.abs(db(aWeightingGain(1000 * 10 ** (n / 10))) - expected), `${nominal} Hz`).toBeLessThan(0.05);
    }
    expect(Math.abs(db(aWeightingGain(1000)))).toBeLessThan(1e-3);
  });

  it('its integral over 20 Hz–20 kHz is the closed form (partial fractions) to 1e-9: 12 468 Hz', () => {
    const numeric = aWeightedBandwidthHz(20, 20_000);
    const exact = aWeightedBandwidthClosedForm(20, 20_000);
    expect(Math.abs(numeric / exact - 1)).toBeLessThan(1e-9);
    expect(exact).toBeCloseTo(12_468, 0);
  });

  it('white noise measured A-weighted over 20 Hz–20 kHz reads 2.05 dB below the unweighted measurement', () => {
    const difference = 10 * Math.log10(aWeightedBandwidthClosedForm(20, 20_000) / 19_980);
    expect(10 * Math.log10(aWeightedBandwidthHz(20, 20_000) / 19_980)).toBeCloseTo(difference, 9);
    expect(difference).toBeCloseTo(-2.05, 2);
  });
});
