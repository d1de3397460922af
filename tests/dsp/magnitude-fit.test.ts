/**
 * The 1× magnitude fit (worklets/dsp/magnitude-fit.ts) against the analog networks it
 * stands for. The hard cases are built from the circuit in tests/dsp/networks.ts, and the
 * reference is H(jω) evaluated from their polynomials; the fitted sections are measured
 * running in the BiquadCascade kernel (impulse → FFT), not only from their coefficients.
 */
import { describe, expect, it } from 'vitest';
import { bilinearFromPolynomials, type BiquadSections } from '../../worklets/dsp/analog-to-digital.ts';
import { analogResponse, magnitudeDb, sectionsResponse } from '../../worklets/dsp/frequency-response.ts';
import { fitMagnitude } from '../../worklets/dsp/magnitude-fit.ts';
import { polynomialRoots } from '../../worklets/dsp/polynomial-roots.ts';
import { AUDIO_BAND_HZ, HARD_CASES, type Network } from './networks.ts';
import { kernelResponseErrorDb } from './spectrum.ts';

const RATES = [44_100, 48_000] as const;
const TOLERANCE_DB = 0.02;
/** A coupling capacitor on a resistive divider: H(s) = s/(s + ωc), corner 5 Hz. */
const COUPLING_5_HZ: Network = { name: '5 Hz coupling capacitor', numerator: [0, 1], denominator: [2 * Math.PI * 5, 1] };

/** The fit with the fewest extra zeros (≤ 6, as networks.ts tries) within TOLERANCE_DB; its exact error. */
function firstFitWithin(network: Network, rateHz: number): { sections: BiquadSections; extra: number } {
  for (let extra = 0; extra <= 6; extra++) {
    const sections = fitMagnitude(network.numerator, network.denominator, { sampleRateHz: rateHz, extraOrder: extra });
    if (sections && exactErrorDb(network, sections, rateHz) <= TOLERANCE_DB) return { sections, extra };
  }
  throw new Error(`no fit of ${network.name} within ${TOLERANCE_DB} dB at ${rateHz} Hz`);
}

function exactErrorDb(network: Network, sections: BiquadSections, rateHz: number): number {
  let worst = 0;
  for (const hz of AUDIO_BAND_HZ) {
    const error = magnitudeDb(sectionsResponse(sections, hz, rateHz)) - magnitudeDb(analogResponse(network.numerator, network.denominator, hz));
    worst = Math.max(worst, Math.abs(error));
  }
  return worst;
}

/** Coefficients of Π over sections of (1 + a1·z⁻¹ + a2·z⁻²), ascending powers of z⁻¹. */
function denominatorOf(sections: BiquadSections): number[] {
  let poly = [1];
  for (let s = 0; s < sections.count; s++) {
    const factor = [1, sections.coefficients[5 * s + 3]!, sections.coefficients[5 * s + 4]!];
    const next = new Array<number>(poly.length + 2).fill(0);
    poly.forEach((p, i) => factor.forEach((f, j) => (next[i + j]! += p * f)));
    poly = next;
  }
  while (poly.length > 1 && poly[poly.length - 1] === 0) poly.pop();
  return poly;
}

describe('magnitude fit at the base rate (matched poles, fitted numerator)', () => {
  it('keeps every mode of the network: its poles are e^{pT} of the analog poles', () => {
    const network = HARD_CASES[3]!; // the dynamic driver on 75 Ω: real poles at 15.2 Hz, 262 Hz and 58 kHz
    const rate = 48_000;
    const sections = fitMagnitude(network.numerator, network.denominator, { sampleRateHz: rate })!;
    // Π(1 − e^{pT}·z⁻¹) from the analog poles, expanded here independently of the design code.
    let expected = [1];
    for (const p of polynomialRoots(network.denominator)) {
      expect(p.im).toBe(0);
      const z = Math.exp(p.re / rate);
      expected = [...expected, 0].map((c, i) => c - (i > 0 ? z * expected[i - 1]! : 0));
    }
    const actual = denominatorOf(sections);
    expect(actual).toHaveLength(expected.length);
    actual.forEach((c, i) => expect(Math.abs(c - expected[i]!)).toBeLessThan(1e-12));
  });

  for (const rate of RATES) {
    it(`runs every hard case at 1× within ${TOLERANCE_DB} dB of the analog magnitude, 20 Hz–20 kHz, at ${rate / 1000} kHz, where the bilinear transform at 1× misses by 0.1–0.8 dB`, () => {
      for (const network of HARD_CASES) {
        const bilinear = bilinearFromPolynomials(network.numerator, network.denominator, { sampleRateHz: rate, prewarpHz: 20_000 });
        expect(exactErrorDb(network, bilinear, rate)).toBeGreaterThan(0.09);
        const { sections, extra } = firstFitWithin(network, rate);
        // Measured through the kernel: the exact error plus FFT bin-edge effects (< 0.001 dB).
        expect(kernelResponseErrorDb(network, sections, rate, 1 << 16)).toBeLessThan(TOLERANCE_DB + 0.001);
        // At most three sections more than the network's order needs (networks.ts, MAX_EXTRA_ORDER = 6).
        expect(sections.count).toBeLessThanOrEqual(Math.ceil((network.denominator.length - 1 + extra) / 2));
        expect(extra).toBeLessThanOrEqual(6);
      }
    });
  }

  it('keeps a coupling capacitor’s 5 Hz corner in place (within 0.001 dB from 20 Hz up) and its exact zero at DC, where the pre-warped bilinear transform moves the corner to 24 Hz', () => {
    const rate = 44_100;
    const sections = fitMagnitude(COUPLING_5_HZ.numerator, COUPLING_5_HZ.denominator, { sampleRateHz: rate })!;
    expect(exactErrorDb(COUPLING_5_HZ, sections, rate)).toBeLessThan(0.001);
    const dc = sectionsResponse(sections, 0, rate);
    expect(Math.hypot(dc.re, dc.im)).toBeLessThan(1e-12);
    // The bilinear constant pre-warped at 20 kHz is 0.21 · 2fs, which scales low frequencies by 4.75.
    const bilinear = bilinearFromPolynomials(COUPLING_5_HZ.numerator, COUPLING_5_HZ.denominator, { sampleRateHz: rate, prewarpHz: 20_000 });
    expect(exactErrorDb(COUPLING_5_HZ, bilinear, rate)).toBeGreaterThan(3);
  });

  it('is never louder than the network: at most 1 dB over its largest gain anywhere from DC to fs/2', () => {
    for (const rate of [8_000, ...RATES, 96_000]) {
      for (const network of [...HARD_CASES, COUPLING_5_HZ]) {
        let analogPeak = -Infinity;
        for (let i = 0; i <= 400; i++) analogPeak = Math.max(analogPeak, magnitudeDb(analogResponse(network.numerator, network.denominator, 20 * (rate / 2 / 20) ** (i / 400))));
        for (let extra = 0; extra <= 6; extra++) {
          const sections = fitMagnitude(network.numerator, network.denominator, { sampleRateHz: rate, extraOrder: extra });
          if (sections === null) continue;
          for (let i = 0; i <= 2000; i++) expect(magnitudeDb(sectionsResponse(sections, (rate / 2) * (i / 2000), rate))).toBeLessThanOrEqual(analogPeak + 1);
        }
      }
    }
  });

  it('refuses a negative extra order and an unstable network with exact messages', () => {
    expect(() => fitMagnitude([1], [1, 1], { sampleRateHz: 48_000, extraOrder: -1 })).toThrow('extraOrder must be an integer ≥ 0 (got -1)');
    expect(() => fitMagnitude([1], [-1, 1], { sampleRateHz: 48_000 })).toThrow('H(s) must be stable: pole at 1 + 0j is not in the left half-plane');
  });
});
