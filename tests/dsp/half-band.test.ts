import { describe, expect, it } from 'vitest';
import { halfBandAmplitude } from '../../worklets/dsp/half-band-design.ts';
import { designOversamplingStages, DownsamplerChain, UpsamplerChain } from '../../worklets/dsp/oversampler.ts';
import { blackmanHarris7, BH7_MAIN_LOBE_BINS, complexSpectrum, db, magnitudeSpectrum } from './spectrum.ts';

const RATES = [44_100, 48_000] as const;

describe('half-band designs', () => {
  for (const rate of RATES) {
    it(`at ${rate / 1000} kHz every stage is a true half-band with ≥ 100 dB stopband and ≤ 0.001 dB ripple`, () => {
      const designs = designOversamplingStages({ baseRateHz: rate, factor: 8 });
      expect(designs).toHaveLength(3);
      for (const design of designs) {
        const m = design.halfLength;
        expect(m % 2).toBe(1);
        expect(design.taps[m]).toBe(0.5);
        for (let n = 2; n <= m; n += 2) {
          expect(design.taps[m + n]).toBe(0);
          expect(design.taps[m - n]).toBe(0);
        }
        for (let n = 1; n <= m; n++) expect(design.taps[m + n]).toBe(design.taps[m - n]);
        expect(design.stopbandDb).toBeGreaterThanOrEqual(100);
        expect(design.passbandRippleDb).toBeLessThan(0.001);
        // Complementarity H(f) + H(½ − f) = 1, the property the polyphase form relies on.
        for (const f of [0.01, 0.1, 0.2, 0.24]) {
          expect(halfBandAmplitude(design.taps, f) + halfBandAmplitude(design.taps, 0.5 - f)).toBeCloseTo(1, 14);
        }
      }
    });
  }

  it('the first stage is the long one; later stages, with wide transition bands, are short', () => {
    const lengths = designOversamplingStages({ baseRateHz: 44_100, factor: 8 }).map((d) => 2 * d.halfLength + 1);
    expect(lengths[0]).toBeLessThanOrEqual(139);
    expect(lengths[1]).toBeLessThanOrEqual(27);
    expect(lengths[2]).toBeLessThanOrEqual(23);
  });
});

/** Impulse through up (1 → factor) then down (factor → 1): the round trip's response. */
function roundTripImpulse(rate: number, factor: 2 | 4 | 8, n: number): Float64Array {
  const designs = designOversamplingStages({ baseRateHz: rate, factor: 8 });
  const levels = Math.log2(factor);
  const up = new UpsamplerChain(designs, levels, n);
  const down = new DownsamplerChain(designs, levels, 0, n);
  const x = new Float64Array(n);
  x[0] = 1;
  const y = new Float64Array(n);
  down.process(up.process(x, n), n, y);
  return y;
}

describe('polyphase up/down chains (measured)', () => {
  for (const rate of RATES) {
    for (const factor of [2, 4, 8] as const) {
      it(`${factor}× round trip at ${rate / 1000} kHz is flat within ±0.01 dB to 20 kHz`, () => {
        const n = 1 << 14;
        const { re, im } = complexSpectrum(roundTripImpulse(rate, factor, n));
        let worst = 0;
        for (let k = 1; (k * rate) / n <= 20_000; k++) worst = Math.max(worst, Math.abs(10 * Math.log10(re[k]! ** 2 + im[k]! ** 2)));
        expect(worst).toBeLessThan(0.01);
      });
    }
  }

  it('the round trip delays by Σ 2·M_k / 2^k base samples (linear phase, symmetric impulse response)', () => {
    const rate = 48_000;
    const designs = designOversamplingStages({ baseRateHz: rate, factor: 8 });
    const up = new UpsamplerChain(designs, 1, 512);
    const down = new DownsamplerChain(designs, 1, 0, 512);
    const y = roundTripImpulse(rate, 2, 512);
    const delay = (up.delayOutputRate + down.delayInputRate) / 2;
    expect(delay).toBe(designs[0]!.halfLength);
    for (let k = 1; k < delay; k++) expect(y[delay - k]).toBeCloseTo(y[delay + k]!, 15);
    expect(y[delay]).toBeGreaterThan(0.9);
  });

  it('interpolation images are ≥ 100 dB down (a 19.99 kHz tone at 44.1 kHz, up to 8×)', () => {
    const rate = 44_100;
    const n = 1 << 13;
    const designs = designOversamplingStages({ baseRateHz: rate, factor: 8 });
    const up = new UpsamplerChain(designs, 3, n);
    const bin = Math.round((19_990 * n) / rate);
    const x = new Float64Array(n).map((_, i) => Math.sin((2 * Math.PI * bin * i) / n));
    // Two passes: the second is in steady state (the filters' start-up has passed).
    up.process(x, n);
    const high = up.process(x, n).slice(0, 8 * n);
    const spectrum = magnitudeSpectrum(high, blackmanHarris7(8 * n));
    const tone = spectrum[bin]!;
    let worst = 0;
    for (let k = 0; k < spectrum.length; k++) {
      if (Math.abs(k - bin) <= BH7_MAIN_LOBE_BINS) continue;
      worst = Math.max(worst, spectrum[k]! / tone);
    }
    expect(db(worst)).toBeLessThan(-100);
  });

  for (const rate of RATES) {
    it(`decimation from 8× at ${rate / 1000} kHz rejects everything that would fold into 0–20 kHz by ≥ 99 dB`, () => {
      const n = 1 << 12;
      const designs = designOversamplingStages({ baseRateHz: rate, factor: 8 });
      const highRate = 8 * rate;
      // Tones (on FFT bins of the base-rate record) whose aliases land in the audio band.
      const foldTargetsHz = [1_000, 7_000, 13_000, 19_000];
      for (const target of foldTargetsHz) {
        for (const multiple of [1, 2, 3, 4, 5, 6, 7]) {
          for (const sign of [-1, 1]) {
            const hz = multiple * rate + sign * target;
            if (hz <= 0 || hz >= highRate / 2) continue;
            const bin = Math.round((hz * 8 * n) / highRate);
            const x = new Float64Array(8 * n).map((_, i) => Math.sin((2 * Math.PI * bin * i) / (8 * n)));
            const down = new DownsamplerChain(designs, 3, 0, n);
            const y = new Float64Array(n);
            down.process(x, n, y);
            down.process(x, n, y);
            const spectrum = magnitudeSpectrum(y, blackmanHarris7(n));
            // Coherent gain of the window: a full-scale on-bin tone reads Σw/2.
            const fullScale = blackmanHarris7(n).reduce((a, b) => a + b, 0) / 2;
            let worst = 0;
            for (let k = Math.ceil((20 * n) / rate); (k * rate) / n <= 20_000; k++) worst = Math.max(worst, spectrum[k]!);
            expect(db(worst / fullScale), `${hz} Hz`).toBeLessThan(-99);
          }
        }
      }
    });
  }
});

describe('polyphase filters computed four outputs per pass', () => {
  // Reference: the textbook definitions on the full 2M + 1 taps, y = Σ h[k]·u[n − k] on the
  // zero-stuffed (×2) or full-rate (decimator) signal. The polyphase kernels sum the same
  // products in another order, so agreement is to rounding: 1e-15 of the signal's scale.
  it('interpolator and decimator equal the direct convolution to 1e-15 for every block length 1…128 (the 4-wide loop and its remainder)', async () => {
    const { HalfBandDecimator, HalfBandInterpolator } = await import('../../worklets/dsp/half-band.ts');
    const design = designOversamplingStages({ baseRateHz: 48_000, factor: 2 })[0]!;
    const taps = design.taps;
    const m = design.halfLength;
    const total = 3_000;
    const x = Float64Array.from({ length: total }, (_, i) => Math.sin(i * 0.37) + 0.5 * Math.cos(i * 1.91));
    const stuffed = new Float64Array(2 * total);
    for (let i = 0; i < total; i++) stuffed[2 * i] = 2 * x[i]!;
    const convolve = (u: Float64Array, n: number): number => {
      let acc = 0;
      for (let k = 0; k <= 2 * m; k++) if (n - k >= 0) acc += taps[k]! * u[n - k]!;
      return acc;
    };
    const interpolator = new HalfBandInterpolator(design, 128);
    const decimator = new HalfBandDecimator(design, 128);
    const up = new Float64Array(256);
    const down = new Float64Array(128);
    let worstUp = 0;
    let worstDown = 0;
    let start = 0;
    for (let length = 1; start + length <= total && length <= 128; start += length, length++) {
      interpolator.process(x.subarray(start, start + length), length, up);
      for (let j = 0; j < 2 * length; j++) worstUp = Math.max(worstUp, Math.abs(up[j]! - convolve(stuffed, 2 * start + j)));
      decimator.process(stuffed.subarray(2 * start, 2 * (start + length)), length, down);
      for (let j = 0; j < length; j++) worstDown = Math.max(worstDown, Math.abs(down[j]! - convolve(stuffed, 2 * (start + j))));
    }
    expect(start).toBeGreaterThan(2_000);
    expect(worstUp).toBeLessThan(1e-15 * 4);
    expect(worstDown).toBeLessThan(1e-15 * 4);
  });
});
