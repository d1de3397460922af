/**
 * The loading check: a 1 kHz sine at the setup's signal level through the bench chain
 * (source → amp → splitter, two listeners), every listener's L and R on its own destination
 * channel, RMS measured after the filters have settled.
 */
import { buildChainGraph } from '../../src/audio/chain-graph.ts';
import type { WorkletNodeFactory } from '../../src/audio/graph-types.ts';
import { compile } from '../../src/model/compile.ts';
import type { BenchContext } from '../graph.ts';
import { benchSetup } from '../setups.ts';

export interface LevelResult {
  listeners: { name: string; rmsDbfs: number[]; nonFinite: number }[];
  errors: string[];
  latencySamples: number | null;
}

const TONE_HZ = 1000;
/** Settling skipped before measuring: latency (< 100 samples) plus the networks' slowest pole (HD 650 resonance, ~10 ms). */
const SKIP_SECONDS = 0.25;

export async function measureLevels<C extends BenchContext & { startRendering(): Promise<{ getChannelData(c: number): Float32Array }> }>(
  sampleRate: number,
  newContext: (channels: number, length: number) => Promise<{ context: C }>,
  createWorkletNode: WorkletNodeFactory<C>,
): Promise<LevelResult> {
  const setup = benchSetup();
  const plan = compile(setup, sampleRate);
  const listeners = plan.listeners.length;
  const length = sampleRate;
  const { context } = await newContext(2 * listeners, length);

  const buffer = context.createBuffer(1, length, sampleRate);
  const tone = buffer.getChannelData(0);
  const peak = 10 ** (setup.signal.levelDbfs / 20);
  for (let i = 0; i < length; i++) tone[i] = peak * Math.sin((2 * Math.PI * TONE_HZ * i) / sampleRate);
  const source = context.createBufferSource();
  source.buffer = buffer;

  const errors: string[] = [];
  let latencySamples: number | null = null;
  const chain = buildChainGraph({
    context,
    createWorkletNode,
    plan,
    onError: (role, message) => errors.push(`${role}: ${message}`),
    onLatency: (samples) => (latencySamples = samples),
  });
  source.connect(chain.input);
  const merger = context.createChannelMerger(2 * listeners);
  chain.outputs.forEach((output, i) => {
    const split = context.createChannelSplitter(2);
    output.connect(split);
    split.connect(merger, 0, 2 * i);
    split.connect(merger, 1, 2 * i + 1);
  });
  merger.connect(context.destination);
  source.start(0);
  const rendered = await context.startRendering();
  chain.dispose();

  // A whole number of periods (48 samples at 48 kHz) from SKIP_SECONDS to the end.
  const period = sampleRate / TONE_HZ;
  const from = Math.round(SKIP_SECONDS * sampleRate);
  const count = Math.floor((length - from) / period) * period;
  return {
    errors,
    latencySamples,
    listeners: plan.listeners.map((listener, i) => {
      let nonFinite = 0;
      const rmsDbfs = [0, 1].map((side) => {
        const data = rendered.getChannelData(2 * i + side);
        for (let k = 0; k < data.length; k++) if (!Number.isFinite(data[k]!)) nonFinite++;
        let sum = 0;
        for (let k = from; k < from + count; k++) sum += data[k]! * data[k]!;
        // dB re a full-scale sine (peak 1 ↔ 0 dB), the calibration's reference.
        return 20 * Math.log10(Math.SQRT2 * Math.sqrt(sum / count));
      });
      return { name: listener.name, rmsDbfs, nonFinite };
    }),
  };
}
