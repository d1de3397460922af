/** Test signals and measurements for whole-chain renders. */
import { magnitudeSpectrum } from '../dsp/spectrum.ts';

/**
 * Periodic multisine with every bin 1…n/2−1 at equal amplitude and Schroeder phases
 * (low crest factor, ~2): after one period of settling, one period of output over one of
 * input gives the transfer at every bin exactly, with no window and no leakage.
 */
export function multisine(n: number, rms: number, periods: number): Float32Array {
  const bins = n / 2 - 1;
  const amplitude = rms * Math.sqrt(2 / bins);
  const period = new Float64Array(n);
  for (let k = 1; k <= bins; k++) {
    const phase = (-Math.PI * k * (k - 1)) / bins;
    const w = (2 * Math.PI * k) / n;
    for (let i = 0; i < n; i++) period[i]! += amplitude * Math.cos(w * i + phase);
  }
  const out = new Float32Array(n * periods);
  for (let p = 0; p < periods; p++) out.set(period, p * n);
  return out;
}

export function sine(hz: number, peak: number, frames: number, sampleRateHz: number): Float32Array {
  const out = new Float32Array(frames);
  for (let i = 0; i < frames; i++) out[i] = peak * Math.sin((2 * Math.PI * hz * i) / sampleRateHz);
  return out;
}

export function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** 20·log10(rms·√2): the level of a sine in dB re its peak (AES17 dBFS for a full-scale reference). */
export function sineLevelDb(signal: Float32Array, from: number, frames: number): number {
  let sum = 0;
  for (let i = from; i < from + frames; i++) sum += signal[i]! ** 2;
  return 20 * Math.log10(Math.sqrt(sum / frames) * Math.SQRT2);
}

/** |Y/X| in dB at every bin of one period starting at `from`. */
export function transferDb(input: Float32Array, output: Float32Array, from: number, n: number): Float64Array {
  const x = magnitudeSpectrum(input.subarray(from, from + n));
  const y = magnitudeSpectrum(output.subarray(from, from + n));
  return x.map((magnitude, k) => 20 * Math.log10(y[k]! / magnitude));
}

/** Linear interpolation of per-bin values at frequency hz. */
export function atHz(perBin: Float64Array, hz: number, sampleRateHz: number, n: number): number {
  const position = (hz * n) / sampleRateHz;
  const k = Math.floor(position);
  const t = position - k;
  return perBin[k]! * (1 - t) + perBin[k + 1]! * t;
}

/** Centres of the base-10 one-third-octave bands (IEC 61260) from 20 Hz to 20 kHz. */
export const THIRD_OCTAVE_CENTRES_HZ: readonly number[] = Array.from({ length: 31 }, (_, k) => 1000 * 10 ** ((k - 17) / 10));

/**
 * Power per one-third-octave band, in dB: the mean of `power(bin)` over the bins of an
 * n-point spectrum at `sampleRateHz` inside each band (edges at centre·10^(±1/20)), the end
 * bands cut at 20 Hz and 20 kHz: the chain's response is defined there, and above 20 kHz the
 * oversampling filters of a clip lane are in their transition band by design (docs/dsp.md §3).
 */
export function thirdOctaveBandsDb(power: (bin: number) => number, sampleRateHz: number, n: number): number[] {
  const binHz = sampleRateHz / n;
  return THIRD_OCTAVE_CENTRES_HZ.map((fc) => {
    const lo = Math.max(1, Math.ceil(Math.max(20, fc * 10 ** -0.05) / binHz));
    const hi = Math.floor(Math.min(20_000, fc * 10 ** 0.05) / binHz);
    let sum = 0;
    for (let k = lo; k <= hi; k++) sum += power(k);
    return 10 * Math.log10(sum / (hi - lo + 1));
  });
}

/** The band of THIRD_OCTAVE_CENTRES_HZ centred on 1 kHz. */
export const BAND_1K = 17;
