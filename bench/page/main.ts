/**
 * The bench page: the processors loaded the way the app loads them (Vite `?worker&url`,
 * standardized-audio-context's addModule), offline renders exposed as `window.headroomBench`
 * for playwright (bench/run.mjs and tests/browser/worklet-loading.e2e.test.ts).
 */
import { AudioWorkletNode, OfflineAudioContext } from 'standardized-audio-context';
import workletUrl from '../../src/audio/worklet-url.ts';
import floorWorkletUrl from '../host-floor.worklet.ts?worker&url';
import type { WorkletNodeFactory, WorkletNodeOptions } from '../../src/audio/graph-types.ts';
import { renderBenchKind, type BenchContext, type BenchKind } from '../graph.ts';
import { measureLevels, type LevelResult } from './levels.ts';

export interface RenderResult {
  renderSeconds: number;
  addModuleSeconds: number;
  nonFinite: number;
  errors: string[];
}

export interface HeadroomBench {
  /** The worklet entry's URL as this build serves it (for the loading test's checks). */
  workletUrl: string;
  /** 1 s of a 1 kHz sine through the bench chain; RMS per listener and channel. */
  levels(): Promise<LevelResult>;
  /** `seconds` of stereo −10 dBFS noise through `kind`; wall time of startRendering() alone. */
  render(kind: BenchKind, seconds: number): Promise<RenderResult>;
}

declare global {
  interface Window {
    headroomBench: HeadroomBench;
  }
}

const SAMPLE_RATE = 48_000;

type Context = OfflineAudioContext & BenchContext;
const createWorkletNode: WorkletNodeFactory<Context> = (context, name, options: WorkletNodeOptions) =>
  new AudioWorkletNode!(context, name, options) as never;

async function newContext(channels: number, length: number): Promise<{ context: Context; addModuleSeconds: number }> {
  const context = new OfflineAudioContext({ numberOfChannels: channels, length, sampleRate: SAMPLE_RATE }) as Context;
  const t0 = performance.now();
  await context.audioWorklet!.addModule(workletUrl);
  return { context, addModuleSeconds: (performance.now() - t0) / 1000 };
}


async function render(kind: BenchKind, seconds: number): Promise<RenderResult> {
  const { context, addModuleSeconds } = await newContext(2, Math.round(seconds * SAMPLE_RATE));
  if (kind === 'floor') await context.audioWorklet!.addModule(floorWorkletUrl);
  return { ...(await renderBenchKind(context, createWorkletNode, kind, context.length)), addModuleSeconds };
}

window.headroomBench = {
  workletUrl,
  levels: () => measureLevels(SAMPLE_RATE, (channels, length) => newContext(channels, length), createWorkletNode),
  render,
};
document.body.dataset.ready = 'true';
