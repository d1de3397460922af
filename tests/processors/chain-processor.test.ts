/**
 * headroom-chain (the whole chain in one node) against the three nodes it replaces,
 * headroom-source → headroom-amp → headroom-splitter, run side by side on the same input.
 * The only difference allowed is the Float32 rounding the separate nodes do between stages:
 * each stage boundary rounds to 24 bits (relative 2^-24 = 6e-8), so with two boundaries and
 * filters that gain at most ~10× after them, the outputs agree to well under 1e-6 of their peak.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../src/model/catalog/presets.ts';
import { compile, type Plan } from '../../src/model/compile.ts';
import type { Setup } from '../../src/model/setup.ts';
import { probeAllocation } from './alloc-probe-run.ts';
import { BLOCK, Chain, loadProcessors, type Processors, type TestProcessor } from './harness.ts';

const RATE = 48_000;
/** Agreement bound, relative to the output's peak (see the file comment). */
const RELATIVE_TOLERANCE = 1e-6;

let p: Processors;
beforeAll(async () => {
  p = await loadProcessors(RATE);
});

const stereo = (): Float32Array[] => [new Float32Array(BLOCK), new Float32Array(BLOCK)];

/** One headroom-chain node with the harness Chain's interface. */
class OneNode {
  readonly node: TestProcessor;
  readonly outputs: Float32Array[][];
  /** Reused for every call, as the worklet host reuses its own (an array made per call would be the test's allocation). */
  private readonly inputs: Float32Array[][] = [[]];
  constructor(plan: Plan) {
    this.node = new p.Chain({ numberOfOutputs: plan.listeners.length, processorOptions: { plan } });
    this.outputs = plan.listeners.map(stereo);
  }
  step(input: Float32Array[]): void {
    this.inputs[0] = input;
    this.node.process(this.inputs, this.outputs);
  }
}

/** Deterministic test input: a 1 kHz sine at `peak` on the left, noise of the same peak on the right. */
function fillInput(input: Float32Array[], block: number, peak: number): void {
  let seed = (block * 2654435761) >>> 0 || 1;
  for (let i = 0; i < BLOCK; i++) {
    const n = block * BLOCK + i;
    input[0]![i] = peak * Math.sin((2 * Math.PI * 1000 * n) / RATE);
    seed ^= seed << 13;
    seed >>>= 0;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    seed >>>= 0;
    input[1]![i] = peak * (2 * (seed / 0xffffffff) - 1);
  }
}

interface Comparison {
  worstRelative: number;
  peak: number;
  threeNodeClips: number;
  oneNodeClips: number;
}

/** Runs both for `blocks` blocks (sending `later` as a plan message halfway when given) and compares every output sample. */
function compare(plan: Plan, blocks: number, peak: number, later?: Plan): Comparison {
  const three = new Chain(p, plan);
  const one = new OneNode(plan);
  let worst = 0;
  let top = 0;
  for (let b = 0; b < blocks; b++) {
    if (later && b === blocks / 2) {
      three.send(later);
      one.node.port.send({ type: 'plan', plan: later });
    }
    fillInput(three.input, b, peak);
    three.step();
    one.step(three.input);
    for (let k = 0; k < plan.listeners.length; k++) {
      for (let c = 0; c < 2; c++) {
        const a = three.outputs[k]![c]!;
        const o = one.outputs[k]![c]!;
        for (let i = 0; i < BLOCK; i++) {
          worst = Math.max(worst, Math.abs(a[i]! - o[i]!));
          top = Math.max(top, Math.abs(a[i]!));
        }
      }
    }
  }
  const oneNodeClips = one.node.port
    .ofType<{ sourceClips: number; ampClips: number; listeners: { clips: number }[] }>('meters')
    .reduce((sum, m) => sum + m.sourceClips + m.ampClips + m.listeners.reduce((s, l) => s + l.clips, 0), 0);
  return { worstRelative: worst / top, peak: top, threeNodeClips: three.clipsSinceLastCall(), oneNodeClips };
}

describe('headroom-chain: one node plays what the three stage nodes play', () => {
  it('every preset, at its own level and driven 20 dB harder, agrees with source → amp → splitter within 1e-6 of the peak', () => {
    let worst = 0;
    for (const preset of presets) {
      const plan = compile(preset.setup, RATE);
      for (const peak of [10 ** (preset.setup.signal.levelDbfs / 20), 1]) {
        const result = compare(plan, 100, peak);
        expect(result.peak, preset.id).toBeGreaterThan(0);
        worst = Math.max(worst, result.worstRelative);
        expect(result.worstRelative, `${preset.id} at peak ${peak}`).toBeLessThan(RELATIVE_TOLERANCE);
      }
    }
    console.info(`headroom-chain vs three nodes, worst relative difference over ${presets.length} presets: ${worst.toExponential(2)}`);
  });

  it('a chain driven into clipping counts the same clipped samples in its one meters message as the three nodes in theirs', () => {
    const setup: Setup = structuredClone(presets.find((x) => x.id === 'phone-four-k371-splitter')!.setup);
    const plan = compile(setup, RATE);
    const result = compare(plan, 200, 1);
    expect(result.threeNodeClips).toBeGreaterThan(100);
    // Rounding between stages can move a sample across a threshold: allow 1 in 1000.
    expect(Math.abs(result.oneNodeClips - result.threeNodeClips)).toBeLessThanOrEqual(Math.ceil(result.threeNodeClips / 1000));
  });

  it('a plan message of the same shape (volume and headphones changed) is applied exactly as the three nodes apply it', () => {
    const setup = structuredClone(presets.find((x) => x.id === 'laptop-splitter-two-m50x')!.setup);
    const louder: Setup = { ...structuredClone(setup), source: { ...setup.source, volumeDb: setup.source.volumeDb - 12 } };
    louder.headphones[1] = structuredClone(presets.find((x) => x.id === 'phone-amp-hd600')!.setup.headphones[0]!);
    const result = compare(compile(setup, RATE), 200, 0.3, compile(louder, RATE));
    expect(result.worstRelative).toBeLessThan(RELATIVE_TOLERANCE);
  });

  it('reports the sum of the three stages’ latencies, with and without an amp', () => {
    for (const id of ['phone-amp-hd600', 'laptop-splitter-two-m50x']) {
      const plan = compile(presets.find((x) => x.id === id)!.setup, RATE);
      const three = new Chain(p, plan);
      const one = new OneNode(plan);
      expect(one.node.latencySamples).toBe(three.latencySamples);
      expect(one.node.port.ofType<{ latencySamples: number }>('ready')).toEqual([{ type: 'ready', latencySamples: three.latencySamples }]);
    }
  });

  it('refuses a plan message that changes the chain’s shape, naming the field, and plays the old plan on', () => {
    const withAmp = compile(presets.find((x) => x.id === 'phone-amp-hd600')!.setup, RATE);
    const one = new OneNode(withAmp);
    one.node.port.send({ type: 'plan', plan: { ...withAmp, amp: null } });
    one.node.port.send({ type: 'plan', plan: { ...withAmp, listeners: [...withAmp.listeners, withAmp.listeners[0]!] } });
    expect(one.node.port.ofType<{ message: string }>('error').map((m) => m.message)).toEqual([
      'headroom-chain: message.plan.amp is null but this chain has an amp; create a new headroom-chain when the amp comes or goes',
      'headroom-chain: message.plan.listeners has 2 entries but this node has 1 outputs; create a new headroom-chain for a different listener count',
    ]);
    const reference = new OneNode(withAmp);
    const input = stereo();
    for (let b = 0; b < 20; b++) {
      fillInput(input, b, 0.1);
      one.step(input);
      reference.step(input);
    }
    expect(Array.from(one.outputs[0]![0]!)).toEqual(Array.from(reference.outputs[0]![0]!));
  });

  it('refuses construction when numberOfOutputs differs from the listener count, with the exact message', () => {
    const plan = compile(presets.find((x) => x.id === 'phone-amp-hd600')!.setup, RATE);
    expect(() => new p.Chain({ numberOfOutputs: 3, processorOptions: { plan } })).toThrow(
      'headroom-chain: processorOptions.plan.listeners has 1 entries but the node has 3 outputs (numberOfOutputs must equal the listener count)',
    );
  });

  it('process() allocates nothing after warm-up, with clip lanes, 4× networks and meters running (probed in a fresh process)', () => {
    const growth = probeAllocation('chain-node');
    console.info(`headroom-chain heap growth over 3 000 blocks: ${growth} B`);
    // The same bound as the three-node chain's test (chain.test.ts): GC bookkeeping, not buffers.
    expect(growth).toBeLessThan(16 * 1024);
  });

  it('process() allocates nothing for a rail-limited source into an amp and a splitter, the bench chain (probed in a fresh process)', () => {
    // The source's rail was once passed to a helper as a double argument; when V8 did not
    // inline the helper, each block boxed it: 16 B per call (docs/decisions.md, "Render speed:
    // one pass per stage"). 3 000 such calls read 48 kB here.
    const growth = probeAllocation('chain-node-rail');
    console.info(`headroom-chain (rail-limited source) heap growth over 3 000 blocks: ${growth} B`);
    expect(growth).toBeLessThan(16 * 1024);
  });

  it('NaN, ±Infinity and ±1e30 input give finite output, and a sine after them plays again', () => {
    const setup = structuredClone(presets.find((x) => x.id === 'band-interface-distribution-amp')!.setup);
    setup.source.volumeDb = 0;
    const one = new OneNode(compile(setup, RATE));
    const weird = [Number.NaN, Infinity, -Infinity, 1e30, -1e30, 0.5];
    const input = stereo();
    let finite = true;
    let last = 0;
    for (let b = 0; b < 100; b++) {
      for (let i = 0; i < BLOCK; i++) input[0]![i] = input[1]![i] = b < 50 ? weird[(b * BLOCK + i) % weird.length]! : 0.1 * Math.sin((2 * Math.PI * 1000 * i) / RATE);
      one.step(input);
      for (const out of one.outputs) for (const ch of out) for (const v of ch) finite &&= Number.isFinite(v);
      last = Math.max(...one.outputs[0]![0]!.map(Math.abs));
    }
    expect(finite).toBe(true);
    expect(last).toBeGreaterThan(0);
  });

  it('a { type: "release" } message ends the node: process() returns false from then on, in the chain and in each stage processor', () => {
    const plan = compile(presets.find((x) => x.id === 'phone-amp-hd600')!.setup, RATE);
    const input = [stereo()];
    for (const node of [new p.Chain({ numberOfOutputs: 1, processorOptions: { plan } }), new p.Source({ processorOptions: { plan } }), new p.Amp({ processorOptions: { plan } }), new p.Splitter({ numberOfOutputs: 1, processorOptions: { plan } })]) {
      const outputs = [stereo()];
      expect(node.process(input, outputs)).toBe(true);
      node.port.send({ type: 'release' });
      expect(node.process(input, outputs)).toBe(false);
      expect(node.port.ofType('error')).toEqual([]);
    }
  });
});

