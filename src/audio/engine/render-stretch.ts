/**
 * Renders a stretch of material through one setup, offline, with the very worklets the
 * engine plays (same entry module, same graph builder), for "export A and B as WAV".
 *
 * Like `headroom render` (src/cli/render-offline.ts) the result is the acoustic signal per
 * listener, aligned with the input (the processors' latency is cut from the front), at the
 * material's sample rate, with no listening level and no limiter: a 0 dBFS sine stands
 * for calibrationDbSpl, and float WAVs keep levels above full scale.
 */
import { OfflineAudioContext, type IOfflineAudioContext } from 'standardized-audio-context';
import { buildChainGraph } from '../chain-graph.ts';
import { CHANNELS } from '../processor-contract.ts';
import { compile } from '../../model/compile.ts';
import type { Setup } from '../../model/setup.ts';
import workletUrl from '../worklet-url.ts';
import { asEngineNode, asGraphContext, asGraphNode } from './context-types.ts';
import { workletFactory } from './worklet-factory.ts';
import { checkMaterial, checkNumberInRange, CALIBRATION_DB_SPL_RANGE } from './ranges.ts';
import type { SourceMaterial } from './types.ts';
import { encodeWav } from './wav-export.ts';

export interface RenderStretchOptions {
  calibrationDbSpl?: number;
  /** Worklet entry URL; the app's bundled one by default. */
  workletUrl?: string;
}

export interface RenderedListener {
  name: string;
  /** [left, right] at material.sampleRate, endSeconds − startSeconds long. */
  channels: Float32Array[];
  /** The same as a 32-bit float stereo WAV. */
  wav(): ArrayBuffer;
}

/** Past the end: the processors' latency (< 10 ms) and their last port messages. */
const TAIL_SECONDS = 0.1;

export async function renderStretch(
  setup: Setup,
  material: SourceMaterial,
  startSeconds: number,
  endSeconds: number,
  options: RenderStretchOptions = {},
): Promise<RenderedListener[]> {
  checkMaterial(material);
  const rate = material.sampleRate;
  const frames = material.channels[0]!.length;
  const duration = frames / rate;
  checkNumberInRange('startSeconds', startSeconds, { min: 0, max: duration }, 's');
  checkNumberInRange('endSeconds', endSeconds, { min: startSeconds, max: duration }, 's');
  const calibrationDbSpl = checkNumberInRange('calibrationDbSpl', options.calibrationDbSpl ?? 120, CALIBRATION_DB_SPL_RANGE, 'dB SPL');
  const first = Math.round(startSeconds * rate);
  const count = Math.round(endSeconds * rate) - first;
  if (count < 1) throw new RangeError(`endSeconds must be after startSeconds by at least one sample (got ${startSeconds} and ${endSeconds})`);

  const plan = compile(setup, rate, { calibrationDbSpl });
  const listeners = plan.listeners.length;
  const length = count + Math.ceil(TAIL_SECONDS * rate);
  const context = new OfflineAudioContext({ numberOfChannels: CHANNELS * listeners, length, sampleRate: rate }) as IOfflineAudioContext;
  await context.audioWorklet!.addModule(options.workletUrl ?? workletUrl);

  const input = context.createBuffer(material.channels.length, length, rate);
  material.channels.forEach((channel, c) => input.copyToChannel(channel.subarray(first, first + count) as Float32Array<ArrayBuffer>, c));
  const player = context.createBufferSource();
  player.buffer = input;

  const errors: string[] = [];
  let latency: number | null = null;
  const graph = buildChainGraph({
    context: asGraphContext(context),
    createWorkletNode: workletFactory,
    plan,
    onLatency: (samples) => (latency = samples),
    onError: (role, message) => errors.push(`${role}: ${message}`),
  });
  // The destination already has CHANNELS × listeners channels (an offline destination's
  // count is fixed; setting it throws InvalidStateError), and the merger's match it exactly.
  const merger = context.createChannelMerger(CHANNELS * listeners);
  graph.outputs.forEach((output, i) => {
    const split = context.createChannelSplitter(CHANNELS);
    output.connect(asGraphNode(split as never));
    for (let c = 0; c < CHANNELS; c++) split.connect(merger, c, i * CHANNELS + c);
  });
  merger.connect(context.destination);
  player.connect(asEngineNode(graph.input));
  player.start(0);
  const rendered = await context.startRendering();
  // Messages posted in the last quanta may still be on their way.
  await new Promise((resolve) => setTimeout(resolve, 20));
  graph.dispose();
  if (errors.length > 0) throw new Error(`Cannot render "${setup.headphones[0]?.name ?? 'setup'}": ${errors.join('; ')}`);
  if (latency === null) throw new Error('Cannot render: the processors never reported their latency');
  const skip: number = latency;
  return plan.listeners.map((listener, i) => {
    const channels = Array.from({ length: CHANNELS }, (_, c) => rendered.getChannelData(i * CHANNELS + c).slice(skip, skip + count));
    return { name: listener.name, channels, wav: () => encodeWav(channels, rate) };
  });
}
