/**
 * Renders audio through one chain in node-web-audio-api's OfflineAudioContext, with the
 * very worklet processors the browser runs (bundled by worklet-bundle.ts) and the same
 * graph builder (src/audio/chain-graph.ts).
 *
 * The output is aligned with the input: the render runs a tail past the end (so the
 * processors' latency and their last meters interval are covered) and the reported
 * latency is cut from the front.
 */
import { AudioWorkletNode, OfflineAudioContext } from 'node-web-audio-api';
import { buildChainGraph } from '../audio/chain-graph.ts';
import { MeterTotals } from '../audio/meter-totals.ts';
import { CHANNELS } from '../audio/processor-contract.ts';
import type { Plan } from '../model/compile.ts';
import { workletBundlePath } from './worklet-bundle.ts';

export interface OfflineRenderRequest {
  plan: Plan;
  /** 1 (heard on both sides) or 2 channels at plan.sampleRateHz, full scale ±1. */
  channels: readonly Float32Array[];
  /** Called now and then with the rendered fraction, 0..1. */
  onProgress?: (fraction: number) => void;
  /** Another worklet entry module implementing the same processors (tests of the host only). */
  workletEntry?: string;
}

export interface OfflineRenderResult {
  /** Per listener, [left, right], as long as the input: the acoustic signal. */
  listeners: Float32Array[][];
  /** Per listener, clipped samples that reached it (source + amp + its jack), from the processors' meters. */
  clipCounts: number[];
  meters: MeterTotals;
  latencySamples: number;
  /** Wall-clock time of the render itself. */
  renderSeconds: number;
}

/** Past the end: covers the latency (well under 10 ms at any rate) and the last meters interval (≤ 1/30 s). */
const TAIL_SECONDS = 0.25;
const PROGRESS_INTERVAL_MS = 250;

export async function renderOffline(request: OfflineRenderRequest): Promise<OfflineRenderResult> {
  const { plan } = request;
  const sampleRate = plan.sampleRateHz;
  const frames = request.channels[0]?.length ?? 0;
  const listenerCount = plan.listeners.length;
  const length = frames + Math.ceil(TAIL_SECONDS * sampleRate);
  const outputChannels = listenerCount * CHANNELS;

  const context = new OfflineAudioContext({ numberOfChannels: outputChannels, length, sampleRate });
  await context.audioWorklet.addModule(await workletBundlePath(request.workletEntry));

  const input = context.createBuffer(CHANNELS, length, sampleRate);
  for (let c = 0; c < CHANNELS; c++) input.copyToChannel(request.channels[Math.min(c, request.channels.length - 1)]! as Float32Array<ArrayBuffer>, c);
  const player = context.createBufferSource();
  player.buffer = input;

  const meters = new MeterTotals();
  const errors: string[] = [];
  let latencySamples: number | null = null;
  const graph = buildChainGraph({
    context,
    createWorkletNode: (ctx, name, options) => new AudioWorkletNode(ctx, name, options),
    plan,
    onLatency: (samples) => (latencySamples = samples),
    onMeters: (role, message) => meters.add(role, message),
    onError: (role, message) => errors.push(`${role}: ${message}`),
  });

  // Each listener's stereo output to its own pair of destination channels.
  context.destination.channelCount = outputChannels;
  context.destination.channelCountMode = 'explicit';
  context.destination.channelInterpretation = 'discrete';
  const merger = context.createChannelMerger(outputChannels);
  graph.outputs.forEach((output, i) => {
    const split = context.createChannelSplitter(CHANNELS);
    output.connect(split as never);
    for (let c = 0; c < CHANNELS; c++) split.connect(merger, c, i * CHANNELS + c);
  });
  merger.connect(context.destination);
  player.connect(graph.input as never);
  player.start();

  const started = performance.now();
  const progress = request.onProgress
    ? setInterval(() => request.onProgress!(Math.min(1, context.currentTime * sampleRate / length)), PROGRESS_INTERVAL_MS)
    : undefined;
  let rendered: AudioBuffer;
  try {
    rendered = await context.startRendering();
  } finally {
    clearInterval(progress);
  }
  const renderSeconds = (performance.now() - started) / 1000;
  // Port messages posted in the last quanta are still in flight when rendering resolves.
  await new Promise((resolve) => setTimeout(resolve, 20));
  graph.dispose();

  if (errors.length > 0) throw new Error(`processor error: ${errors.join('; ')}`);
  if (latencySamples === null) throw new Error('the processors never reported their latency');
  const latency: number = latencySamples;
  if (latency + frames > length) throw new Error(`processor latency ${latency} samples exceeds the render tail`);
  request.onProgress?.(1);

  const listeners = plan.listeners.map((_, i) =>
    Array.from({ length: CHANNELS }, (_unused, c) => rendered.getChannelData(i * CHANNELS + c).slice(latency, latency + frames)),
  );
  return { listeners, clipCounts: listeners.map((_, i) => meters.listenerClips(i)), meters, latencySamples: latency, renderSeconds };
}
