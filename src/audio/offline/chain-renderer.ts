/**
 * The one offline renderer: input through one chain's processors to per-listener outputs,
 * aligned with the input, for `headroom render` (src/cli) and the app's WAV export
 * (src/audio/engine/render-stretch.ts). What it does is the same whatever runs the
 * processors (the host: web-audio-host.ts, an OfflineAudioContext in a browser or in
 * node-web-audio-api; src/cli/direct-host.ts, the processor classes driven in plain Node):
 *
 *   input (mono is heard on both sides) ─ then TAIL_SECONDS of silence ─→ host ─→ raw output
 *   raw output ─ drop the chain's latency from the front, keep `frames` ─→ sink, per listener
 *
 * The tail covers the latency (well under 10 ms at any rate) and the last meters interval
 * (≤ 1/30 s), so every clipped sample is counted. Reading and writing go through `input`
 * and `output` chunk by chunk: a host that streams (the direct one) renders an hour in
 * bounded memory.
 *
 * A render always ends: a processor that refuses its plan rejects at once with its message
 * (which names the field), and a watchdog rejects a render that makes no progress for
 * `stallSeconds` with how far it got.
 */
import type { Plan } from '../../model/compile.ts';
import { MeterTotals } from '../meter-totals.ts';
import type { ChainMeters } from '../processor-contract.ts';


/** Past the end of the input: the chain's latency and its last meters interval. */
export const TAIL_SECONDS = 0.1;
/** A render that advances by nothing for this long is stalled (a rendering chunk takes milliseconds). */
export const DEFAULT_STALL_SECONDS = 30;

/** The input, read in order: fills `into` (one array per input channel) with the next `count` frames. */
export interface RenderInput {
  /** 1 (heard on both sides) or 2. */
  readonly channelCount: number;
  read(into: readonly Float32Array[], count: number): Promise<void> | void;
}

/** Where the aligned output goes, in order: per listener [left, right], `count` frames from each array's start. */
export interface RenderOutput {
  write(listeners: readonly (readonly Float32Array[])[], count: number): Promise<void> | void;
}

/** What a host does for the renderer: run `length` frames through a chain for `plan`. */
export interface ChainHost {
  /** For messages: "node-web-audio-api", "direct". */
  readonly name: string;
  render(job: HostJob): Promise<void>;
}

export interface HostJob {
  readonly plan: Plan;
  /** Frames to run: the input's and the tail's. */
  readonly length: number;
  /** The next `count` frames of stereo input (the tail is silence). */
  pull(into: readonly Float32Array[], count: number): Promise<void>;
  /** The chain's raw output in order, `count` frames per listener and channel. The first call comes after onLatency. */
  push(outputs: readonly (readonly Float32Array[])[], count: number): Promise<void>;
  onLatency(samples: number): void;
  onMeters(message: ChainMeters): void;
  /** A processor error or a refused plan: the render fails with this message. */
  onError(message: string): void;
  /** The host found its own work stuck (a process() call that did not return): the render fails as stalled. */
  onStalled(message: string): void;
  /** Frames rendered so far (for progress and the watchdog). */
  progress(frames: number): void;
  /** Set once the render has failed or stalled: a host stops as soon as it sees it. */
  readonly aborted: boolean;
}

export interface ChainRenderRequest {
  plan: Plan;
  /** Input frames; the output has as many per listener. */
  frames: number;
  input: RenderInput;
  output: RenderOutput;
  /** The rendered fraction, 0..1, now and then. */
  onProgress?: (fraction: number) => void;
  stallSeconds?: number;
  /** Stops the render (the user pressed Ctrl-C, the page went away): it fails with "stopped". */
  signal?: AbortSignal;
}

export interface ChainRenderResult {
  /** Per listener: clipped samples that reached it (source + amp + its own jack), from the processors' meters. */
  clipCounts: number[];
  meters: MeterTotals;
  latencySamples: number;
  /** Wall-clock time of the render. */
  renderSeconds: number;
}

/** The processors refused the plan or failed while rendering; the message names the field. */
export class ChainRenderError extends Error {
  override readonly name = 'ChainRenderError';
}

/** The render stopped advancing. */
export class ChainStalledError extends Error {
  override readonly name = 'ChainStalledError';
}

const WATCHDOG_INTERVAL_MS = 250;

export async function renderChain(host: ChainHost, request: ChainRenderRequest): Promise<ChainRenderResult> {
  const { plan, frames, input } = request;
  const rate = plan.sampleRateHz;
  const length = frames + Math.ceil(TAIL_SECONDS * rate);
  const stallSeconds = request.stallSeconds ?? DEFAULT_STALL_SECONDS;
  const meters = new MeterTotals();
  let latency: number | null = null;
  const state: { failure: Error | null } = { failure: null };
  let rendered = 0;
  let lastAdvance = performance.now();
  let pulled = 0;
  let pushed = 0;
  let written = 0;
  const mono: Float32Array[] = [];

  let fail!: (error: Error) => void;
  const failed = new Promise<never>((_, reject) => {
    fail = (error) => {
      if (state.failure) return;
      state.failure = error;
      reject(error);
    };
  });
  failed.catch(() => undefined);

  const seconds = (frame: number) => (frame / rate).toFixed(1);
  const job: HostJob = {
    plan,
    length,
    async pull(into, count) {
      const fromInput = Math.max(0, Math.min(count, frames - pulled));
      if (fromInput > 0) {
        if (input.channelCount === 1) {
          // Mono is heard on both sides: read it once, copy it to the right.
          if (mono.length === 0 || mono[0]!.length < count) mono[0] = new Float32Array(count);
          await input.read([mono[0]!.subarray(0, fromInput)], fromInput);
          into[0]!.set(mono[0]!.subarray(0, fromInput));
          into[1]!.set(mono[0]!.subarray(0, fromInput));
        } else {
          await input.read(into.map((channel) => channel.subarray(0, fromInput)), fromInput);
        }
      }
      for (const channel of into) channel.fill(0, fromInput, count);
      pulled += count;
    },
    async push(outputs, count) {
      if (latency === null) throw new ChainRenderError('the processors never reported their latency');
      // Raw frames [pushed, pushed + count) hold aligned frames [pushed - latency, …); keep [0, frames).
      const start = Math.max(0, latency - pushed);
      const end = Math.min(count, latency + frames - pushed);
      pushed += count;
      if (end <= start) return;
      await request.output.write(outputs.map((channels) => channels.map((channel) => channel.subarray(start, end))), end - start);
      written += end - start;
    },
    onLatency(samples) {
      latency = samples;
    },
    onMeters(message) {
      meters.add(message);
    },
    onError(message) {
      fail(new ChainRenderError(message));
    },
    onStalled(message) {
      fail(new ChainStalledError(message));
    },
    progress(frame) {
      if (frame > rendered) {
        rendered = frame;
        lastAdvance = performance.now();
        request.onProgress?.(Math.min(1, rendered / length));
      }
    },
    get aborted() {
      return state.failure !== null;
    },
  };

  const started = performance.now();
  const stop = () => fail(new ChainRenderError(`stopped at ${seconds(rendered)} s of ${seconds(length)} s`));
  if (request.signal?.aborted) stop();
  request.signal?.addEventListener('abort', stop);
  const watchdog = setInterval(() => {
    const idle = (performance.now() - lastAdvance) / 1000;
    if (idle >= stallSeconds) {
      fail(new ChainStalledError(`the ${host.name} render stalled at ${seconds(rendered)} s of ${seconds(length)} s (${Math.floor((100 * rendered) / length)} %): no progress for ${Math.round(idle)} s`));
    }
  }, WATCHDOG_INTERVAL_MS);
  try {
    await Promise.race([host.render(job), failed]);
  } catch (error) {
    fail(error instanceof Error ? error : new Error(String(error)));
  } finally {
    clearInterval(watchdog);
    request.signal?.removeEventListener('abort', stop);
  }
  if (state.failure) throw state.failure;
  if (latency === null) throw new ChainRenderError('the processors never reported their latency');
  const latencySamples: number = latency;
  if (written < frames) throw new ChainRenderError(`the chain's latency (${latencySamples} samples) is longer than the render's tail (${length - frames} samples)`);
  request.onProgress?.(1);
  return {
    clipCounts: plan.listeners.map((_, i) => meters.listenerClips(i)),
    meters,
    latencySamples,
    renderSeconds: (performance.now() - started) / 1000,
  };
}
