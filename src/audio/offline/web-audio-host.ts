/**
 * A host for the offline renderer (chain-renderer.ts) on any Web Audio implementation with
 * AudioWorklet: standardized-audio-context in the browser (the app's WAV export) and
 * node-web-audio-api in Node (`headroom render --host web-audio`). The chain is built by the
 * graph builder the app plays through (chain-graph.ts), each listener's stereo output on its
 * own pair of the destination's channels.
 *
 * An OfflineAudioContext renders all at once: the whole input is pulled first and the
 * whole output pushed after, so memory grows with the length (the direct host streams).
 */
import { buildChainGraph } from '../chain-graph.ts';
import type { ContextLike, NodeLike, WorkletNodeFactory } from '../graph-types.ts';
import { CHANNELS } from '../processor-contract.ts';
import type { ChainHost, HostJob } from './chain-renderer.ts';

export interface OfflineBufferLike {
  getChannelData(channel: number): Float32Array;
  copyToChannel(source: Float32Array<ArrayBuffer>, channel: number): void;
}

interface OfflineNodeLike extends NodeLike {
  connect(destination: never, output?: number, input?: number): unknown;
}

/** The parts of an OfflineAudioContext the host uses, structurally (both libraries fit). */
export interface OfflineContextLike extends ContextLike {
  readonly destination: { channelCount: number; channelCountMode: string; channelInterpretation: string };
  createBuffer(channels: number, length: number, sampleRate: number): OfflineBufferLike;
  createBufferSource(): OfflineNodeLike & { buffer: OfflineBufferLike | null; start(when?: number): void };
  createChannelMerger(inputs: number): OfflineNodeLike;
  createChannelSplitter(outputs: number): OfflineNodeLike;
  startRendering(): Promise<OfflineBufferLike>;
}

export interface WebAudioHostOptions<C extends OfflineContextLike> {
  name: string;
  createContext(options: { numberOfChannels: number; length: number; sampleRate: number }): C;
  /** Loads the worklet entry (worklets/headroom.worklet.ts, bundled) into the context. */
  addModule(context: C): Promise<void>;
  createWorkletNode: WorkletNodeFactory<C>;
}

const PROGRESS_INTERVAL_MS = 250;
/** Output is handed on in chunks of this many frames. */
const PUSH_FRAMES = 1 << 16;
/** Port messages posted in the last quanta are still on their way when rendering resolves. */
const MESSAGE_SETTLE_MS = 20;

export function webAudioHost<C extends OfflineContextLike>(options: WebAudioHostOptions<C>): ChainHost {
  return {
    name: options.name,
    async render(job: HostJob): Promise<void> {
      const { plan, length } = job;
      const sampleRate = plan.sampleRateHz;
      const listeners = plan.listeners.length;
      const outputChannels = listeners * CHANNELS;
      const context = options.createContext({ numberOfChannels: outputChannels, length, sampleRate });
      await options.addModule(context);

      const input = context.createBuffer(CHANNELS, length, sampleRate);
      const stereo = [new Float32Array(length), new Float32Array(length)];
      await job.pull(stereo, length);
      stereo.forEach((channel, c) => input.copyToChannel(channel, c));
      const player = context.createBufferSource();
      player.buffer = input;

      const graph = buildChainGraph({
        context,
        createWorkletNode: options.createWorkletNode,
        plan,
        onLatency: (samples) => job.onLatency(samples),
        onMeters: (message) => job.onMeters(message),
        onError: (role, message) => job.onError(`${role}: ${message}`),
      });
      // Each listener's stereo output to its own pair of destination channels. An offline
      // destination already has that many channels; some implementations refuse to be set.
      const destination = context.destination;
      try {
        destination.channelCountMode = 'explicit';
        destination.channelInterpretation = 'discrete';
      } catch {
        // standardized-audio-context: fixed, and already what is asked.
      }
      const merger = context.createChannelMerger(outputChannels);
      graph.outputs.forEach((output, i) => {
        const split = context.createChannelSplitter(CHANNELS);
        output.connect(split as never);
        for (let c = 0; c < CHANNELS; c++) split.connect(merger as never, c, i * CHANNELS + c);
      });
      merger.connect(destination as never);
      player.connect(graph.input as never);
      player.start(0);

      const progress = setInterval(() => job.progress(Math.round(context.currentTime * sampleRate)), PROGRESS_INTERVAL_MS);
      let rendered: OfflineBufferLike;
      try {
        rendered = await context.startRendering();
      } finally {
        clearInterval(progress);
      }
      await new Promise((resolve) => setTimeout(resolve, MESSAGE_SETTLE_MS));
      graph.dispose();
      if (job.aborted) return;
      job.progress(length);
      const channels = Array.from({ length: listeners }, (_, i) => Array.from({ length: CHANNELS }, (_unused, c) => rendered.getChannelData(i * CHANNELS + c)));
      for (let at = 0; at < length && !job.aborted; at += PUSH_FRAMES) {
        const count = Math.min(PUSH_FRAMES, length - at);
        await job.push(channels.map((listener) => listener.map((channel) => channel.subarray(at, at + count))), count);
      }
    },
  };
}
