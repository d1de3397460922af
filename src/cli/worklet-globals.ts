/**
 * The AudioWorkletGlobalScope outside Web Audio: the globals the processors read
 * (AudioWorkletProcessor with a port, registerProcessor, sampleRate, currentFrame), installed
 * on this realm's globalThis so that a worklet script evaluated afterwards registers its
 * processors here and `process()` can be called directly. Used by the direct host's render
 * thread (render-thread.ts), the processor tests' harness and the bench's Node probes; each
 * brings the port it needs (one that packs meters, one that records, one that drops). The
 * processors' side of the same globals is worklets/processors/worklet-scope.ts.
 */
import type { WorkletPort } from '../../worklets/processors/worklet-scope.ts';

export interface WorkletGlobals<P> {
  /** The processor classes registered since the globals were installed, by name. */
  readonly registered: Map<string, P>;
  /** Sets `sampleRate` for the processors made from now on. */
  setSampleRate(sampleRateHz: number): void;
  /** Sets `currentFrame`, as the audio thread does before each block. */
  setCurrentFrame(frame: number): void;
}

interface Scope {
  AudioWorkletProcessor: unknown;
  registerProcessor: unknown;
  sampleRate: number;
  currentFrame: number;
}

/** Installs the globals; every processor constructed afterwards gets `new Port()` as its port. */
export function installWorkletGlobals<P>(sampleRateHz: number, Port: new () => WorkletPort): WorkletGlobals<P> {
  const scope = globalThis as unknown as Scope;
  const registered = new Map<string, P>();
  scope.AudioWorkletProcessor = class {
    readonly port = new Port();
  };
  scope.registerProcessor = (name: string, processor: P) => void registered.set(name, processor);
  scope.sampleRate = sampleRateHz;
  scope.currentFrame = 0;
  return {
    registered,
    setSampleRate: (rate) => void (scope.sampleRate = rate),
    setCurrentFrame: (frame) => void (scope.currentFrame = frame),
  };
}
