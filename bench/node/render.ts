/**
 * One benchmark render in Node: node-web-audio-api's OfflineAudioContext with the worklet
 * bundle (esbuild, by bench/run.mjs) added by path, the same graphs as in Chromium (bench/graph.ts).
 */
import { AudioWorkletNode, OfflineAudioContext } from 'node-web-audio-api';
import type { WorkletNodeFactory } from '../../src/audio/graph-types.ts';
import { dirname, join } from 'node:path';
import { renderBenchKind, type BenchContext, type BenchKind, type TimedRender } from '../graph.ts';

/** File name of the host-floor processor's bundle, next to the app's worklet bundle. */
export const FLOOR_BUNDLE = 'host-floor.worklet.js';

export const SAMPLE_RATE = 48_000;

export type NodeRenderResult = TimedRender;

type Context = OfflineAudioContext & BenchContext;
const createWorkletNode: WorkletNodeFactory<Context> = (context, name, options) => new AudioWorkletNode(context, name, options) as never;

/** `workletPath`: the app's worklet bundle; the host-floor processor's bundle lies beside it (bench/lib/node-host.mjs). */
export async function renderInNode(kind: BenchKind, seconds: number, workletPath: string): Promise<NodeRenderResult> {
  const context = new OfflineAudioContext({ numberOfChannels: 2, length: Math.round(seconds * SAMPLE_RATE), sampleRate: SAMPLE_RATE }) as unknown as Context;
  await context.audioWorklet.addModule(workletPath);
  if (kind === 'floor') await context.audioWorklet.addModule(join(dirname(workletPath), FLOOR_BUNDLE));
  return renderBenchKind(context, createWorkletNode, kind, context.length);
}
