/**
 * The readings behind the scope's trigger and the spectrum's markers, on synthetic data whose
 * answers are known: an interpolated zero crossing, hysteresis against noise, a parabolic
 * peak between bins, and harmonics standing above a noise floor.
 */
import { describe, expect, it } from 'vitest';
import { harmonicsOf, risingZeroCrossing, sampleAt, strongestPeak } from '../../src/audio/signal-analysis.ts';

describe('risingZeroCrossing', () => {
  it('finds the rising crossing of a sine between samples, to the interpolated fraction', () => {
    // sin(2π(n − 10.25)/40): rises through zero at n = 10.25 (and 50.25, …).
    const samples = Float32Array.from({ length: 100 }, (_, n) => Math.sin((2 * Math.PI * (n - 10.25)) / 40));
    const at = risingZeroCrossing(samples, 1, 100)!;
    expect(at).toBeCloseTo(10.25, 2);
    expect(Math.abs(sampleAt(samples, at))).toBeLessThan(1e-6);
    expect(risingZeroCrossing(samples, 12, 100)).toBeCloseTo(50.25, 2);
  });

  it('ignores wiggles around zero smaller than the hysteresis', () => {
    const samples = [0.01, -0.01, 0.01, -0.01, -0.3, -0.1, 0.2, 0.5];
    expect(risingZeroCrossing(samples, 1, samples.length, 0)).toBeCloseTo(1.5, 9);
    expect(risingZeroCrossing(samples, 1, samples.length, 0.05)).toBeCloseTo(5 + 0.1 / 0.3, 9);
    expect(risingZeroCrossing([0.1, 0.2, 0.3], 1, 3)).toBeNull();
  });
});

describe('strongestPeak and harmonicsOf', () => {
  const sampleRate = 48_000;
  const fftSize = 1024;
  const binHz = sampleRate / fftSize;

  /** A dB spectrum: a floor at −100 dB and parabolic peaks (in dB) centred at fractional bins. */
  function spectrum(peaks: { bin: number; db: number }[]): Float32Array {
    const db = new Float32Array(fftSize / 2).fill(-100);
    for (const { bin, db: top } of peaks) {
      for (let k = Math.floor(bin) - 1; k <= Math.ceil(bin) + 1; k++) db[k] = Math.max(db[k]!, top - 6 * (k - bin) ** 2);
    }
    return db;
  }

  it('puts the peak between bins where a parabola through three bins says', () => {
    const peak = strongestPeak(spectrum([{ bin: 21.3, db: -10 }]), sampleRate, fftSize)!;
    expect(peak.bin).toBe(21);
    expect(peak.hz).toBeCloseTo(21.3 * binHz, 4);
    expect(peak.db).toBeCloseTo(-10, 4);
  });

  it('reads harmonics in dBc and calls only those 10 dB above the floor significant', () => {
    const f0 = 10.5;
    const db = spectrum([
      { bin: f0, db: -6 },
      { bin: 3 * f0, db: -26 },
      { bin: 5 * f0, db: -40 },
      { bin: 2 * f0, db: -95 },
    ]);
    const peak = strongestPeak(db, sampleRate, fftSize)!;
    const harmonics = harmonicsOf(db, peak, sampleRate, fftSize, 6);
    expect(harmonics.map((h) => h.n)).toEqual([2, 3, 4, 5, 6]);
    const byN = new Map(harmonics.map((h) => [h.n, h]));
    expect(byN.get(3)!.dbc).toBeCloseTo(-20, 4);
    expect(byN.get(5)!.dbc).toBeCloseTo(-34, 4);
    expect(byN.get(3)!.hz).toBeCloseTo(3 * f0 * binHz, 3);
    expect(harmonics.filter((h) => h.significant).map((h) => h.n)).toEqual([3, 5]);
    // A display floor above the data's own floor hides what sits under it.
    expect(harmonicsOf(db, peak, sampleRate, fftSize, 6, -40).filter((h) => h.significant).map((h) => h.n)).toEqual([3]);
  });

  it('finds nothing in silence', () => {
    expect(strongestPeak(new Float32Array(512).fill(-Infinity), sampleRate, fftSize)).toBeNull();
  });
});
