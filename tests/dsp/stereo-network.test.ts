/**
 * StereoNetwork (worklets/dsp/stereo-network.ts): independent channels as one stereo cascade,
 * coupled channels in mid/side form, and click-free switches between the two.
 */
import { describe, expect, it } from 'vitest';
import { bilinearFromPolynomials, type BiquadSections } from '../../worklets/dsp/analog-to-digital.ts';
import { BiquadCascade } from '../../worklets/dsp/biquad-cascade.ts';
import { StereoNetwork } from '../../worklets/dsp/stereo-network.ts';
import { heapGrowthBytes } from './alloc.ts';
import { dynamic, inEar } from './networks.ts';

const FS = 48_000;
const BLOCK = 128;
const sectionsFor = (n: { numerator: number[]; denominator: number[] }): BiquadSections => bilinearFromPolynomials(n.numerator, n.denominator, { sampleRateHz: FS });
const mid = sectionsFor(dynamic(254, 0.9, 296, 1.73, 3.7, 10));
const side = sectionsFor(dynamic(254, 0.9, 296, 1.73, 3.7, 1));

function network(): StereoNetwork {
  return new StereoNetwork({ maxSections: 4, maxBlockLength: BLOCK, sampleRateHz: FS });
}

/** Left and right test signals: a chord on the left, another on the right. */
function stereoBlock(start: number): [Float64Array, Float64Array] {
  const left = new Float64Array(BLOCK);
  const right = new Float64Array(BLOCK);
  for (let i = 0; i < BLOCK; i++) {
    const t = (start + i) / FS;
    left[i] = Math.sin(2 * Math.PI * 440 * t) + 0.5 * Math.sin(2 * Math.PI * 3100 * t);
    right[i] = 0.7 * Math.sin(2 * Math.PI * 90 * t) + 0.3 * Math.sin(2 * Math.PI * 7000 * t);
  }
  return [left, right];
}

describe('StereoNetwork', () => {
  it('independent channels: bit-identical to a stereo BiquadCascade with the same sections', () => {
    const net = network();
    net.setSections(mid, null, true);
    const reference = new BiquadCascade({ maxSections: 4, channelCount: 2, maxBlockLength: BLOCK, sampleRateHz: FS });
    reference.setSections(mid, true);
    for (let b = 0; b < 50; b++) {
      const [l, r] = stereoBlock(b * BLOCK);
      const out = [new Float64Array(BLOCK), new Float64Array(BLOCK)];
      net.process(out, BLOCK, [l, r]);
      reference.process([l, r], BLOCK);
      expect(out[0]).toEqual(l);
      expect(out[1]).toEqual(r);
    }
  });

  it('coupled channels: L′ = M·H_mid + S·H_side and R′ = M·H_mid − S·H_side, to rounding', () => {
    const net = network();
    net.setSections(mid, side, true);
    const midCascade = new BiquadCascade({ maxSections: 4, channelCount: 1, maxBlockLength: BLOCK, sampleRateHz: FS });
    const sideCascade = new BiquadCascade({ maxSections: 4, channelCount: 1, maxBlockLength: BLOCK, sampleRateHz: FS });
    midCascade.setSections(mid, true);
    sideCascade.setSections(side, true);
    for (let b = 0; b < 50; b++) {
      const [l, r] = stereoBlock(b * BLOCK);
      const m = l.map((x, i) => (x + r[i]!) / 2);
      const s = l.map((x, i) => (x - r[i]!) / 2);
      midCascade.process([m], BLOCK);
      sideCascade.process([s], BLOCK);
      net.process([l, r], BLOCK);
      for (let i = 0; i < BLOCK; i++) {
        expect(l[i]).toBeCloseTo(m[i]! + s[i]!, 12);
        expect(r[i]).toBeCloseTo(m[i]! - s[i]!, 12);
      }
    }
  });

  it('with equal mid and side sections the coupled form is the independent one (to rounding)', () => {
    const a = network();
    const b = network();
    a.setSections(mid, null, true);
    b.setSections(mid, mid, true);
    for (let k = 0; k < 20; k++) {
      const [l1, r1] = stereoBlock(k * BLOCK);
      const [l2, r2] = stereoBlock(k * BLOCK);
      a.process([l1, r1], BLOCK);
      b.process([l2, r2], BLOCK);
      for (let i = 0; i < BLOCK; i++) {
        expect(l2[i]).toBeCloseTo(l1[i]!, 12);
        expect(r2[i]).toBeCloseTo(r1[i]!, 12);
      }
    }
  });

  it('a switch between the forms (returns appear, then go) is click-free: no step beyond the steady ones, and it ends in the new form', () => {
    const net = network();
    net.setSections(mid, null, true);
    const total = 400;
    const left: number[] = [];
    for (let b = 0; b < total; b++) {
      if (b === 100) net.setSections(sectionsFor(inEar(16, 0.05, 10)), sectionsFor(inEar(16, 0.05, 1)));
      if (b === 250) net.setSections(mid, null);
      const [l, r] = stereoBlock(b * BLOCK);
      net.process([l, r], BLOCK);
      left.push(...l);
      if (b === 180) expect(net.coupled).toBe(true);
    }
    expect(net.coupled).toBe(false);
    const step = (from: number, to: number) => {
      let worst = 0;
      for (let i = from + 1; i < to; i++) worst = Math.max(worst, Math.abs(left[i]! - left[i - 1]!));
      return worst;
    };
    const steady = Math.max(step(50 * BLOCK, 100 * BLOCK), step(180 * BLOCK, 250 * BLOCK), step(350 * BLOCK, 400 * BLOCK));
    // The crossfade mixes two bounded, band-limited signals with a weight that moves by at most
    // π/(2N) per sample: its steps stay within the larger steady step plus 1e-3 of slack.
    expect(step(100 * BLOCK, 180 * BLOCK)).toBeLessThan(steady + 1e-3);
    expect(step(250 * BLOCK, 330 * BLOCK)).toBeLessThan(steady + 1e-3);
  });

  it('process() allocates nothing, in either form and across a switch', () => {
    const net = network();
    net.setSections(mid, side, true);
    const [l, r] = stereoBlock(0);
    const out = [new Float64Array(BLOCK), new Float64Array(BLOCK)];
    const sources = [l, r];
    let calls = 0;
    const growth = heapGrowthBytes(() => {
      if (++calls % 5_000 === 0) net.setSections(mid, calls % 10_000 === 0 ? null : side);
      net.process(out, BLOCK, sources);
    }, 3_000, 3_000);
    expect(growth).toBeLessThan(16 * 1024);
  });
});
