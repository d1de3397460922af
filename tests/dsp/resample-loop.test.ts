/**
 * The loop resampler (worklets/dsp/resample-loop.ts) that brings the demo track, rendered at
 * 48 kHz, to a context running at another rate. Tones of whole cycles over a 1 s loop are
 * whole cycles at every rate, so a single-bin DFT reads their level exactly (no window, no
 * leakage), and what the resampler must keep or remove can be measured bin by bin.
 */
import { describe, expect, it } from 'vitest';
import { loopResampling, resampleLoop } from '../../worklets/dsp/resample-loop.ts';

function tone(hz: number, rate: number, seconds = 1, amplitude = 0.5): Float32Array {
  const n = Math.round(rate * seconds);
  return Float32Array.from({ length: n }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / rate));
}

/** Amplitude of the component at `hz` (whole cycles over x): |DFT bin| · 2/N. */
function amplitudeAt(x: Float32Array, hz: number, rate: number): number {
  let re = 0;
  let im = 0;
  for (let i = 0; i < x.length; i++) {
    const phase = (2 * Math.PI * hz * i) / rate;
    re += x[i]! * Math.cos(phase);
    im -= x[i]! * Math.sin(phase);
  }
  return (2 * Math.hypot(re, im)) / x.length;
}

const db = (ratio: number) => 20 * Math.log10(ratio);

describe('resampleLoop', () => {
  it('keeps a loop a loop: 9.6 s at 48 kHz (460 800 samples) becomes exactly 423 360 samples at 44.1 kHz', () => {
    expect(loopResampling(48_000, 44_100)).toMatchObject({ up: 147, down: 160 });
    expect(resampleLoop(new Float32Array(460_800), 48_000, 44_100)).toHaveLength(423_360);
  });

  it('a 1 kHz sine at 48 kHz becomes the 1 kHz sine at 44.1 kHz, sample for sample within −80 dB of it (the filter’s stopband)', () => {
    const out = resampleLoop(tone(1000, 48_000), 48_000, 44_100);
    const exact = tone(1000, 44_100);
    let worst = 0;
    for (let i = 0; i < out.length; i++) worst = Math.max(worst, Math.abs(out[i]! - exact[i]!));
    expect(db(worst / 0.5)).toBeLessThan(-80);
  });

  it('passes 20 Hz to 19 kHz within 0.01 dB, down and up', () => {
    for (const [from, to] of [
      [48_000, 44_100],
      [44_100, 48_000],
      [48_000, 96_000],
    ] as const) {
      for (const hz of [20, 100, 1000, 5000, 10_000, 15_000, 19_000]) {
        const gain = amplitudeAt(resampleLoop(tone(hz, from), from, to), hz, to) / 0.5;
        expect(Math.abs(db(gain)), `${hz} Hz, ${from} → ${to}`).toBeLessThan(0.01);
      }
    }
  });

  it('leaves no image in the audio band: a 15 kHz tone’s image would fold to 11.1 kHz at 44.1 kHz and to 18.9 kHz at 48 kHz; both stay 80 dB down', () => {
    const down = resampleLoop(tone(15_000, 48_000), 48_000, 44_100);
    // The image at 48 − 15 = 33 kHz, sampled at 44.1 kHz, lands at 44.1 − 33 = 11.1 kHz.
    expect(db(amplitudeAt(down, 11_100, 44_100) / 0.5)).toBeLessThan(-80);
    const up = resampleLoop(tone(15_000, 44_100), 44_100, 48_000);
    // The image at 44.1 − 15 = 29.1 kHz, sampled at 48 kHz, lands at 48 − 29.1 = 18.9 kHz.
    expect(db(amplitudeAt(up, 18_900, 48_000) / 0.5)).toBeLessThan(-80);
  });

  it('reads the loop round its seam: a loop turned by 160 samples comes out turned by the 147 samples they last at 44.1 kHz', () => {
    const noise = Float32Array.from({ length: 48_000 }, (_, i) => Math.sin(i * 12.9898) * 0.3);
    const turned = Float32Array.from(noise, (_, i) => noise[(i + 160) % noise.length]!);
    const a = resampleLoop(noise, 48_000, 44_100);
    const b = resampleLoop(turned, 48_000, 44_100);
    let worst = 0;
    for (let k = 0; k < b.length; k++) worst = Math.max(worst, Math.abs(b[k]! - a[(k + 147) % a.length]!));
    // The same sums in the same order: equal to float32 rounding.
    expect(worst).toBeLessThan(1e-6);
  });

  it('refuses rates it cannot serve, naming the rate and the range', () => {
    expect(() => resampleLoop(new Float32Array(10), 48_000, 4000)).toThrow('toRate must be a whole number of Hz from 8000 to 384000 (got 4000)');
    expect(() => resampleLoop(new Float32Array(10), 44_100.5, 48_000)).toThrow('fromRate must be a whole number of Hz from 8000 to 384000 (got 44100.5)');
    expect(() => resampleLoop(new Float32Array(10), 48_000, 44_101)).toThrow('resampling 48000 → 44101 Hz needs 44101 phases (at most 4096)');
  });
});
