/**
 * StereoHiss (worklets/dsp/white-noise.ts): Gaussian white noise at a set RMS per sample,
 * independent in left and right, flat in spectrum, allocation-free.
 */
import { describe, expect, it } from 'vitest';
import { StereoHiss } from '../../worklets/dsp/white-noise.ts';
import { heapGrowthBytes } from './alloc.ts';
import { magnitudeSpectrum } from './spectrum.ts';

const FS = 48_000;
const BLOCK = 128;

function run(hiss: StereoHiss, blocks: number): [Float64Array, Float64Array] {
  const left = new Float64Array(blocks * BLOCK);
  const right = new Float64Array(blocks * BLOCK);
  const l = new Float64Array(BLOCK);
  const r = new Float64Array(BLOCK);
  for (let b = 0; b < blocks; b++) {
    l.fill(0);
    r.fill(0);
    hiss.add(l, r, BLOCK);
    left.set(l, b * BLOCK);
    right.set(r, b * BLOCK);
  }
  return [left, right];
}

const mean = (x: Float64Array) => x.reduce((a, b) => a + b, 0) / x.length;
const rms = (x: Float64Array) => Math.sqrt(x.reduce((a, b) => a + b * b, 0) / x.length);

describe('StereoHiss', () => {
  // 2^20 samples: the RMS estimate's relative standard error is 1/√(2N) ≈ 0.07 %, the
  // correlation's 1/√N ≈ 0.001; bars of 0.5 % and 0.005 are over six standard errors.
  const sigma = 3e-6;
  const [left, right] = run(new StereoHiss(FS, 20, BLOCK, 1, sigma), 8192);

  it('has the set RMS per sample, zero mean, in both channels', () => {
    for (const channel of [left, right]) {
      expect(Math.abs(rms(channel) / sigma - 1)).toBeLessThan(0.005);
      expect(Math.abs(mean(channel))).toBeLessThan(0.005 * sigma);
    }
  });

  it('is Gaussian: 68.3 % of samples within ±σ and 95.4 % within ±2σ (±0.3 %)', () => {
    const within = (k: number) => left.filter((x) => Math.abs(x) <= k * sigma).length / left.length;
    expect(Math.abs(within(1) - 0.6827)).toBeLessThan(0.003);
    expect(Math.abs(within(2) - 0.9545)).toBeLessThan(0.003);
  });

  it('left and right are independent: correlation below 0.005', () => {
    let lr = 0;
    for (let i = 0; i < left.length; i++) lr += left[i]! * right[i]!;
    expect(Math.abs(lr / (left.length * rms(left) * rms(right)))).toBeLessThan(0.005);
  });

  it('is white: every third of an octave from 50 Hz to 20 kHz holds its share of the power within ±0.5 dB', () => {
    const n = 16_384;
    const power = new Float64Array(n / 2 + 1);
    for (let s = 0; s + n <= left.length; s += n) {
      const x = magnitudeSpectrum(left.subarray(s, s + n));
      for (let k = 0; k <= n / 2; k++) power[k] = power[k]! + x[k]! ** 2;
    }
    const average = power.slice(1, n / 2).reduce((a, b) => a + b, 0) / (n / 2 - 1);
    for (let fc = 50; fc < 20_000; fc *= 2 ** (1 / 3)) {
      const lo = Math.ceil((fc * 2 ** (-1 / 6) * n) / FS);
      const hi = Math.floor((fc * 2 ** (1 / 6) * n) / FS);
      let sum = 0;
      for (let k = lo; k <= hi; k++) sum += power[k]!;
      expect(Math.abs(10 * Math.log10(sum / (hi - lo + 1) / average)), `${fc.toFixed(0)} Hz`).toBeLessThan(0.5);
    }
  });

  it('a new level ramps in over 20 ms; level 0 adds nothing at all', () => {
    const hiss = new StereoHiss(FS, 20, BLOCK, 7, 0);
    const [silent] = run(hiss, 10);
    expect(silent.every((x) => x === 0)).toBe(true);
    hiss.setLevel(1e-3);
    const [ramp] = run(hiss, 20);
    const firstMs = rms(ramp.subarray(0, 48));
    const afterRamp = rms(ramp.subarray(Math.round(0.02 * FS), 20 * BLOCK));
    expect(firstMs).toBeLessThan(0.05 * afterRamp);
    expect(Math.abs(afterRamp / 1e-3 - 1)).toBeLessThan(0.1);
  });

  it('add() allocates nothing', () => {
    const hiss = new StereoHiss(FS, 20, BLOCK, 3, 1e-6);
    const l = new Float64Array(BLOCK);
    const r = new Float64Array(BLOCK);
    expect(heapGrowthBytes(() => hiss.add(l, r, BLOCK), 3_000, 3_000)).toBeLessThan(16 * 1024);
  });
});
