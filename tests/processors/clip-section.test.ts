/**
 * ClipSection's per-block lane decision (worklets/processors/clip-section.ts): the clip lane
 * runs only around blocks that can reach the threshold, and a start is an exact restart.
 */
import { describe, expect, it } from 'vitest';
import { OversampledStage } from '../../worklets/dsp/oversampled-stage.ts';
import { ClipSection, HOLD_MS } from '../../worklets/processors/clip-section.ts';

const BLOCK = 128;

interface Run {
  section: Float64Array;
  reference: Float64Array;
  running: boolean[];
  clips: number;
  referenceClips: number;
}

/**
 * The same mono signal through a ClipSection and through an OversampledStage that runs all
 * the time (the clip lane as it was before the per-block decision), both with gain 1.
 */
function run(rate: number, threshold: number, signal: (n: number) => number, blocks: number): Run {
  const section = new ClipSection({ sampleRateHz: rate, channelCount: 2, gain: 1, threshold });
  const stage = new OversampledStage({ sampleRateHz: rate, channelCount: 2, clipFactor: 8, networkFactor: 1, maxSections: 1, gain: 1, threshold });
  const input = new Float32Array(BLOCK);
  const out = [new Float64Array(BLOCK), new Float64Array(BLOCK)];
  const ref = [new Float64Array(BLOCK), new Float64Array(BLOCK)];
  const result: Run = { section: new Float64Array(blocks * BLOCK), reference: new Float64Array(blocks * BLOCK), running: [], clips: 0, referenceClips: 0 };
  for (let b = 0; b < blocks; b++) {
    for (let i = 0; i < BLOCK; i++) input[i] = signal(b * BLOCK + i);
    section.process([input, input], out, BLOCK);
    stage.process([input, input], ref, BLOCK);
    result.section.set(out[0]!, b * BLOCK);
    result.reference.set(ref[0]!, b * BLOCK);
    result.running.push(section.clipLaneRunning);
    result.clips += section.takeClipCount();
    const a = stage.takeClipCount(0);
    stage.takeClipCount(1);
    result.referenceClips += Math.ceil(a / 8);
  }
  return result;
}

const maxDiff = (a: Float64Array, b: Float64Array, from: number, to: number): number => {
  let worst = 0;
  for (let i = from; i < to; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
};

describe('clip section: the clip lane runs only where the threshold can be reached', () => {
  for (const rate of [44_100, 48_000]) {
    it(`at ${rate / 1000} kHz, a lane started mid-stream equals an always-running clip lane to 1e-12 once faded in, and the clean lane equals it to 1e-4 (half-band ripple)`, () => {
      const t = 1;
      const hz = 997;
      // 0.3 s at 0.2·t (cold: peak · 2 < t), then 0.2 s at 3·t (clipping), then cold again.
      const quiet = Math.round(0.3 * rate);
      const loud = Math.round(0.2 * rate);
      const level = (n: number) => (n >= quiet && n < quiet + loud ? 3 : 0.2);
      const blocks = Math.ceil((quiet + loud + 0.3 * rate) / BLOCK);
      const r = run(rate, t, (n) => level(n) * Math.sin((2 * Math.PI * hz * n) / rate), blocks);
      const firstHot = Math.floor(quiet / BLOCK);
      const lastHot = Math.floor((quiet + loud - 1) / BLOCK);
      // Off while cold, on from the first hot block, off again HOLD_MS after the last one.
      expect(r.running.slice(0, firstHot).every((x) => !x)).toBe(true);
      expect(r.running.slice(firstHot, lastHot + 1).every((x) => x)).toBe(true);
      const offBlock = r.running.findIndex((x, b) => b > lastHot && !x);
      const holdBlocks = (offBlock - lastHot) * BLOCK;
      expect(holdBlocks).toBeGreaterThanOrEqual((HOLD_MS * rate) / 1000);
      expect(holdBlocks).toBeLessThanOrEqual((HOLD_MS * rate) / 1000 + 2 * BLOCK);
      // Exact restart: from the end of the fade-in to the start of the fade-out.
      const l = new ClipSection({ sampleRateHz: rate, channelCount: 1, gain: 1, threshold: t }).latencySamples;
      const exact = maxDiff(r.section, r.reference, firstHot * BLOCK + l, (offBlock - 1) * BLOCK);
      // Cold stretches: the clean lane (a delay) against the clip lane's FIRs.
      const clean = Math.max(maxDiff(r.section, r.reference, BLOCK, firstHot * BLOCK), maxDiff(r.section, r.reference, offBlock * BLOCK, blocks * BLOCK));
      // The fades (one at each switch) mix two lanes that agree to the same 1e-4.
      const fades = maxDiff(r.section, r.reference, firstHot * BLOCK, firstHot * BLOCK + l);
      console.info(`clip section at ${rate} Hz: restarted lane vs always-on ${exact.toExponential(1)}, clean lane ${clean.toExponential(1)}, fade ${fades.toExponential(1)}`);
      expect(exact).toBeLessThan(1e-12);
      expect(clean).toBeLessThan(1e-4 * 0.2);
      expect(fades).toBeLessThan(1e-4 * 3);
      // Every clipped sample was counted, as by the always-running lane.
      expect(r.clips).toBe(r.referenceClips);
      expect(r.clips).toBeGreaterThan(0);
    });
  }

  it('a signal whose peak · 2 stays below the threshold never starts the clip lane (the stage costs a delay line)', () => {
    const r = run(48_000, 1, (n) => 0.49 * Math.sin(n * 0.3), 400);
    expect(r.running.some((x) => x)).toBe(false);
    expect(r.clips).toBe(0);
  });
});
