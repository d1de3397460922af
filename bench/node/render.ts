/**
 * One benchmark render in Node: node-web-audio-api's OfflineAudioContext with the worklet
 * bundle (esbuild, by bench/run.mjs) added by path, the same graphs as in Chromium (bench/graph.ts).
 */
import { AudioWorkletNode, OfflineAudioContext } from 'node-web-audio-api';
import type { WorkletNodeFactory } from '../../src/audio/graph-types.ts';
import { buildBenchGraph, fillNoise, type BenchContext, type BenchKind } from '../graph.ts';

export const SAMPLE_RATE = 48_000;

export interface NodeRenderResult {
  renderSeconds: number;
  nonFinite: number;
  errors: string[];
}

type Context = OfflineAudioContext & BenchContext;
const createWorkletNode: WorkletNodeFactory<Context> = (context, name, options) => new AudioWorkletNode(context, name, options) as never;

export async function renderInNode(kind: BenchKind, seconds: number, workletPath: string): Promise<NodeRenderResult> {
  const length = Math.round(seconds * SAMPLE_RATE);
  const context = new OfflineAudioContext({ numberOfChannels: 2, length, sampleRate: SAMPLE_RATE }) as unknown as Context;
  await context.audioWorklet.addModule(workletPath);
  const buffer = context.createBuffer(2, length, SAMPLE_RATE);
  fillNoise(buffer.getChannelData(0), buffer.getChannelData(1));
  const source = context.createBufferSource();
  source.buffer = buffer;
  const graph = buildBenchGraph(context, createWorkletNode, kind, source);
  source.start(0);
  const t0 = performance.now();
  const rendered = await context.startRendering();
  const renderSeconds = (performance.now() - t0) / 1000;
  for (const chain of graph.chains) chain.dispose();
  let nonFinite = 0;
  for (let c = 0; c < 2; c++) {
    const data = rendered.getChannelData(c);
    for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i]!)) nonFinite++;
  }
  return { renderSeconds, nonFinite, errors: graph.errors };
}
