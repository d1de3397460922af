/**
 * Shared by the input side's browser tests (input-*.browser.test.ts): the input engine on a
 * real OfflineAudioContext of standardized-audio-context in headless Chromium, with the real
 * input worklet module loaded as the app loads it (Vite `?worker&url`), and spectra (fft.js).
 */
import FFT from 'fft.js';
import { rmsDbfs as materialRmsDbfs, type SourceMaterial } from '../../src/audio/sources/material.ts';
import { sine as appSine } from '../../src/audio/sources/sine.ts';
import { OfflineAudioContext, type IOfflineAudioContext } from 'standardized-audio-context';
import { InputEngine, type InputChoice, type InputEngineOptions } from '../../src/audio/input-engine/index.ts';
import servedInputWorkletUrl from '../../src/audio/input-worklet-url.ts';
import { renderStereo, testableWorkletUrl } from './worklet-test-url.ts';
import { inputExamples } from '../../src/model/catalog/input.ts';
import type { InputSetup } from '../../src/model/input/contract.ts';

export const RATE = 48_000;

/** The input worklet entry, loadable under Vitest's browser mode (see worklet-test-url.ts). */
export function testInputWorkletUrl(): Promise<string> {
  return testableWorkletUrl(servedInputWorkletUrl);
}

export function example(id: string): InputSetup {
  const found = inputExamples.find((e) => e.id === id);
  if (!found) throw new Error(`no input example ${id}`);
  return structuredClone(found.input);
}

export const instrument = (id: string): InputChoice => ({ input: example(id), path: 'instrument' });
export const microphone = (input: InputSetup): InputChoice => ({ input, path: 'microphone' });

export interface OfflineInputEngine {
  engine: InputEngine;
  context: IOfflineAudioContext;
  errors: string[];
  /** Renders the whole context; [left, right]. */
  render(): Promise<Float32Array[]>;
}

export async function offlineInputEngine(seconds: number, options: Omit<InputEngineOptions, 'context'>): Promise<OfflineInputEngine> {
  const context = new OfflineAudioContext({ numberOfChannels: 2, length: Math.round(seconds * RATE), sampleRate: RATE }) as IOfflineAudioContext;
  const errors: string[] = [];
  const engine = await InputEngine.create({ ...options, context, workletUrl: await testInputWorkletUrl(), onError: (message) => errors.push(message) });
  return {
    engine,
    context,
    errors,
    render: () => renderStereo(context),
  };
}

/** Complex spectrum of `x` zero-padded to `n` (a power of two): [re, im] for bins 0…n/2. */
export function spectrum(x: ArrayLike<number>, n: number): { re: Float64Array; im: Float64Array } {
  const fft = new FFT(n);
  const input = new Array<number>(n).fill(0);
  for (let i = 0; i < Math.min(n, x.length); i++) input[i] = x[i]!;
  const out = fft.createComplexArray() as number[];
  fft.realTransform(out, input);
  const re = new Float64Array(n / 2 + 1);
  const im = new Float64Array(n / 2 + 1);
  for (let k = 0; k <= n / 2; k++) {
    re[k] = out[2 * k]!;
    im[k] = out[2 * k + 1]!;
  }
  return { re, im };
}

/** RMS of x[from…to) in dBFS re a full-scale sine (AES17: a sine of peak 1 reads 0), with the app's own formula. */
export function rmsDbfs(x: Float32Array, from = 0, to = x.length): number {
  return materialRmsDbfs(x.subarray(from, to));
}

/** A mono sine of `peak` amplitude at `hz`, `seconds` long, from the app's own generator (whole cycles: every frequency used here fits). */
export function sine(hz: number, peak: number, seconds: number): SourceMaterial {
  return appSine(RATE, seconds, { hz, levelDbfs: 20 * Math.log10(peak) });
}
