/**
 * What the graph builder relies on from the processors in worklets/headroom.worklet.ts:
 * their registered names, node shapes and port messages. Written down here (not imported
 * from worklets/) because src/audio talks to processors only through this contract.
 */
import type { Plan } from '../model/compile.ts';

export const PROCESSOR = {
  /** The whole chain in one node: digital x in, one 2-channel acoustic output per listener. What chain-graph builds. */
  chain: 'headroom-chain',
} as const;

export type ProcessorRole = keyof typeof PROCESSOR;

/** Audio is stereo: each channel runs the same plan with its own filter state. */
export const CHANNELS = 2;

export interface ProcessorOptions {
  plan: Plan;
}

/** Per-channel levels since the previous meters message (linear, acoustic or volts). */
export interface ChannelMeters {
  peak: number[];
  rms: number[];
  clips: number;
}

/**
 * headroom-chain's meters since its previous message: the samples clipped at the source and
 * at the amp (0 without one), and each listener's levels and own jack's clips.
 */
export interface ChainMeters {
  type: 'meters';
  sourceClips: number;
  ampClips: number;
  listeners: ChannelMeters[];
}

/** Processor → main thread. Meters arrive at most 30 times a second. */
export type ProcessorMessage =
  | { type: 'ready'; latencySamples: number }
  | ChainMeters
  | { type: 'error'; message: string };

/**
 * Clipped samples that reach listener i: a listener hears every clip upstream of it (the
 * source's and the amp's) and its own jack's (independent amp outputs). The one place this
 * rule is written; the live meters and the offline totals both count with it.
 */
export function listenerClips(meters: Pick<ChainMeters, 'sourceClips' | 'ampClips'> & { listeners: readonly Pick<ChannelMeters, 'clips'>[] }, i: number): number {
  return meters.sourceClips + meters.ampClips + (meters.listeners[i]?.clips ?? 0);
}

export function isProcessorMessage(data: unknown): data is ProcessorMessage {
  if (typeof data !== 'object' || data === null) return false;
  const type = (data as { type?: unknown }).type;
  return type === 'ready' || type === 'meters' || type === 'error';
}
