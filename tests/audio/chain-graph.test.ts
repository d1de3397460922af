/**
 * The graph builder on node-web-audio-api with the real worklet processors: live updates
 * while an OfflineAudioContext renders (suspend → update → resume).
 */
import { AudioWorkletNode, OfflineAudioContext } from 'node-web-audio-api';
import { describe, expect, it } from 'vitest';
import { buildChainGraph } from '../../src/audio/chain-graph.ts';
import type { NodeLike } from '../../src/audio/graph-types.ts';
import { workletModuleUrl } from '../../src/cli/worklet-code.ts';
import { compile } from '../../src/model/compile.ts';
import { amp, resistiveHeadphone, setup, source } from '../support/setups.ts';

const RATE = 48_000;
const one = setup({ source: source({ outputImpedanceOhms: 10 }), headphones: [resistiveHeadphone(32, 'A')] });
const two = { ...one, splitter: { cableResistanceOhms: 0 }, headphones: [resistiveHeadphone(32, 'A'), resistiveHeadphone(32, 'B')] };
const twoWithAmp = { ...two, amp: amp({ gainDb: 6 }) };

/** Largest sample-to-sample step: a click shows as a step far above the steady sine's. */
function maxStep(x: Float32Array, from: number, to: number): number {
  let step = 0;
  for (let i = from + 1; i < to; i++) step = Math.max(step, Math.abs(x[i]! - x[i - 1]!));
  return step;
}

describe('buildChainGraph with real processors', () => {
  it('adds a listener and then an amp while rendering, crossfading without a click, and reports latency and outputs', async () => {
    const seconds = 0.6;
    const context = new OfflineAudioContext({ numberOfChannels: 4, length: seconds * RATE, sampleRate: RATE });
    await context.audioWorklet.addModule(await workletModuleUrl());
    const merger = context.createChannelMerger(4);
    context.destination.channelCount = 4;
    context.destination.channelCountMode = 'explicit';
    context.destination.channelInterpretation = 'discrete';
    merger.connect(context.destination);
    const route = (output: NodeLike, i: number) => {
      const split = context.createChannelSplitter(2);
      output.connect(split as never);
      split.connect(merger, 0, 2 * i);
      split.connect(merger, 1, 2 * i + 1);
    };

    const latencies: number[] = [];
    const outputCounts: number[] = [];
    const errors: string[] = [];
    let meters = 0;
    const graph = buildChainGraph({
      context,
      createWorkletNode: (ctx, name, options) => new AudioWorkletNode(ctx, name, options),
      plan: compile(one, RATE),
      onLatency: (samples) => latencies.push(samples),
      onMeters: () => meters++,
      onError: (role, message) => errors.push(`${role}: ${message}`),
      onOutputsChange: (outputs) => {
        outputCounts.push(outputs.length);
        if (outputs.length === 2) route(outputs[1]!, 1);
      },
    });
    route(graph.outputs[0]!, 0);
    const tone = context.createOscillator();
    tone.frequency.value = 1000;
    const level = context.createGain();
    level.gain.value = 0.1;
    tone.connect(level).connect(graph.input as never);
    tone.start();

    void context.suspend(0.2).then(() => {
      graph.update(compile(two, RATE));
      void context.resume();
    });
    void context.suspend(0.4).then(() => {
      graph.update(compile(twoWithAmp, RATE));
      void context.resume();
    });
    const rendered = await context.startRendering();
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(errors).toEqual([]);
    expect(meters).toBeGreaterThan(0);
    expect(outputCounts).toEqual([2]);
    // One latency for the first nodes; the amp adds its own after the rebuild.
    expect(latencies.length).toBeGreaterThanOrEqual(2);
    expect(latencies.at(-1)!).toBeGreaterThan(latencies[0]!);

    const a = rendered.getChannelData(0);
    const b = rendered.getChannelData(2);
    const steady = maxStep(a, 0.1 * RATE, 0.2 * RATE);
    const withAmp = maxStep(a, 0.5 * RATE, 0.6 * RATE);
    // Through both changes, no step exceeds the larger steady state's (plus 2 % for the sine's sampling).
    expect(maxStep(a, 0.1 * RATE, 0.6 * RATE)).toBeLessThan(Math.max(steady, withAmp) * 1.02);
    expect(maxStep(b, 0.2 * RATE, 0.6 * RATE)).toBeLessThan(Math.max(steady, withAmp) * 1.02);
    // The second listener's output was silent before it joined, and plays after.
    expect(maxStep(b, 0, 0.2 * RATE)).toBe(0);
    expect(maxStep(b, 0.3 * RATE, 0.4 * RATE)).toBeGreaterThan(0);
    // 6 dB of amp gain (into 10 kΩ from 10 Ω, two 32 Ω loads): louder after the last change.
    expect(withAmp).toBeGreaterThan(steady * 1.5);
    graph.dispose();
  }, 60_000);

  it('reports an error from a processor that rejects a plan message', async () => {
    const context = new OfflineAudioContext({ numberOfChannels: 2, length: 0.1 * RATE, sampleRate: RATE });
    await context.audioWorklet.addModule(await workletModuleUrl());
    const errors: string[] = [];
    const graph = buildChainGraph({
      context,
      createWorkletNode: (ctx, name, options) => new AudioWorkletNode(ctx, name, options),
      plan: compile(one, RATE),
      onError: (role, message) => errors.push(`${role}: ${message}`),
    });
    graph.outputs[0]!.connect(context.destination as never);
    const broken = { ...compile(one, RATE), source: { ...compile(one, RATE).source, voltsPerFullScale: -1 } };
    graph.update(broken);
    await context.startRendering();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The chain's one node rejects it, naming the field; the previous plan plays on.
    expect(errors).toEqual(['chain: headroom-chain: message.plan.source.voltsPerFullScale must be a finite number > 0 (got -1)']);
    graph.dispose();
  }, 60_000);
});
