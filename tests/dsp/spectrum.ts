/**
 * Spectral measurement for the DSP tests (fft.js, real input).
 */
import FFT from 'fft.js';
import type { BiquadSections } from '../../worklets/dsp/analog-to-digital.ts';
import { BiquadCascade } from '../../worklets/dsp/biquad-cascade.ts';
import { analogResponse, magnitudeDb } from '../../worklets/dsp/frequency-response.ts';

/**
 * 7-term Blackman–Harris window (H.-H. Albrecht, "A family of cosine-sum windows for
 * high-resolution measurements", ICASSP 2001): highest sidelobe −180 dB, so a 0 dBc
 * tone cannot mask a −100 dBc component; its main lobe spans ±7 bins.
 */
const BH7 = [0.27105140069342, 0.43329793923448, 0.21812299954311, 0.06592544638803, 0.01081174209837, 0.00077658482522, 0.00001388721735];
export const BH7_MAIN_LOBE_BINS = 7;

export function blackmanHarris7(n: number): Float64Array {
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let k = 0; k < BH7.length; k++) sum += (k % 2 === 0 ? 1 : -1) * BH7[k]! * Math.cos((2 * Math.PI * k * i) / n);
    w[i] = sum;
  }
  return w;
}

/** |X[k]| for k = 0…n/2 of a real signal (optionally windowed); n a power of two. */
export function magnitudeSpectrum(signal: ArrayLike<number>, window?: Float64Array): Float64Array {
  const n = signal.length;
  const fft = new FFT(n);
  const input = new Array<number>(n);
  for (let i = 0; i < n; i++) input[i] = signal[i]! * (window ? window[i]! : 1);
  const out = fft.createComplexArray() as number[];
  fft.realTransform(out, input);
  const mags = new Float64Array(n / 2 + 1);
  for (let k = 0; k <= n / 2; k++) mags[k] = Math.hypot(out[2 * k]!, out[2 * k + 1]!);
  return mags;
}

/** Complex spectrum X[k], k = 0…n/2, as [re, im] pairs. */
export function complexSpectrum(signal: ArrayLike<number>): { re: Float64Array; im: Float64Array } {
  const n = signal.length;
  const fft = new FFT(n);
  const input = Array.from({ length: n }, (_, i) => signal[i]!);
  const out = fft.createComplexArray() as number[];
  fft.realTransform(out, input);
  const re = new Float64Array(n / 2 + 1);
  const im = new Float64Array(n / 2 + 1);
  for (let k = 0; k <= n / 2; k++) {
    re[k] = out[2 * k]!;
    im[k] = out[2 * k + 1]!;
  }
  return { re, im };
}

/** Amplitude ratio in dB. */
export const db = (ratio: number): number => 20 * Math.log10(ratio);

/**
 * Worst |measured − analog| dB over every FFT bin from 20 Hz to 20 kHz: an impulse run through
 * the BiquadCascade kernel with `sections` at `rateHz`, n samples long (long enough for the
 * slowest pole to die out), against H(jω) of the network's polynomials at each bin.
 */
export function kernelResponseErrorDb(network: { numerator: readonly number[]; denominator: readonly number[] }, sections: BiquadSections, rateHz: number, n: number): number {
  const cascade = new BiquadCascade({ maxSections: Math.max(1, sections.count), channelCount: 1, maxBlockLength: n, sampleRateHz: rateHz });
  cascade.setSections(sections, true);
  const block = new Float64Array(n);
  block[0] = 1;
  cascade.process([block], n);
  const { re, im } = complexSpectrum(block);
  let worst = 0;
  for (let k = 1; k <= n / 2; k++) {
    const hz = (k * rateHz) / n;
    if (hz < 20 || hz > 20_000) continue;
    const measured = 10 * Math.log10(re[k]! ** 2 + im[k]! ** 2);
    worst = Math.max(worst, Math.abs(measured - magnitudeDb(analogResponse(network.numerator, network.denominator, hz))));
  }
  return worst;
}
