/**
 * Shared by the engine's browser tests: the listening engine on a real OfflineAudioContext
 * of standardized-audio-context in headless Chromium, with the real worklets (Vite
 * `?worker&url`, as the app loads them), and the signals and measurements the tests use.
 */
import { OfflineAudioContext, type IOfflineAudioContext } from 'standardized-audio-context';
import { ListeningEngine, type ListeningEngineOptions, type SourceMaterial } from '../../src/audio/engine/index.ts';
import type { Setup } from '../../src/model/setup.ts';
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

export function sineMaterial(hz: number, peakDbfs: number, seconds: number, rate = RATE): SourceMaterial {
  const n = Math.round(seconds * rate);
  const a = 10 ** (peakDbfs / 20);
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = a * Math.sin((2 * Math.PI * hz * i) / rate);
  return { channels: [x], sampleRate: rate, name: `${hz} Hz sine` };
}

/** Pink noise (Paul Kellet's refined filter of white noise), stereo, scaled to `rmsDbfs`; seeded, so renders repeat. */
export function pinkNoiseMaterial(seconds: number, rmsDbfs: number, rate = RATE): SourceMaterial {
  let seed = 12345;
  const white = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  const channels = [0, 1].map(() => {
    const n = Math.round(seconds * rate);
    const x = new Float32Array(n);
    let b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
    for (let i = 0; i < n; i++) {
      const w = white();
      b0 = 0.99886 * b0 + w * 0.0555179;
      b1 = 0.99332 * b1 + w * 0.0750759;
      b2 = 0.969 * b2 + w * 0.153852;
      b3 = 0.8665 * b3 + w * 0.3104856;
      b4 = 0.55 * b4 + w * 0.5329522;
      b5 = -0.7616 * b5 - w * 0.016898;
      x[i] = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
      b6 = w * 0.115926;
    }
    const rms = Math.sqrt(x.reduce((s, v) => s + v * v, 0) / n);
    const scale = 10 ** (rmsDbfs / 20) / rms;
    for (let i = 0; i < n; i++) x[i] = x[i]! * scale;
    return x;
  });
  return { channels, sampleRate: rate, name: 'pink noise' };
}

export function rmsDb(x: Float32Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += x[i]! * x[i]!;
  return 10 * Math.log10(sum / (to - from));
}

export const seconds = (s: number): number => Math.round(s * RATE);
