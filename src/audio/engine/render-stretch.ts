/**
 * Renders a stretch of material through one setup, offline, with the very worklets the
 * engine plays, for "export A and B as WAV": the offline renderer `headroom render` uses
 * too (../offline/chain-renderer.ts), hosted by standardized-audio-context's
 * OfflineAudioContext (../offline/web-audio-host.ts).
 *
 * The result is the acoustic signal per listener, aligned with the input (the processors'
 * latency is cut from the front), at the material's sample rate, with no listening level
 * and no limiter: a 0 dBFS sine stands for calibrationDbSpl, and float WAVs keep levels
 * above full scale.
 */
import { OfflineAudioContext, type IOfflineAudioContext } from 'standardized-audio-context';
import { CHANNELS } from '../processor-contract.ts';
import { renderChain, type RenderOutput } from '../offline/chain-renderer.ts';
import { webAudioHost, type OfflineContextLike } from '../offline/web-audio-host.ts';
import { compile } from '../../model/compile.ts';
import type { Setup } from '../../model/setup.ts';
import workletUrl from '../worklet-url.ts';
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

type Context = IOfflineAudioContext & OfflineContextLike;

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
  const host = webAudioHost<Context>({
    name: 'standardized-audio-context',
    createContext: (o) => new OfflineAudioContext(o) as Context,
    addModule: (context) => context.audioWorklet!.addModule(options.workletUrl ?? workletUrl),
    createWorkletNode: workletFactory as never,
  });
  const listeners = plan.listeners.map(() => Array.from({ length: CHANNELS }, () => new Float32Array(count)));
  let at = 0;
  const output: RenderOutput = {
    write(chunk, n) {
      chunk.forEach((channels, i) => channels.forEach((channel, c) => listeners[i]![c]!.set(channel.subarray(0, n), at)));
      at += n;
    },
  };
  let read = 0;
  const source = material.channels;
  try {
    await renderChain(host, {
      plan,
      frames: count,
      input: {
        channelCount: source.length,
        read(into, n) {
          into.forEach((channel, c) => channel.set(source[c]!.subarray(first + read, first + read + n)));
          read += n;
        },
      },
      output,
    });
  } catch (error) {
    throw new Error(`Cannot render "${setup.headphones[0]?.name ?? 'setup'}": ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return plan.listeners.map((listener, i) => ({ name: listener.name, channels: listeners[i]!, wav: () => encodeWav(listeners[i]!, rate) }));
}
