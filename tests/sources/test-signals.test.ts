/**
 * Built-in test signals measured from their samples: pink noise's spectral slope and level,
 * the sine's level, frequency and loop seam, the log sweep's instantaneous frequency.
 */
import { describe, expect, it } from 'vitest';
import FFT from 'fft.js';
import { logSweep, logSweepFrequency, pinkNoise, rmsDbfs, sine, speechBandNoise } from '../../src/audio/sources/index.ts';

/** Welch power spectrum: Hann-windowed segments of `size`, 50 % overlap, averaged. */
function welchPsd(x: Float32Array, size: number): Float64Array {
  const fft = new FFT(size);
  const window = Float64Array.from({ length: size }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size));
  const input = new Array<number>(size);
  const out = fft.createComplexArray() as number[];
  const psd = new Float64Array(size / 2 + 1);
  let segments = 0;
  for (let start = 0; start + size <= x.length; start += size / 2) {
    for (let i = 0; i < size; i++) input[i] = x[start + i]! * window[i]!;
    fft.realTransform(out, input);
    for (let k = 0; k <= size / 2; k++) psd[k]! += out[2 * k]! ** 2 + out[2 * k + 1]! ** 2;
    segments++;
  }
  for (let k = 0; k < psd.length; k++) psd[k]! /= segments;
  return psd;
}

/** Least-squares slope of y over x. */
function slope(xs: number[], ys: number[]): number {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i]! - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

/**
 * Pink-noise PSD slope in dB/octave over 50 Hz–10 kHz: mean PSD in third-octave bands (so each
 * band weighs the same however many bins it holds), regressed on log2 of the band centre.
 */
function pinkSlope(x: Float32Array, sampleRate: number): { slope: number; worstResidualDb: number } {
  const size = 16384;
  const psd = welchPsd(x, size);
  const binHz = sampleRate / size;
  const octaves: number[] = [];
  const levels: number[] = [];
  for (let centre = 50 * 2 ** (1 / 6); centre * 2 ** (1 / 6) <= 10_000 * 1.0001; centre *= 2 ** (1 / 3)) {
    const lo = Math.ceil((centre * 2 ** (-1 / 6)) / binHz);
    const hi = Math.floor((centre * 2 ** (1 / 6)) / binHz);
    let sum = 0;
    for (let k = lo; k <= hi; k++) sum += psd[k]!;
    octaves.push(Math.log2(centre));
    levels.push(10 * Math.log10(sum / (hi - lo + 1)));
  }
  const s = slope(octaves, levels);
  const my = levels.reduce((a, b) => a + b, 0) / levels.length;
  const mx = octaves.reduce((a, b) => a + b, 0) / octaves.length;
  const worstResidualDb = Math.max(...levels.map((l, i) => Math.abs(l - (my + s * (octaves[i]! - mx)))));
  return { slope: s, worstResidualDb };
}

describe('pinkNoise', () => {
  for (const sampleRate of [44_100, 48_000]) {
    it(`falls 3.01 dB per octave ± 0.5 dB from 50 Hz to 10 kHz at ${sampleRate} Hz`, () => {
      const noise = pinkNoise(sampleRate, 20);
      const { slope: s, worstResidualDb } = pinkSlope(noise.channels[0]!, sampleRate);
      console.log(`pink ${sampleRate} Hz: slope ${s.toFixed(3)} dB/oct, worst third-octave deviation from the line ${worstResidualDb.toFixed(2)} dB`);
      expect(Math.abs(s - -10 * Math.log10(2))).toBeLessThan(0.5);
      // Third-octave bands from ~250 Welch segments scatter by a few tenths of a dB; 1 dB bounds ripple.
      expect(worstResidualDb).toBeLessThan(1);
    });
  }

  it('has the RMS level asked for within 0.1 dB (AES17 dBFS), −18 dBFS by default', () => {
    expect(Math.abs(rmsDbfs(pinkNoise(48_000, 2).channels[0]!) - -18)).toBeLessThan(0.1);
    for (const levelDbfs of [-40, -24, -12, -6]) {
      const noise = pinkNoise(48_000, 2, { levelDbfs });
      expect(Math.abs(rmsDbfs(noise.channels[0]!) - levelDbfs)).toBeLessThan(0.1);
      expect(noise.name).toContain(`\u2212${-levelDbfs} dBFS`);
    }
  });

  it('is deterministic for a seed, mono, the asked length, and below full scale at −18 dBFS', () => {
    const a = pinkNoise(48_000, 1.5);
    const b = pinkNoise(48_000, 1.5);
    expect(a.channels).toHaveLength(1);
    expect(a.channels[0]!.length).toBe(72_000);
    expect(a.channels[0]).toEqual(b.channels[0]);
    expect(pinkNoise(48_000, 1.5, { seed: 2 }).channels[0]).not.toEqual(a.channels[0]);
    expect(Math.max(...a.channels[0]!.map(Math.abs))).toBeLessThan(1);
  });

  it('refuses a bad level, length or rate, naming the field', () => {
    expect(() => pinkNoise(48_000, 1, { levelDbfs: 3 })).toThrow(/levelDbfs must be from −120 to 0/);
    expect(() => pinkNoise(48_000, 0)).toThrow(/seconds must be > 0/);
    expect(() => pinkNoise(100, 1)).toThrow(/sampleRate must be from 8000/);
  });
});

describe('sine', () => {
  it('has the exact level: amplitude 10^(L/20), RMS L dBFS (AES17)', () => {
    for (const levelDbfs of [-18, -6, 0]) {
      const s = sine(48_000, 1, { hz: 1000, levelDbfs });
      const x = s.channels[0]!;
      const peak = Math.max(...x.map(Math.abs));
      expect(peak).toBeCloseTo(10 ** (levelDbfs / 20), 6);
      expect(rmsDbfs(x)).toBeCloseTo(levelDbfs, 5);
    }
    expect(rmsDbfs(sine(48_000, 1).channels[0]!)).toBeCloseTo(-18, 5);
  });

  it('has the exact frequency: all energy in one FFT bin at 997 Hz over 1 s, a whole number of cycles', () => {
    const sampleRate = 32_768; // a power-of-two length for the FFT, 1 Hz bins
    const s = sine(sampleRate, 1, { hz: 997, levelDbfs: -6 });
    expect(s.hz).toBe(997);
    expect(s.cycles).toBe(997);
    const fft = new FFT(sampleRate);
    const out = fft.createComplexArray() as number[];
    fft.realTransform(out, Array.from(s.channels[0]!));
    const mags = Array.from({ length: sampleRate / 2 }, (_, k) => Math.hypot(out[2 * k]!, out[2 * k + 1]!));
    const peakBin = mags.indexOf(Math.max(...mags));
    expect(peakBin).toBe(997);
    // No leakage: a whole number of cycles puts the tone in one bin; the rest is float32 rounding (< −120 dB).
    const others = Math.max(...mags.filter((_, k) => k !== 997));
    expect(20 * Math.log10(others / mags[997]!)).toBeLessThan(-120);
  });

  it('loops without a seam: the sample after the last is the first, bit for bit', () => {
    for (const [sampleRate, hz, seconds] of [[48_000, 1000, 1], [44_100, 440, 2], [48_000, 60, 0.5]] as const) {
      const s = sine(sampleRate, seconds, { hz, levelDbfs: -3 });
      const x = s.channels[0]!;
      const n = x.length;
      expect(s.hz).toBe(hz);
      expect(x[0]).toBe(0);
      // Continue the formula one period on: the loop's next samples are exactly x[0], x[1], x[2].
      const amplitude = 10 ** (-3 / 20);
      const next = (k: number) => Math.fround(amplitude * Math.sin((2 * Math.PI * hz * (n + k)) / sampleRate));
      for (let k = 0; k < 3; k++) expect(Math.abs(next(k) - x[k]!)).toBeLessThan(1e-6);
      // The step across the seam is like any other step: the seam's second difference fits a sine's.
      const secondDifference = (a: number, b: number, c: number) => a - 2 * b + c;
      const maxSecond = 4 * amplitude * Math.sin((Math.PI * hz) / sampleRate) ** 2 * 1.0001 + 1e-6;
      expect(Math.abs(secondDifference(x[n - 2]!, x[n - 1]!, x[0]!))).toBeLessThan(maxSecond);
      expect(Math.abs(secondDifference(x[n - 1]!, x[0]!, x[1]!))).toBeLessThan(maxSecond);
    }
  });

  it('rounds a frequency that cannot fit to the nearest whole number of cycles and says so', () => {
    const s = sine(48_000, 1, { hz: 440.3 });
    expect(s.hz).toBe(440);
    expect(s.name).toContain('440 Hz');
    expect(() => sine(48_000, 1, { hz: 24_000 })).toThrow(/hz must be > 0 and below half the sample rate, 24000 Hz/);
  });
});

/**
 * Instantaneous frequency near sample `centre` from the samples alone: for a sinusoid,
 * x[n−k] + x[n+k] = 2·cos(kω)·x[n] for any phase and amplitude; least squares over a window
 * gives cos(kω). The stride k ≈ a quarter period keeps cos(kω) near 0, where it is best
 * conditioned, at any frequency.
 */
function instantaneousHz(x: Float32Array, sampleRate: number, centre: number, guessHz: number): { hz: number; at: number } {
  const k = Math.max(1, Math.round(sampleRate / (4 * guessHz)));
  const half = Math.max(2 * k, 16);
  const from = Math.max(k, centre - half);
  const to = Math.min(x.length - 1 - k, centre + half);
  let num = 0;
  let den = 0;
  for (let n = from; n <= to; n++) {
    num += x[n]! * (x[n - k]! + x[n + k]!);
    den += 2 * x[n]! * x[n]!;
  }
  return { hz: (Math.acos(num / den) * sampleRate) / (2 * Math.PI * k), at: (from + to) / 2 };
}

describe('logSweep', () => {
  const sampleRate = 48_000;
  const seconds = 4;
  const sweep = logSweep(sampleRate, seconds, { startHz: 20, endHz: 20_000, levelDbfs: -6 });
  const x = sweep.channels[0]!;
  const f = (n: number) => logSweepFrequency(n / sampleRate, seconds, 20, 20_000);

  it('follows f(t) = f1·(f2/f1)^(t/T): 20 Hz at the start, √(20·20000) = 632 Hz in the middle, 20 kHz at the end', () => {
    expect(logSweepFrequency(0, seconds, 20, 20_000)).toBe(20);
    expect(logSweepFrequency(seconds / 2, seconds, 20, 20_000)).toBeCloseTo(Math.sqrt(20 * 20_000), 9);
    expect(logSweepFrequency(seconds, seconds, 20, 20_000)).toBeCloseTo(20_000, 9);
    // Measured from the samples: windows as close to the ends as the estimator allows.
    const points = [
      { where: 'start', centre: Math.round(sampleRate / (4 * 20)) * 2, expectNear: 20, within: 0.1 },
      { where: 'middle', centre: x.length / 2, expectNear: 632.46, within: 0.001 },
      { where: 'end', centre: x.length - 1 - 16 - 1, expectNear: 20_000, within: 0.002 },
    ];
    for (const p of points) {
      const { hz: measured, at } = instantaneousHz(x, sampleRate, p.centre, f(p.centre));
      const theory = f(at);
      console.log(`sweep ${p.where}: t = ${((at / sampleRate) * 1000).toFixed(2)} ms, measured ${measured.toFixed(3)} Hz, f(t) ${theory.toFixed(3)} Hz`);
      // The estimator averages over a window in which a 10-octave, 4 s sweep moves < 0.5 %.
      expect(Math.abs(measured / theory - 1)).toBeLessThan(0.005);
      expect(Math.abs(theory / p.expectNear - 1)).toBeLessThan(p.within);
    }
  });

  it('starts at phase 0, fades to 0 at the end, and has the asked amplitude', () => {
    expect(x[0]).toBe(0);
    expect(x[x.length - 1]).toBe(0);
    let peak = 0;
    for (const v of x) peak = Math.max(peak, Math.abs(v));
    expect(peak).toBeCloseTo(10 ** (-6 / 20), 3);
    expect(x.length).toBe(seconds * sampleRate);
  });
});

describe('speechBandNoise', () => {
  it('keeps 300 Hz–3.4 kHz and has the asked RMS level', () => {
    const sampleRate = 48_000;
    const noise = speechBandNoise(sampleRate, 10, { levelDbfs: -20 });
    expect(rmsDbfs(noise.channels[0]!)).toBeCloseTo(-20, 3);
    const psd = welchPsd(noise.channels[0]!, 8192);
    const band = (lo: number, hi: number) => {
      let sum = 0;
      let count = 0;
      for (let k = Math.ceil((lo * 8192) / sampleRate); k <= Math.floor((hi * 8192) / sampleRate); k++, count++) sum += psd[k]!;
      return 10 * Math.log10(sum / count);
    };
    const pass = band(500, 2000);
    // 4th-order Butterworth: −24 dB/octave beyond the corners: 50–100 Hz is ≥ 1.6 octaves
    // below 300 Hz (≥ 38 dB down, less the pink tilt), 6.8–10 kHz ≥ 1 octave above 3.4 kHz.
    expect(pass - band(50, 100)).toBeGreaterThan(30);
    expect(pass - band(6800, 10_000)).toBeGreaterThan(20);
  });
});
