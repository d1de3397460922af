import { describe, expect, it } from 'vitest';
import { GeometricSmoother, LinearSmoother } from '../../worklets/dsp/smoother.ts';

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
