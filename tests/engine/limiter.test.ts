/**
 * The output limiter's kernel: a brickwall at its ceiling whatever comes in, transparent
 * (an exact delay) below it, finite for non-finite input. The ceiling is −1 dBFS =
 * 0.891251 linear, rounded down to float32 because the output buffers are float32: the
 * bound is checked exactly (≤), no tolerance.
 */
import { describe, expect, it } from 'vitest';
import { BrickwallLimiter } from '../../worklets/dsp/limiter.ts';

const RATE = 48_000;
const CEILING = 10 ** (-1 / 20);
const BLOCK = 128;

function run(limiter: BrickwallLimiter, channels: Float32Array[]): Float32Array[] {
  const out = channels.map((c) => c.slice());
  for (let at = 0; at < out[0]!.length; at += BLOCK) {
    const n = Math.min(BLOCK, out[0]!.length - at);
    limiter.process(out.map((c) => c.subarray(at, at + n)), n);
  }
  return out;
}

const peak = (c: Float32Array) => c.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

describe('brickwall limiter', () => {
  it('keeps a full-scale sine raised by 20 dB (peak 10) at or below −1 dBFS on every sample', () => {
    const n = RATE;
    const x = new Float32Array(n);
    for (let i = 0; i < n; i++) x[i] = 10 * Math.sin((2 * Math.PI * 997 * i) / RATE);
    const limiter = new BrickwallLimiter({ sampleRateHz: RATE, threshold: CEILING, channels: 2 });
    const [l, r] = run(limiter, [x, x.map((v) => -v)]);
    expect(peak(l!)).toBeLessThanOrEqual(CEILING);
    expect(peak(r!)).toBeLessThanOrEqual(CEILING);
    // And it limits, not mutes: after the attack the peak sits at the ceiling within 0.5 dB.
    expect(peak(l!.subarray(RATE / 2))).toBeGreaterThan(CEILING * 10 ** (-0.5 / 20));
  });

  it('holds the ceiling on random noise with isolated +40 dB spikes (single-sample transients)', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
    const x = new Float32Array(RATE);
    for (let i = 0; i < x.length; i++) x[i] = 0.5 * random() + (i % 4801 === 0 ? 100 * Math.sign(random()) : 0);
    const limiter = new BrickwallLimiter({ sampleRateHz: RATE, threshold: CEILING, channels: 2 });
    const [l, r] = run(limiter, [x, x.slice().reverse()]);
    expect(Math.max(peak(l!), peak(r!))).toBeLessThanOrEqual(CEILING);
  });

  it('is an exact delay of latencySamples below the ceiling (nothing changes a −3 dBFS signal)', () => {
    const x = new Float32Array(4096);
    for (let i = 0; i < x.length; i++) x[i] = 0.7 * Math.sin(i * 0.05) * Math.cos(i * 0.013);
    const limiter = new BrickwallLimiter({ sampleRateHz: RATE, threshold: CEILING, channels: 1 });
    const [y] = run(limiter, [x]);
    const d = limiter.latencySamples;
    expect(d).toBe(Math.round(0.005 * RATE) - 1);
    for (let i = d; i < x.length; i++) expect(y![i]).toBe(x[i - d]);
  });

  it('outputs silence for NaN and ±Infinity input, and finite samples after it', () => {
    const x = new Float32Array(1024).fill(0.5);
    x[100] = Number.NaN;
    x[200] = Number.POSITIVE_INFINITY;
    x[300] = Number.NEGATIVE_INFINITY;
    const limiter = new BrickwallLimiter({ sampleRateHz: RATE, threshold: CEILING, channels: 1 });
    const [y] = run(limiter, [x]);
    expect(y!.every((v) => Number.isFinite(v) && Math.abs(v) <= CEILING)).toBe(true);
  });

  it('changes its gain smoothly: a 20 dB step in level gives no sample-to-sample gain jump above 1/L of the reduction', () => {
    const n = RATE / 2;
    const x = new Float32Array(n).fill(0.5);
    for (let i = n / 2; i < n; i++) x[i] = 5;
    const limiter = new BrickwallLimiter({ sampleRateHz: RATE, threshold: CEILING, channels: 1 });
    const [y] = run(limiter, [x]);
    const d = limiter.latencySamples;
    let worst = 0;
    for (let i = d + 1; i < n; i++) worst = Math.max(worst, Math.abs(y![i]! / x[i - d]! - y![i - 1]! / x[i - 1 - d]!));
    // The box filter of length L = 240 spreads the full reduction (1 − 0.891/5 ≈ 0.82) over L samples.
    // + 1e-6: the gains are read back from float32 samples (relative precision 6e-8 at 0.5 and 5).
    expect(worst).toBeLessThanOrEqual((1 - CEILING / 5) / 240 + 1e-6);
  });
});
