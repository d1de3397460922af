/**
 * The processors outside Web Audio: the same worklet bundle that addModule loads, evaluated in
 * this Node context under faked AudioWorkletGlobalScope globals (AudioWorkletProcessor with a
 * port, registerProcessor, sampleRate, currentFrame), so process() can be called directly.
 */
import { readFileSync } from 'node:fs';
import { runInThisContext } from 'node:vm';
import { installWorkletGlobals } from '../../src/cli/worklet-globals.ts';

/** A port whose postMessage does nothing (and allocates nothing); plans are delivered by `deliver`. */
export class FakePort {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  postMessage(_message: unknown): void {}
  deliver(data: unknown): void {
    this.onmessage?.({ data });
  }
}

export interface FakeProcessor {
  readonly port: FakePort;
  process(inputs: Float32Array[][], outputs: Float32Array[][], parameters: Record<string, Float32Array>): boolean;
}

export type ProcessorClass = new (options: unknown) => FakeProcessor;

/** Evaluates the worklet bundle once under fake globals; returns the registered processor classes by name. */
export function loadProcessors(bundlePath: string, sampleRate: number): Map<string, ProcessorClass> {
  const { registered } = installWorkletGlobals<ProcessorClass>(sampleRate, FakePort);
  runInThisContext(readFileSync(bundlePath, 'utf8'), { filename: bundlePath });
  return registered;
}
