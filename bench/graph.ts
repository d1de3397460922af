/**
 * The graphs the benchmarks render, written once for both hosts (standardized-audio-context in
 * Chromium, node-web-audio-api in Node): the hosts differ only in the context object and the
 * AudioWorkletNode constructor, which the caller passes in.
 *
 *   chain:  noise ─ headroom-chain (source, amp, splitter) ═ 2 listeners ─ destination
 *   ab:     noise ─┬─ chain A (with amp) ═ 2 listeners ─┬─ destination
 *                  └─ chain B (no amp)   ═ 2 listeners ─┘
 *   native: noise ─ Gain ─ Biquad (low shelf) ─ Biquad (peaking) ─ WaveShaper (4×, tanh) ─ Gain ─ destination
 *   floor:  the chain's graph with headroom-bench-copy (bench/host-floor.worklet.ts) in place
 *           of headroom-chain: what the host charges for the graph, with no DSP in it
 *
 * The native chain does the same kind of work as one worklet chain (gain, two filter
 * sections, an oversampled clipper, an output gain) with the browser's own C++ nodes.
 */
import { buildChainGraph, type ChainGraph } from '../src/audio/chain-graph.ts';
import type { ContextLike, NodeLike, WorkletNodeFactory } from '../src/audio/graph-types.ts';
import { compile, type Plan } from '../src/model/compile.ts';
import { abSetups, benchSetup } from './setups.ts';

export type BenchKind = 'chain' | 'ab' | 'native' | 'floor';
export const BENCH_KINDS: readonly BenchKind[] = ['chain', 'ab', 'native', 'floor'];
/** The host-floor processor's name (bench/host-floor.worklet.ts, added beside the app's worklet). */
export const FLOOR_PROCESSOR = 'headroom-bench-copy';

/** The few native nodes the bench needs beyond ContextLike (both hosts have them). */
interface BenchNode extends NodeLike {
  channelCount: number;
}
interface AudioBufferLike {
  getChannelData(channel: number): Float32Array;
}
export interface BenchContext extends ContextLike {
  readonly sampleRate: number;
  readonly destination: NodeLike;
  createBuffer(channels: number, length: number, sampleRate: number): AudioBufferLike;
  createBufferSource(): NodeLike & { buffer: AudioBufferLike | null; start(when?: number): void };
  createBiquadFilter(): NodeLike & { type: string; frequency: { value: number }; gain: { value: number }; Q: { value: number } };
  createWaveShaper(): NodeLike & { curve: Float32Array | null; oversample: string };
  createChannelSplitter(outputs: number): BenchNode;
  createChannelMerger(inputs: number): BenchNode;
}

/** Peak of the benchmark noise: uniform in ±0.548 has an RMS of 0.548/√3 = −10 dBFS. */
export const NOISE_PEAK = 10 ** (-10 / 20) * Math.sqrt(3);

/** Deterministic uniform white noise (xorshift32), stereo with different L and R. */
export function fillNoise(left: Float32Array, right: Float32Array, seed = 0x2545f491): void {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0xffffffff;
  };
  for (let i = 0; i < left.length; i++) {
    left[i] = NOISE_PEAK * (2 * next() - 1);
    right[i] = NOISE_PEAK * (2 * next() - 1);
  }
}

export function benchPlans(sampleRate: number): { chain: Plan; a: Plan; b: Plan } {
  const [a, b] = abSetups();
  return { chain: compile(benchSetup(), sampleRate), a: compile(a, sampleRate), b: compile(b, sampleRate) };
}

/** Collects processor errors so a render that ran on a broken processor is never reported as a result. */
export interface BuiltGraph {
  errors: string[];
  chains: ChainGraph[];
}

/** Builds `kind` on `context`, fed by `input`, into the destination. */
export function buildBenchGraph<C extends BenchContext>(
  context: C,
  createWorkletNode: WorkletNodeFactory<C>,
  kind: BenchKind,
  input: NodeLike,
): BuiltGraph {
  const built: BuiltGraph = { errors: [], chains: [] };
  if (kind === 'native') {
    input.connect(nativeChain(context, context.destination));
    return built;
  }
  const plans = benchPlans(context.sampleRate);
  const factory: WorkletNodeFactory<C> = kind === 'floor' ? (c, _name, options) => createWorkletNode(c, FLOOR_PROCESSOR, options) : createWorkletNode;
  for (const plan of kind === 'ab' ? [plans.a, plans.b] : [plans.chain]) {
    const chain = buildChainGraph({
      context,
      createWorkletNode: factory,
      plan,
      onError: (role, message) => built.errors.push(`${role}: ${message}`),
    });
    input.connect(chain.input);
    for (const output of chain.outputs) output.connect(context.destination);
    built.chains.push(chain);
  }
  return built;
}

/** What one timed render gives: the render time alone, and anything that makes it invalid. */
export interface TimedRender {
  renderSeconds: number;
  nonFinite: number;
  errors: string[];
}

/**
 * Renders `length` frames of the benchmark noise through `kind` on an offline context whose
 * worklet module is already added, timing `startRendering` only. Node and Chromium hosts share it.
 */
export async function renderBenchKind<C extends BenchContext & { startRendering(): Promise<AudioBufferLike> }>(
  context: C,
  createWorkletNode: WorkletNodeFactory<C>,
  kind: BenchKind,
  length: number,
): Promise<TimedRender> {
  const buffer = context.createBuffer(2, length, context.sampleRate);
  fillNoise(buffer.getChannelData(0), buffer.getChannelData(1));
  const source = context.createBufferSource();
  source.buffer = buffer;
  const graph = buildBenchGraph(context, createWorkletNode, kind, source);
  source.start(0);
  const t0 = performance.now();
  const rendered = await context.startRendering();
  const renderSeconds = (performance.now() - t0) / 1000;
  for (const chain of graph.chains) chain.dispose();
  return { renderSeconds, nonFinite: countNonFinite([rendered.getChannelData(0), rendered.getChannelData(1)]), errors: graph.errors };
}

export function countNonFinite(channels: readonly Float32Array[]): number {
  let count = 0;
  for (const data of channels) for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i]!)) count++;
  return count;
}

/** tanh, sampled on [−1, 1] for the WaveShaper (input scaled so the curve's edge is 4 × the level). */
function tanhCurve(points = 4096, drive = 4): Float32Array {
  const curve = new Float32Array(points);
  for (let i = 0; i < points; i++) curve[i] = Math.tanh(drive * ((2 * i) / (points - 1) - 1));
  return curve;
}

/** Gain → BiquadFilter → BiquadFilter → WaveShaper ('4x', tanh) → Gain; returns its input node. */
export function nativeChain(context: BenchContext, destination: NodeLike): NodeLike {
  const inGain = context.createGain();
  inGain.gain.value = 0.5;
  const shelf = context.createBiquadFilter();
  shelf.type = 'lowshelf';
  shelf.frequency.value = 100;
  shelf.gain.value = 3;
  const peak = context.createBiquadFilter();
  peak.type = 'peaking';
  peak.frequency.value = 6000;
  peak.Q.value = 0.7;
  peak.gain.value = -2;
  const shaper = context.createWaveShaper();
  shaper.curve = tanhCurve();
  shaper.oversample = '4x';
  const outGain = context.createGain();
  outGain.gain.value = 0.25;
  inGain.connect(shelf);
  shelf.connect(peak);
  peak.connect(shaper);
  shaper.connect(outGain);
  outGain.connect(destination);
  return inGain;
}
