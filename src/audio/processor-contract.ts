/**
 * What the graph builder relies on from the processors in worklets/headroom.worklet.ts:
 * their registered names, node shapes and port messages. Written down here (not imported
 * from worklets/) because src/audio talks to processors only through this contract.
 */
import type { Plan } from '../model/compile.ts';

export const PROCESSOR = {
  /** The whole chain in one node: digital x in, one 2-channel acoustic output per listener. What chain-graph builds. */
  chain: 'headroom-chain',
  /** Digital x → source EMF clip → amp input network (when plan.amp); volts. 1 in, 1 out. */
  source: 'headroom-source',
  /** × gain, clip. 1 in, 1 out; only when plan.amp. */
  amp: 'headroom-amp',
  /** Driving EMF in, one 2-channel acoustic output per listener. */
  splitter: 'headroom-splitter',
} as const;

export type ProcessorRole = keyof typeof PROCESSOR;
/** The stages whose meters a chain reports (headroom-chain's one message is handed on as the three stages' messages). */
export type MeterRole = Exclude<ProcessorRole, 'chain'>;

/** Audio is stereo: each channel runs the same plan with its own filter state. */
export const CHANNELS = 2;

export interface ProcessorOptions {
  plan: Plan;
}

/** Main thread → processor. */
export interface PlanMessage {
  type: 'plan';
  plan: Plan;
}

/** Per-channel levels since the previous meters message (linear, acoustic or volts). */
export interface ChannelMeters {
  peak: number[];
  rms: number[];
  clips: number;
}

/** Processor → main thread. Meters arrive at most 30 times a second. */
export type ProcessorMessage =
  | { type: 'ready'; latencySamples: number }
  | { type: 'meters'; listeners?: ChannelMeters[]; peak?: number[]; rms?: number[]; clips?: number; sourceClips?: number; ampClips?: number }
  | { type: 'error'; message: string };

export function isProcessorMessage(data: unknown): data is ProcessorMessage {
  if (typeof data !== 'object' || data === null) return false;
  const type = (data as { type?: unknown }).type;
  return type === 'ready' || type === 'meters' || type === 'error';
}
