/**
 * chain-graph's node factory on standardized-audio-context: its AudioWorkletNode works on
 * live and offline contexts alike.
 */
import { AudioWorkletNode } from 'standardized-audio-context';
import type { EngineContext, EngineWorkletFactory } from './context-types.ts';

export const workletFactory: EngineWorkletFactory = (context, name, options) => new AudioWorkletNode!(context as EngineContext, name, options) as never;
