/**
 * Shared by the engine's browser tests: the listening engine on a real OfflineAudioContext
 * of standardized-audio-context in headless Chromium, with the real worklets (Vite
 * `?worker&url`, as the app loads them), and the signals and measurements the tests use.
 */
import { OfflineAudioContext, type IOfflineAudioContext } from 'standardized-audio-context';
import { ListeningEngine, type ListeningEngineOptions, type SourceMaterial } from '../../src/audio/engine/index.ts';
import type { Setup } from '../../src/model/setup.ts';
import { pinkNoise } from '../../src/audio/sources/pink-noise.ts';
import { sine } from '../../src/audio/sources/sine.ts';
import { resistiveHeadphone, setup, source } from '../support/setups.ts';
import servedWorkletUrl from '../../src/audio/worklet-url.ts';
import { renderStereo, testableWorkletUrl } from './worklet-test-url.ts';

/** The app's worklet entry, loadable under Vitest's browser mode (see worklet-test-url.ts). */
export function testWorkletUrl(): Promise<string> {
  return testableWorkletUrl(servedWorkletUrl);
}

export const RATE = 48_000;

/** A 100 Ω source (1 Vrms) driving `listeners` equal 32 Ω headphones, through a passive splitter when more than one. */
export function hundredOhmSource(listeners: number): Setup {
  return setup({
    source: source({ outputImpedanceOhms: 100, maxOutputVrms: 1 }),
    splitter: listeners > 1 ? { cableResistanceOhms: 0 } : null,
    headphones: Array.from({ length: listeners }, (_, i) => resistiveHeadphone(32, `32 ohm ${i + 1}`)),
  });
}

export interface OfflineEngine {
  engine: ListeningEngine;
  context: IOfflineAudioContext;
  errors: string[];
  /** Renders the whole context; [left, right]. */
  render(): Promise<Float32Array[]>;
}

export async function offlineEngine(seconds: number, options: Omit<ListeningEngineOptions, 'context'>): Promise<OfflineEngine> {
  const context = new OfflineAudioContext({ numberOfChannels: 2, length: Math.round(seconds * RATE), sampleRate: RATE }) as IOfflineAudioContext;
  const errors: string[] = [];
  const engine = await ListeningEngine.create({ ...options, context, workletUrl: await testWorkletUrl(), onError: (message) => errors.push(message) });
  return {
    engine,
    context,
    errors,
    render: () => renderStereo(context),
  };
}

/** A mono sine from the app's own generator (whole cycles: every frequency used here fits its length exactly). */
export function sineMaterial(hz: number, peakDbfs: number, seconds: number, rate = RATE): SourceMaterial {
  return sine(rate, seconds, { hz, levelDbfs: peakDbfs });
}

/** Stereo pink noise from the app's own generator (a seed per channel), its plain RMS at `rmsDbfs` (AES17 reads 3.01 dB more); renders repeat. */
export function pinkNoiseMaterial(seconds: number, rmsDbfs: number, rate = RATE): SourceMaterial {
  const levelDbfs = rmsDbfs + 20 * Math.log10(Math.SQRT2);
  const channels = [1, 2].map((seed) => pinkNoise(rate, seconds, { levelDbfs, seed }).channels[0]!);
  return { channels, sampleRate: rate, name: 'pink noise' };
}

export function rmsDb(x: Float32Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += x[i]! * x[i]!;
  return 10 * Math.log10(sum / (to - from));
}

export const seconds = (s: number): number => Math.round(s * RATE);
