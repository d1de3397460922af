import { describe, expect, it } from 'vitest';
import { CosineSmoother, GeometricSmoother, LinearSmoother } from '../../worklets/dsp/smoother.ts';

describe('parameter smoothers', () => {
  it('a linear ramp reaches its target exactly after rampMs, in equal steps', () => {
    const smoother = new LinearSmoother(48_000, 20, 1);
    smoother.setTarget(0);
    const out = new Float64Array(2000);
    smoother.fill(out, 2000);
    expect(smoother.rampSamples).toBe(960);
    expect(out[959]).toBe(0);
    expect(out[1999]).toBe(0);
    for (let i = 1; i < 960; i++) expect(out[i - 1]! - out[i]!).toBeCloseTo(1 / 960, 12);
    expect(smoother.isSettled).toBe(true);
  });

  it('a geometric ramp moves in equal dB steps and lands exactly (40 dB in 20 ms)', () => {
    const smoother = new GeometricSmoother(48_000, 20, 1);
    smoother.setTarget(100);
    const out = new Float64Array(960);
    smoother.fill(out, 960);
    expect(out[959]).toBe(100);
    const ratio = Math.pow(100, 1 / 960);
    for (let i = 1; i < 959; i++) expect(out[i]! / out[i - 1]!).toBeCloseTo(ratio, 12);
  });

  it('a new target mid-ramp continues from the current value (no jump)', () => {
    const smoother = new LinearSmoother(1000, 10, 0);
    smoother.setTarget(1);
    const values: number[] = [];
    for (let i = 0; i < 5; i++) values.push(smoother.next());
    smoother.setTarget(-1);
    values.push(smoother.next());
    expect(values[4]).toBeCloseTo(0.5, 12);
    expect(values[5]).toBeCloseTo(0.5 - 1.5 / 10, 12);
  });

  it('rejects targets it cannot ramp to', () => {
    expect(() => new LinearSmoother(48_000, 20, 0).setTarget(NaN)).toThrow(/finite/);
    expect(() => new GeometricSmoother(48_000, 20, 1).setTarget(0)).toThrow(/> 0/);
  });
});

describe('raised-cosine gain ramp', () => {
  it('follows v0 + (v1 − v0)·(½ − ½cos(πk/N)) and lands exactly on the target after N samples (20 ms at 48 kHz)', () => {
    const smoother = new CosineSmoother(48_000, 20, 0.25);
    smoother.setTarget(2);
    const out = new Float64Array(1000);
    smoother.fill(out, 1000);
    for (let k = 1; k < 960; k++) expect(out[k - 1]).toBeCloseTo(0.25 + 1.75 * (0.5 - 0.5 * Math.cos((Math.PI * k) / 960)), 14);
    expect(out[959]).toBe(2);
    expect(out[999]).toBe(2);
    expect(smoother.isSettled).toBe(true);
  });

  it('starts and ends with a slope 1/N² of a linear ramp’s (no corner where ramps in series meet), peaking at π/2 times it mid-ramp', () => {
    const n = 960;
    const smoother = new CosineSmoother(48_000, 20, 0);
    smoother.setTarget(1);
    const out = new Float64Array(n);
    smoother.fill(out, n);
    const linearStep = 1 / n;
    // First and last steps: 1 − cos(π/N) over 2 ≈ (π/N)²/4, far below a linear step's 1/N.
    expect(out[0]! / linearStep).toBeLessThan(0.01);
    expect((out[n - 1]! - out[n - 2]!) / linearStep).toBeLessThan(0.01);
    let steepest = 0;
    for (let k = 1; k < n; k++) steepest = Math.max(steepest, out[k]! - out[k - 1]!);
    expect(steepest / linearStep).toBeCloseTo(Math.PI / 2, 4);
  });

  it('a new target mid-ramp starts a full ramp from the current value (no jump), and may go to 0', () => {
    const smoother = new CosineSmoother(1000, 10, 1);
    smoother.setTarget(0);
    const first = new Float64Array(5);
    smoother.fill(first, 5);
    smoother.setTarget(0.5);
    const second = new Float64Array(10);
    smoother.fill(second, 10);
    expect(Math.abs(second[0]! - first[4]!)).toBeLessThan(0.05);
    expect(second[9]).toBe(0.5);
    smoother.setTarget(0, true);
    expect(smoother.value).toBe(0);
    expect(() => smoother.setTarget(Infinity)).toThrow(/finite/);
  });
});
