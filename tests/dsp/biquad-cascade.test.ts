import { describe, expect, it } from 'vitest';
import { bilinearFromPolynomials } from '../../worklets/dsp/analog-to-digital.ts';
import { BiquadCascade } from '../../worklets/dsp/biquad-cascade.ts';
import { DENORMAL_FLOOR } from '../../worklets/dsp/denormal.ts';
import { heapGrowthBytes, largestHeapGrowthBytes } from './alloc.ts';
import { dynamic, inEar } from './networks.ts';

const FS = 4 * 48_000;
const BLOCK = 512;
const dynamicOn75 = dynamic(254, 0.9, 296, 1.73, 3.7, 75);
const dynamicOn0 = dynamic(254, 0.9, 296, 1.73, 3.7, 1);
const sectionsFor = (n: { numerator: number[]; denominator: number[] }) => bilinearFromPolynomials(n.numerator, n.denominator, { sampleRateHz: FS });

/** Runs a sine through the cascade block by block, switching sections at `switchAt`. */
function runSine(hz: number, seconds: number, change: (c: BiquadCascade) => void, switchAt: number): Float64Array {
  const cascade = new BiquadCascade({ maxSections: 4, channelCount: 1, maxBlockLength: BLOCK, sampleRateHz: FS });
  cascade.setSections(sectionsFor(dynamicOn75), true);
  const total = Math.round(seconds * FS / BLOCK) * BLOCK;
  const out = new Float64Array(total);
  for (let i = 0; i < total; i++) out[i] = Math.sin((2 * Math.PI * hz * i) / FS);
  for (let start = 0; start < total; start += BLOCK) {
    if (start === switchAt) change(cascade);
    cascade.process([out.subarray(start, start + BLOCK)], BLOCK);
  }
  return out;
}

const maxStep = (x: Float64Array, from: number, to: number): number => {
  let worst = 0;
  for (let i = Math.max(1, from); i < to; i++) worst = Math.max(worst, Math.abs(x[i]! - x[i - 1]!));
  return worst;
};

describe('biquad cascade (TDF-II, double state)', () => {
  it('matches the direct-form difference equation of its sections', () => {
    const sections = sectionsFor(inEar(16, 0.05, 120));
    const cascade = new BiquadCascade({ maxSections: 4, channelCount: 1, maxBlockLength: 64, sampleRateHz: FS });
    cascade.setSections(sections, true);
    const x = new Float64Array(64).map((_, i) => Math.sin(i * 0.3) + (i === 5 ? 1 : 0));
    const y = x.slice();
    cascade.process([y], 64);
    // Reference: direct form I, one section (the in-ear network is first order).
    const [b0, b1, b2, a1, a2] = sections.coefficients;
    const ref = new Float64Array(64);
    for (let n = 0; n < 64; n++) {
      ref[n] = b0! * x[n]! + b1! * (x[n - 1] ?? 0) + b2! * (x[n - 2] ?? 0) - a1! * (ref[n - 1] ?? 0) - a2! * (ref[n - 2] ?? 0);
    }
    for (let n = 0; n < 64; n++) expect(y[n]).toBeCloseTo(ref[n]!, 13);
  });

  it('a coefficient change is click-free: warm-up + crossfade never steps more than either steady filter does', () => {
    const hz = 5_000;
    const switchAt = 100 * BLOCK;
    const out = runSine(hz, 1, (c) => c.setSections(sectionsFor(dynamicOn0)), switchAt);
    const transitionEnd = switchAt + Math.round(0.04 * FS) + BLOCK;
    const before = maxStep(out, switchAt - 20 * BLOCK, switchAt);
    const after = maxStep(out, transitionEnd, transitionEnd + 20 * BLOCK);
    const during = maxStep(out, switchAt, transitionEnd);
    // A sine's sample step is 2·A·sin(πf/fs); the two filters differ by a few dB in level,
    // and the crossfade can only interpolate between them: allow 1e-3 of slack.
    expect(during).toBeLessThanOrEqual(Math.max(before, after) + 1e-3);
    // The level really changed (the test would see it if the new filter were ignored).
    expect(Math.abs(after - before)).toBeGreaterThan(0.01);
  });

  it('an immediate swap with cleared state would click (the criterion above detects clicks)', () => {
    const switchAt = 100 * BLOCK;
    // Switching with cleared state at a sample where the sine is near its peak.
    const out = runSine(997, 1, (c) => c.setSections(sectionsFor(dynamicOn0), true), switchAt);
    const before = maxStep(out, switchAt - 20 * BLOCK, switchAt);
    const during = maxStep(out, switchAt, switchAt + 2 * BLOCK);
    expect(during).toBeGreaterThan(before + 1e-3);
  });

  it('after the transition the output is the new filter alone (same as a filter that always had it)', () => {
    const switchAt = 20 * BLOCK;
    const switched = runSine(1_000, 0.5, (c) => c.setSections(sectionsFor(dynamicOn0)), switchAt);
    const reference = runSine(1_000, 0.5, (c) => c.setSections(sectionsFor(dynamicOn0), true), 0);
    const end = switched.length;
    // 0.4 s after the switch the slow (95 rad/s) mode has decayed to e^−38.
    for (let i = end - 1000; i < end; i++) expect(switched[i]).toBeCloseTo(reference[i]!, 9);
  });

  it('rejects unstable or malformed sections with a message', () => {
    const cascade = new BiquadCascade({ maxSections: 2, channelCount: 1, maxBlockLength: 16, sampleRateHz: FS });
    expect(() => cascade.setSections({ count: 1, coefficients: Float64Array.from([1, 0, 0, -2, 1]) })).toThrow(/unstable/);
    expect(() => cascade.setSections({ count: 1, coefficients: Float64Array.from([1, 0, 0, 0, 1]) })).toThrow(/unstable/);
    expect(() => cascade.setSections({ count: 3, coefficients: new Float64Array(15) })).toThrow(/section count/);
    expect(() => cascade.setSections({ count: 1, coefficients: Float64Array.from([NaN, 0, 0, 0, 0]) })).toThrow(/finite/);
  });

  it('silence after a loud signal leaves no denormals in the state (0 or ≥ 1e-30)', () => {
    const cascade = new BiquadCascade({ maxSections: 4, channelCount: 2, maxBlockLength: BLOCK, sampleRateHz: FS });
    cascade.setSections(sectionsFor(dynamicOn75), true);
    const left = new Float64Array(BLOCK);
    const right = new Float64Array(BLOCK);
    for (let b = 0; b < 50; b++) {
      for (let i = 0; i < BLOCK; i++) {
        left[i] = Math.random() * 2 - 1;
        right[i] = Math.random() * 2 - 1;
      }
      cascade.process([left, right], BLOCK);
    }
    // 10 s of silence at 192 kHz: long enough for the slowest mode (95 rad/s) to fall
    // from 1 to below 1e-300 if nothing flushed it.
    let sawTiny = false;
    for (let b = 0; b < (10 * FS) / BLOCK; b++) {
      left.fill(0);
      right.fill(0);
      cascade.process([left, right], BLOCK);
      for (const channel of [0, 1]) {
        for (const v of cascade.stateOf(channel)) {
          expect(v === 0 || Math.abs(v) >= DENORMAL_FLOOR).toBe(true);
          if (v !== 0 && Math.abs(v) < 1e-20) sawTiny = true;
        }
      }
    }
    expect(sawTiny).toBe(true);
    for (const channel of [0, 1]) for (const v of cascade.stateOf(channel)) expect(v).toBe(0);
  });

  it('allocates nothing per block, also while crossfading (heap growth over 20 000 blocks < 64 kB)', () => {
    const cascade = new BiquadCascade({ maxSections: 4, channelCount: 2, maxBlockLength: 128, sampleRateHz: FS });
    const a = sectionsFor(dynamicOn75);
    const b = sectionsFor(dynamicOn0);
    cascade.setSections(a, true);
    const left = new Float64Array(128).map((_, i) => Math.sin(i));
    const right = left.slice();
    const channels = [left, right];
    let calls = 0;
    const run = (): void => {
      // A new plan every 100 blocks keeps the cascade in transitions much of the time.
      if (++calls % 100 === 0) cascade.setSections(calls % 200 === 0 ? a : b);
      cascade.process(channels, 128);
    };
    const growth = heapGrowthBytes(run, 5_000, 20_000);
    console.info(`biquad cascade: heap growth ${growth} B over 20 000 blocks (smallest of 6 windows)`);
    expect(growth).toBeLessThan(64 * 1024);
    // Sensitivity check: the same probe sees a function allocating one small array per call.
    const sink: number[][] = [];
    const allocating = (): void => {
      run();
      sink[calls % 2] = [calls, calls];
    };
    expect(largestHeapGrowthBytes(allocating, 20_000)).toBeGreaterThan(256 * 1024);
  });
});

describe('stereo kernel', () => {
  // Two channels run in one loop, two sections per pass; every sample is the same
  // expression in the same order as the one-channel loop, so equality is exact.
  it('a two-channel cascade is bit-identical to two one-channel cascades, for 1…5 sections', () => {
    const sections = [
      [0.9, -1.7, 0.8, -1.75, 0.78],
      [1.0, -1.9, 0.91, -1.92, 0.925],
      [0.5, 0.3, 0.1, -0.2, 0.05],
      [1.2, 0.4, -0.3, 0.1, 0.2],
      [0.7, -0.2, 0.0, -0.5, 0.0],
    ];
    for (let count = 1; count <= sections.length; count++) {
      const spec = { count, coefficients: Float64Array.from(sections.slice(0, count).flat()) };
      const stereo = new BiquadCascade({ maxSections: 8, channelCount: 2, maxBlockLength: 128, sampleRateHz: 48_000 });
      const left = new BiquadCascade({ maxSections: 8, channelCount: 1, maxBlockLength: 128, sampleRateHz: 48_000 });
      const right = new BiquadCascade({ maxSections: 8, channelCount: 1, maxBlockLength: 128, sampleRateHz: 48_000 });
      for (const c of [stereo, left, right]) c.setSections(spec, true);
      const a = [new Float64Array(128), new Float64Array(128)];
      const l = [new Float64Array(128)];
      const r = [new Float64Array(128)];
      let identical = true;
      for (let b = 0; b < 20; b++) {
        for (let i = 0; i < 128; i++) {
          a[0]![i] = l[0]![i] = Math.sin(0.1 * (b * 128 + i));
          a[1]![i] = r[0]![i] = Math.cos(0.37 * (b * 128 + i));
        }
        stereo.process(a, 128);
        left.process(l, 128);
        right.process(r, 128);
        for (let i = 0; i < 128; i++) if (a[0]![i] !== l[0]![i] || a[1]![i] !== r[0]![i]) identical = false;
      }
      expect(identical).toBe(true);
    }
  });
});

describe('filtering from a source, and pure gains', () => {
  it('filtering from separate source arrays equals filtering in place, bit for bit (one and two channels, 1…3 sections, and during a crossfade)', () => {
    const sections = [[0.9, -1.7, 0.8, -1.75, 0.78], [1.0, -1.9, 0.91, -1.92, 0.925], [0.5, 0.3, 0.1, -0.2, 0.05]];
    for (const channelCount of [1, 2]) {
      for (let count = 1; count <= sections.length; count++) {
        const spec = { count, coefficients: Float64Array.from(sections.slice(0, count).flat()) };
        const other = { count: 1, coefficients: Float64Array.of(0.5, 0.1, 0, -0.3, 0) };
        const make = () => new BiquadCascade({ maxSections: 4, channelCount, maxBlockLength: 128, sampleRateHz: 48_000, warmupMs: 1, crossfadeMs: 1 });
        const inPlace = make();
        const fromSource = make();
        for (const c of [inPlace, fromSource]) c.setSections(spec, true);
        let identical = true;
        let sourceUntouched = true;
        for (let b = 0; b < 30; b++) {
          if (b === 10) for (const c of [inPlace, fromSource]) c.setSections(other);
          const sources = Array.from({ length: channelCount }, (_, ch) => Float64Array.from({ length: 128 }, (_, i) => Math.sin((0.1 + 0.27 * ch) * (b * 128 + i))));
          const copies = sources.map((x) => x.slice());
          const outputs = sources.map(() => new Float64Array(128));
          inPlace.process(copies, 128);
          fromSource.process(outputs, 128, sources);
          for (let ch = 0; ch < channelCount; ch++) {
            for (let i = 0; i < 128; i++) {
              if (copies[ch]![i] !== outputs[ch]![i]) identical = false;
              if (sources[ch]![i] !== Math.sin((0.1 + 0.27 * ch) * (b * 128 + i))) sourceUntouched = false;
            }
          }
        }
        expect(identical).toBe(true);
        expect(sourceUntouched).toBe(true);
      }
    }
  });

  it('a single pure-gain section (b1 = b2 = a1 = a2 = 0) multiplies by b0 exactly and keeps no state', () => {
    const cascade = new BiquadCascade({ maxSections: 2, channelCount: 2, maxBlockLength: 128, sampleRateHz: 48_000 });
    cascade.setSections({ count: 1, coefficients: Float64Array.of(0.8125, 0, 0, 0, 0) }, true);
    const x = [Float64Array.from({ length: 128 }, (_, i) => Math.sin(i)), Float64Array.from({ length: 128 }, (_, i) => Math.cos(i))];
    const y = [new Float64Array(128), new Float64Array(128)];
    cascade.process(y, 128, x);
    for (let ch = 0; ch < 2; ch++) for (let i = 0; i < 128; i++) expect(y[ch]![i]).toBe(0.8125 * x[ch]![i]!);
    expect([...cascade.stateOf(0), ...cascade.stateOf(1)].every((v) => v === 0)).toBe(true);
  });
});
