/**
 * The standardized-audio-context types the engine builds on: a live AudioContext in the
 * app, an OfflineAudioContext in tests and exports; the graph is the same on both.
 */
import type { IAudioContext, IAudioNode, IOfflineAudioContext } from 'standardized-audio-context';
import type { ContextLike, NodeLike, WorkletNodeFactory } from '../graph-types.ts';

export type EngineContext = IAudioContext | IOfflineAudioContext;
export type EngineNode = IAudioNode<EngineContext>;

/** chain-graph.ts sees the context through its structural types. */
export const asGraphContext = (context: EngineContext): EngineContext & ContextLike => context as EngineContext & ContextLike;
/** A chain-graph output as a standardized-audio-context node (it is one: chain-graph made it with createGain). */
export const asEngineNode = (node: NodeLike): EngineNode => node as unknown as EngineNode;

export type EngineWorkletFactory = WorkletNodeFactory<EngineContext & ContextLike>;
