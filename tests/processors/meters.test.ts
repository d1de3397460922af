import { beforeAll, describe, expect, it } from 'vitest';
import { PLAN_FORMAT, type Plan } from '../../src/model/compile.ts';
import { FOUR_TIMES_NETWORK } from '../support/hard-networks.ts';
import { BLOCK, db, loadProcessors, type Processors } from './harness.ts';

let p: Processors;
beforeAll(async () => {
  p = await loadProcessors(48_000);
});

/** A hand-made plan: flat network, outputGain 0.5, no clipping reachable. */
function flatPlan(network = { numerator: [1], denominator: [1] }): Plan {
  return {
    format: PLAN_FORMAT,
    sampleRateHz: 48_000,
    calibrationDbSpl: 120,
    source: { clipPeakVolts: 10, limitedBy: 'rail', voltsPerFullScale: 1 },
    amp: null,
    listeners: [{ name: 'flat', network, clipPeakVolts: null, outputGain: 0.5 }],
  };
}

interface Meters {
  frame: number;
  listeners: { peak: number[]; rms: number[]; clips: number }[];
}

describe('splitter meters', () => {
  it('posts at most 30 reports a second with the peak and RMS of a sine (amplitude and amplitude/√2 within 0.01 dB)', () => {
    const splitter = new p.Splitter({ numberOfOutputs: 1, processorOptions: { plan: flatPlan() } });
    const input = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
    const out = [[new Float32Array(BLOCK), new Float32Array(BLOCK)]];
    const blocks = Math.ceil(48_000 / BLOCK); // one second
    const hz = (36 * 48_000) / 1664; // whole cycles in a 13-block report period
    for (let b = 0; b < blocks; b++) {
      for (let i = 0; i < BLOCK; i++) {
        const n = b * BLOCK + i;
        input[0]![i] = Math.sin((2 * Math.PI * hz * n) / 48_000);
        input[1]![i] = 0.25 * Math.sin((2 * Math.PI * hz * n) / 48_000);
      }
      (globalThis as unknown as { currentFrame: number }).currentFrame = b * BLOCK;
      splitter.process([input], out);
    }
    const reports = splitter.port.ofType<Meters>('meters');
    expect(reports.length).toBeLessThanOrEqual(30);
    expect(reports.length).toBeGreaterThanOrEqual(28);
    for (let k = 1; k < reports.length; k++) expect(reports[k]!.frame - reports[k - 1]!.frame).toBeGreaterThanOrEqual(48_000 / 30);
    const last = reports[reports.length - 1]!.listeners[0]!;
    expect(Math.abs(db(last.peak[0]! / 0.5))).toBeLessThan(0.01);
    expect(Math.abs(db(last.rms[0]! / (0.5 / Math.SQRT2)))).toBeLessThan(0.01);
    expect(Math.abs(db(last.peak[1]! / 0.125))).toBeLessThan(0.01);
    expect(Math.abs(db(last.rms[1]! / (0.125 / Math.SQRT2)))).toBeLessThan(0.01);
    expect(last.clips).toBe(0);
  });

  it('source and amp post clip counts at most 30 times a second', () => {
    const source = new p.Source({ processorOptions: { plan: flatPlan() } });
    const input = [new Float32Array(BLOCK).fill(0.1), new Float32Array(BLOCK).fill(0.1)];
    const out = [[new Float32Array(BLOCK), new Float32Array(BLOCK)]];
    for (let b = 0; b < 375; b++) source.process([input], out);
    const reports = source.port.ofType<{ clips: number }>('meters');
    expect(reports.length).toBeLessThanOrEqual(30);
    expect(reports.every((r) => r.clips === 0)).toBe(true);
  });
});

describe('latency', () => {
  it("an impulse comes out exactly latencySamples later through the source and a flat splitter, as 'ready' announced", () => {
    const plan = flatPlan();
    const source = new p.Source({ processorOptions: { plan } });
    const splitter = new p.Splitter({ numberOfOutputs: 1, processorOptions: { plan } });
    const ready = [source, splitter].map((x) => (x.port.messages[0] as { latencySamples: number }).latencySamples);
    expect(ready).toEqual([source.latencySamples, splitter.latencySamples]);
    const input = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
    const mid = [[new Float32Array(BLOCK), new Float32Array(BLOCK)]];
    const out = [[new Float32Array(BLOCK), new Float32Array(BLOCK)]];
    const response: number[] = [];
    input[0]![0] = input[1]![0] = 1;
    for (let b = 0; b < 4; b++) {
      source.process([input], mid);
      splitter.process([mid[0]!], out);
      response.push(...out[0]![0]!);
      input[0]![0] = input[1]![0] = 0;
    }
    const peakAt = response.indexOf(Math.max(...response));
    expect(peakAt).toBe(source.latencySamples + splitter.latencySamples);
    expect(response[peakAt]).toBeCloseTo(0.5, 6);
  });

  it('a network that needs the 4× lane (a 17 kHz notch) peaks at the same latency as a flat one', () => {
    const network = { numerator: [...FOUR_TIMES_NETWORK.numerator], denominator: [...FOUR_TIMES_NETWORK.denominator] };
    const plan = flatPlan(network);
    const splitter = new p.Splitter({ numberOfOutputs: 1, processorOptions: { plan } });
    const input = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
    const out = [[new Float32Array(BLOCK), new Float32Array(BLOCK)]];
    const response: number[] = [];
    input[0]![0] = input[1]![0] = 1;
    for (let b = 0; b < 3; b++) {
      splitter.process([input], out);
      response.push(...out[0]![0]!);
      input[0]![0] = input[1]![0] = 0;
    }
    const peakAt = response.indexOf(Math.max(...response));
    expect(Math.abs(peakAt - splitter.latencySamples)).toBeLessThanOrEqual(1);
  });
});
