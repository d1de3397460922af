/**
 * The built-in material for each built-in choice of the app's source picker, kept once made.
 *
 * The test signals take milliseconds and are made at the context's rate when chosen. The demo
 * track takes seconds (Tone.js renders 11.6 s of synthesizers), so it is made while the page
 * is idle (`prepareBuiltIn`): at the context's rate when a context exists already (the app
 * makes its engine then), else at DEMO_RATE and at 44.1 kHz, the two rates nearly every
 * output runs at (an embedded element, which makes no context before Play). Asked for at a
 * rate it was not rendered at, the track is converted from a render at another rate
 * (worklets/dsp/resample-loop.ts: a loop stays a loop, about 0.1 s) instead of rendered
 * again (docs/decisions.md, "First sound").
 */
import { renderDemoTrack } from './demo-track.ts';
import { logSweep } from './log-sweep.ts';
import type { SourceMaterial } from './material.ts';
import { pinkNoise } from './pink-noise.ts';
import { resampleMaterial } from './resample.ts';
import { sine } from './sine.ts';

/** The sounds made in the page: the demo track and the test signals. */
export type BuiltInChoice = { kind: 'demo' } | { kind: 'pink' } | { kind: 'sine'; hz: number; levelDbfs: number } | { kind: 'sweep' };

/** Long enough to judge a sound, short enough to make in a blink; all loop seamlessly or restart cleanly. */
const NOISE_SECONDS = 10;
const SWEEP_SECONDS = 10;
const SINE_SECONDS = 2;
/** The rate the demo track is rendered at, and the other one it is prepared for. */
export const DEMO_RATE = 48_000;
const DEMO_ALSO_PREPARED_RATE = 44_100;

const made = new Map<string, Promise<SourceMaterial>>();
/** What is made already, for taking without a wait. */
const ready = new Map<string, SourceMaterial>();

/** Makes (once) what `key` names; a failed making does not stick: the next ask makes it again. */
function once(key: string, make: () => Promise<SourceMaterial>): Promise<SourceMaterial> {
  let material = made.get(key);
  if (!material) {
    material = make();
    made.set(key, material);
    material.then(
      (done) => ready.set(key, done),
      () => made.delete(key),
    );
  }
  return material;
}

const keyOf = (choice: BuiltInChoice, sampleRate: number): string => (choice.kind === 'demo' ? `demo@${sampleRate}` : JSON.stringify({ ...choice, sampleRate }));

/** The rates the demo track has been (or is being) rendered at by Tone.js, not converted. */
const rendered = new Set<number>();

export function loadBuiltIn(choice: BuiltInChoice, sampleRate: number): Promise<SourceMaterial> {
  const key = keyOf(choice, sampleRate);
  if (choice.kind !== 'demo') return once(key, async () => make(choice, sampleRate));
  const existing = made.get(key);
  if (existing) return existing;
  // A render at another rate (made, or on its way) is converted; else the track is rendered at this one.
  const source = [...rendered].map((rate) => made.get(keyOf(choice, rate))).find((render) => render !== undefined);
  if (source) return once(key, async () => resampleMaterial(await source, sampleRate));
  rendered.add(sampleRate);
  const render = once(key, () => renderDemoTrack(sampleRate));
  render.catch(() => rendered.delete(sampleRate));
  return render;
}

/** The material if it is made already (so it can play within the click that asked), else null. */
export function readyBuiltIn(choice: BuiltInChoice, sampleRate: number): SourceMaterial | null {
  return ready.get(keyOf(choice, sampleRate)) ?? null;
}

/** Makes the material now, so a later `loadBuiltIn` finds it ready: at `sampleRate`, or else (the demo track) at both usual rates. */
export function prepareBuiltIn(choice: BuiltInChoice, sampleRate?: number): void {
  const rates = sampleRate ? [sampleRate] : choice.kind === 'demo' ? [DEMO_RATE, DEMO_ALSO_PREPARED_RATE] : [];
  for (const rate of rates) loadBuiltIn(choice, rate).catch(() => undefined);
}

function make(choice: Exclude<BuiltInChoice, { kind: 'demo' }>, sampleRate: number): SourceMaterial {
  switch (choice.kind) {
    case 'pink':
      return pinkNoise(sampleRate, NOISE_SECONDS);
    case 'sweep':
      return logSweep(sampleRate, SWEEP_SECONDS);
    case 'sine':
      return sine(sampleRate, SINE_SECONDS, { hz: choice.hz, levelDbfs: choice.levelDbfs });
  }
}
