/**
 * The built-in material for each choice of the source picker, made at the context's sample
 * rate (so nothing is resampled) and kept once made: the demo track takes a moment to render.
 */
import { logSweep, pinkNoise, renderDemoTrack, sine, type SourceMaterial } from '../../audio/sources/index.ts';
import type { SourceChoice } from './source-choice.ts';

/** Long enough to judge a sound, short enough to make in a blink; all loop seamlessly or restart cleanly. */
const NOISE_SECONDS = 10;
const SWEEP_SECONDS = 10;
const SINE_SECONDS = 2;

const made = new Map<string, Promise<SourceMaterial>>();

export function loadBuiltIn(choice: Extract<SourceChoice, { kind: 'demo' | 'pink' | 'sine' | 'sweep' }>, sampleRate: number): Promise<SourceMaterial> {
  const key = JSON.stringify({ ...choice, sampleRate });
  let material = made.get(key);
  if (!material) {
    material = make(choice, sampleRate);
    made.set(key, material);
    // A failed render must not stick: the next try makes it again.
    material.catch(() => made.delete(key));
  }
  return material;
}

async function make(choice: Extract<SourceChoice, { kind: 'demo' | 'pink' | 'sine' | 'sweep' }>, sampleRate: number): Promise<SourceMaterial> {
  switch (choice.kind) {
    case 'demo':
      return renderDemoTrack(sampleRate);
    case 'pink':
      return pinkNoise(sampleRate, NOISE_SECONDS);
    case 'sweep':
      return logSweep(sampleRate, SWEEP_SECONDS);
    case 'sine':
      return sine(sampleRate, SINE_SECONDS, { hz: choice.hz, levelDbfs: choice.levelDbfs });
  }
}
