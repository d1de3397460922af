/**
 * AudioWorkletNodes on standardized-audio-context, whose AudioWorkletNode works on live and
 * offline contexts alike: chain-graph's node factory, and the engines' own stereo nodes.
 */
import { AudioWorkletNode, type IAudioWorkletNode } from 'standardized-audio-context';
import { CHANNELS } from '../processor-contract.ts';
import type { EngineContext, EngineWorkletFactory } from './context-types.ts';

export const workletFactory: EngineWorkletFactory = (context, name, options) => new AudioWorkletNode!(context as EngineContext, name, options) as never;

/**
 * A processor node with stereo inputs and outputs (explicit stereo with speaker up-mixing: a
 * mono input is heard on both channels); `onError` hears its processor failing.
 */
export function stereoWorkletNode(
  context: EngineContext,
  name: string,
  shape: { inputs: number; outputs: number; processorOptions?: Record<string, unknown> },
  onError: (message: string) => void,
): IAudioWorkletNode<EngineContext> {
  const node = new AudioWorkletNode!(context, name, {
    numberOfInputs: shape.inputs,
    numberOfOutputs: shape.outputs,
    outputChannelCount: Array.from({ length: shape.outputs }, () => CHANNELS),
    channelCount: CHANNELS,
    channelCountMode: 'explicit',
    channelInterpretation: 'speakers',
    ...(shape.processorOptions ? { processorOptions: shape.processorOptions } : {}),
  });
  node.onprocessorerror = () => onError(`${name}: processor error`);
  return node;
}
