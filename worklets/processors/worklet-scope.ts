/**
 * The parts of the AudioWorkletGlobalScope the processors use, typed here because the
 * DOM lib has no worklet-scope types. Everything is read from `globalThis` when needed,
 * except the base class, which `class … extends ProcessorBase` needs at module
 * evaluation: in a worklet scope that is the real AudioWorkletProcessor; elsewhere a
 * stand-in whose constructor throws, so importing a processor module never fails
 * (tests install a fake AudioWorkletProcessor on globalThis before importing).
 */

export interface WorkletPort {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

export interface ProcessorNodeOptions {
  readonly numberOfInputs?: number;
  readonly numberOfOutputs?: number;
  readonly outputChannelCount?: readonly number[];
  readonly processorOptions?: unknown;
}

interface ProcessorInstance {
  readonly port: WorkletPort;
}

type ProcessorConstructor = new (options?: ProcessorNodeOptions) => ProcessorInstance;

interface WorkletScope {
  AudioWorkletProcessor?: ProcessorConstructor;
  sampleRate?: number;
  currentFrame?: number;
}

const scope = globalThis as unknown as WorkletScope;

class MissingWorkletScope {
  readonly port!: WorkletPort;
  constructor() {
    throw new Error('AudioWorkletProcessor is not defined: load the processors with audioWorklet.addModule');
  }
}

export const ProcessorBase: ProcessorConstructor = scope.AudioWorkletProcessor ?? MissingWorkletScope;

/** The context's sample rate (the worklet global `sampleRate`). */
export function contextSampleRate(): number {
  return scope.sampleRate ?? NaN;
}

/** The worklet global `currentFrame` (0 where the host has none). */
export function contextFrame(): number {
  return scope.currentFrame ?? 0;
}
