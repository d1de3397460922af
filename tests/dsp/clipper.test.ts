import { describe, expect, it } from 'vitest';
import { AdaaClipper, segmentMean } from '../../worklets/dsp/clipper.ts';
import { complexSpectrum } from './spectrum.ts';

const clamp = (x: number, t: number): number => Math.min(t, Math.max(-t, x));

/** Mean of clamp over [x0, x1] by the antiderivative, in extended care (closed form). */
function antiderivative(x: number, t: number): number {
  return Math.abs(x) <= t ? (x * x) / 2 : t * Math.abs(x) - (t * t) / 2;
}

describe('ADAA hard clipper', () => {
  it('is the mean of clamp over the segment: matches (F(x1) − F(x0))/(x1 − x0) where that is well conditioned', () => {
    let seed = 1;
    const random = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let trial = 0; trial < 2000; trial++) {
      const t = 0.1 + random();
      const x0 = (random() - 0.5) * 6;
      const x1 = (random() - 0.5) * 6;
      if (Math.abs(x1 - x0) < 1e-3) continue;
      const reference = (antiderivative(x1, t) - antiderivative(x0, t)) / (x1 - x0);
      // The reference itself loses ~ε·max|F|/|Δx| ≤ 1e-12 here.
      expect(segmentMean(x0, x1, t)).toBeCloseTo(reference, 11);
    }
  });

  it('stays exact when x[n] ≈ x[n−1] (the ill-conditioned case of the quotient form)', () => {
    const t = 1;
    for (const centre of [-1, 0.3, 1, 2.5]) {
      for (const half of [1e-6, 1e-10, 1e-14, 1e-300, 0]) {
        const y = segmentMean(centre - half, centre + half, t);
        // Mean of a 1-Lipschitz function over a segment of width 2h is within h of its
        // value at the centre.
        expect(Math.abs(y - clamp(centre, t))).toBeLessThanOrEqual(half + 1e-16);
        expect(Math.abs(y)).toBeLessThanOrEqual(t);
      }
    }
  });

  it('is the exact two-sample mean inside the rails and ±t beyond one rail', () => {
    expect(segmentMean(0.2, 0.7, 1)).toBe(0.5 * (0.2 + 0.7));
    expect(segmentMean(3, 1.5, 1)).toBe(1);
    expect(segmentMean(-3, -1, 1)).toBe(-1);
    // Straddling both rails symmetrically: the mean is 0.
    expect(segmentMean(-3, 3, 1)).toBe(0);
  });

  it('never leaves [−t, t] before the droop FIR, and counts clipped samples', () => {
    const clipper = new AdaaClipper({ droopCompensation: false });
    const n = 4096;
    const x = new Float64Array(n).map((_, i) => 10 * Math.sin(i * 0.01));
    const thresholds = new Float64Array(n).fill(1);
    clipper.process(x, n, thresholds);
    for (const y of x) expect(Math.abs(y)).toBeLessThanOrEqual(1);
    // |10 sin| > 1 for all but 2·asin(0.1)/π ≈ 6.4 % of the time.
    expect(clipper.takeClipCount() / n).toBeCloseTo(1 - (2 * Math.asin(0.1)) / Math.PI, 2);
    expect(clipper.takeClipCount()).toBe(0);
  });

  it('treats non-finite input as 0 and stays finite', () => {
    const clipper = new AdaaClipper();
    const x = Float64Array.from([1, NaN, Infinity, -Infinity, 0.5, 0.2, 0.1]);
    clipper.process(x, x.length, new Float64Array(x.length).fill(0.8));
    for (const y of x) expect(Number.isFinite(y)).toBe(true);
  });

  // Linear-region response: ADAA is cos(ω/2)·e^{−jω/2}; the 6-tap FIR makes it flat.
  for (const [label, rate, bound] of [
    ['8 × 44.1 kHz', 8 * 44_100, 0.001],
    ['4 × 44.1 kHz', 4 * 44_100, 0.02],
    ['8 × 48 kHz', 8 * 48_000, 0.001],
  ] as const) {
    it(`below threshold, the droop-compensated response at ${label} is flat within ${bound} dB to 20 kHz, delay exactly 3 samples`, () => {
      const n = 1 << 14;
      const clipper = new AdaaClipper();
      expect(clipper.latencySamples).toBe(3);
      const x = new Float64Array(n);
      x[0] = 1;
      clipper.process(x, n, new Float64Array(n).fill(10));
      const { re, im } = complexSpectrum(x);
      let worst = 0;
      for (let k = 1; (k * rate) / n <= 20_000; k++) {
        worst = Math.max(worst, Math.abs(10 * Math.log10(re[k]! ** 2 + im[k]! ** 2)));
        // Phase −3ω: linear phase with a 3-sample delay.
        const omega = (2 * Math.PI * k) / n;
        const phase = Math.atan2(im[k]!, re[k]!);
        const expected = Math.atan2(Math.sin(-3 * omega), Math.cos(-3 * omega));
        expect(Math.abs(phase - expected)).toBeLessThan(1e-9);
      }
      expect(worst).toBeLessThan(bound);
    });
  }

  it('without compensation the ADAA droop is cos(ω/2): −0.56 dB at 20 kHz at 4 × 44.1 kHz', () => {
    const rate = 4 * 44_100;
    const clipper = new AdaaClipper({ droopCompensation: false });
    const n = 1 << 12;
    const x = new Float64Array(n);
    x[0] = 1;
    clipper.process(x, n, new Float64Array(n).fill(10));
    const { re, im } = complexSpectrum(x);
    const k = Math.round((20_000 * n) / rate);
    const measured = 10 * Math.log10(re[k]! ** 2 + im[k]! ** 2);
    expect(measured).toBeCloseTo(20 * Math.log10(Math.cos((Math.PI * k) / n)), 9);
    expect(measured).toBeLessThan(-0.5);
  });
});
