/**
 * The few Web Audio shapes the graph builder uses, written structurally so the same code
 * builds on standardized-audio-context in the browser and on node-web-audio-api in Node.
 * Types only: nothing here touches a DOM or Web Audio global at run time.
 */
import type { ProcessorOptions } from './processor-contract.ts';
export interface ParamLike {
  value: number;
  setValueAtTime(value: number, startTime: number): unknown;
  linearRampToValueAtTime(value: number, endTime: number): unknown;
  cancelScheduledValues(cancelTime: number): unknown;
}

export interface NodeLike {
  connect(destination: NodeLike, output?: number, input?: number): unknown;
  /** Every outgoing connection, or only those to `destination`. */
  disconnect(destination?: NodeLike): void;
}

export interface GainLike extends NodeLike {
  readonly gain: ParamLike;
}

export interface PortLike {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
  close?(): void;
}

export interface WorkletNodeLike extends NodeLike {
  readonly port: PortLike;
  onprocessorerror: ((event: ErrorEvent) => void) | null;
}

export interface ContextLike {
  readonly currentTime: number;
  createGain(): GainLike;
}

export interface WorkletNodeOptions {
  numberOfInputs: number;
  numberOfOutputs: number;
  outputChannelCount: number[];
  channelCount: number;
  channelCountMode: 'explicit';
  channelInterpretation: 'speakers';
  processorOptions: ProcessorOptions;
}

/** `(context, name, options) => new AudioWorkletNode(context, name, options)` of the host library. */
export type WorkletNodeFactory<C> = (context: C, name: string, options: WorkletNodeOptions) => WorkletNodeLike;
