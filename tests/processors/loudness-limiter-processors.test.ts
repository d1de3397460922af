/**
 * headroom-loudness and headroom-limiter under faked worklet globals, process() called
 * block by block: the meter's blocks match the offline BS.1770 maths exactly, the limiter
 * holds −1 dBFS and takes no settings, and neither allocates after warm-up.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { blockPowers } from '../../src/audio/loudness/bs1770.ts';
import { heapGrowthBytes } from '../dsp/alloc.ts';
import { BLOCK, installWorkletGlobals, type FakePort } from './harness.ts';

interface Processor {
  port: FakePort;
  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean;
}
type Ctor = new (options?: unknown) => Processor;
let Loudness: Ctor;
let Limiter: Ctor;

beforeAll(async () => {
  installWorkletGlobals(48_000);
  Loudness = (await import('../../worklets/processors/loudness-processor.ts')).HeadroomLoudnessProcessor as unknown as Ctor;
  Limiter = (await import('../../worklets/processors/limiter-processor.ts')).HeadroomLimiterProcessor as unknown as Ctor;
});

function noise(n: number, seed: number, scale: number): Float32Array {
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = scale * ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32 - 0.5);
  return x;
}

describe('headroom-loudness', () => {
  it('posts, every 100 ms from 400 ms on, each input’s 400 ms block power exactly as the offline BS.1770 maths gives it', () => {
    const meter = new Loudness({ numberOfInputs: 2, numberOfOutputs: 0 });
    const frames = 48_000;
    const a = [noise(frames, 1, 1), noise(frames, 2, 1)];
    const b = [noise(frames, 3, 0.3)];
    for (let at = 0; at + BLOCK <= frames; at += BLOCK) {
      meter.process([a.map((c) => c.subarray(at, at + BLOCK)), b.map((c) => c.subarray(at, at + BLOCK))], []);
    }
    const posts = meter.port.ofType<{ a: number; b: number }>('loudness');
    const expectA = blockPowers(a, 48_000);
    // A mono input is heard on both ears: it counts twice.
    const expectB = blockPowers([b[0]!, b[0]!], 48_000);
    expect(posts).toHaveLength(7); // blocks ending at 0.4, 0.5, …, 1.0 s
    posts.forEach((p, j) => {
      expect(p.a).toBeCloseTo(expectA[j]!, 12);
      expect(p.b).toBeCloseTo(expectB[j]!, 12);
    });
  });

  it('allocates nothing in process() after warm-up', () => {
    const meter = new Loudness({ numberOfInputs: 2, numberOfOutputs: 0 });
    meter.port.record = false;
    const input = [[noise(BLOCK, 5, 1), noise(BLOCK, 6, 1)], [noise(BLOCK, 7, 1)]];
    expect(heapGrowthBytes(() => meter.process(input, []), 3_000, 20_000)).toBeLessThan(16_384);
  });
});

describe('headroom-limiter', () => {
  it('holds a +20 dBFS input at −1 dBFS and reports the gain reduction', () => {
    const limiter = new Limiter({ processorOptions: { thresholdDbfs: 20 } }); // options are ignored: the ceiling is fixed
    const out = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
    let peak = 0;
    for (let k = 0; k < 400; k++) {
      const x = new Float32Array(BLOCK).map((_, i) => 10 * Math.sin((2 * Math.PI * 997 * (k * BLOCK + i)) / 48_000));
      limiter.process([[x]], [out]);
      for (const c of out) for (const v of c) peak = Math.max(peak, Math.abs(v));
    }
    expect(peak).toBeLessThanOrEqual(10 ** (-1 / 20));
    const meters = limiter.port.ofType<{ reductionDb: number }>('meters');
    expect(meters.at(-1)!.reductionDb).toBeGreaterThan(20);
    expect(limiter.port.ofType<{ latencySamples: number }>('ready')[0]!.latencySamples).toBe(239);
  });

  it('allocates nothing in process() after warm-up', () => {
    const limiter = new Limiter();
    limiter.port.record = false;
    const input = [[noise(BLOCK, 8, 4), noise(BLOCK, 9, 4)]];
    const out = [[new Float32Array(BLOCK), new Float32Array(BLOCK)]];
    expect(heapGrowthBytes(() => limiter.process(input, out), 3_000, 20_000)).toBeLessThan(16_384);
  });
});
