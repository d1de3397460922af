/**
 * The plucked string: a guitar-like phrase (four bars at 96 BPM, 10 s) of plucked strings,
 * rendered with Tone.js's PluckSynth (Karplus–Strong) in an OfflineAudioContext in the
 * browser. It stands for a guitar pickup's EMF — what the strings induce in the coil before
 * the cable and the input load it — so the input side's pickup loading is heard on a
 * guitar-like sound: bright attacks whose treble a line input takes away.
 *
 * Music: Em – C – G – D, each bar a strummed chord on the downbeat (six strings, 12 ms apart,
 * low to high) and a fingerpicked eighth-note figure over it. One PluckSynth per string, as on
 * a guitar, so a string rings until it is plucked again. Mono (a pickup has one coil).
 *
 * Loopable at the bar line like the demo track: rendered 2 s past the fourth bar and the tail
 * folded onto the start, where it would ring when the loop plays again. Peak normalized to
 * −3 dBFS (material.ts).
 *
 * Tone.js is imported on first use, not with this module (see demo-track.ts for why).
 */
import { checkLoopSampleRate, loopMaterial, loopSeconds, RING_OUT_SECONDS, type LoopTiming } from './loop.ts';
import type { SourceMaterial } from './material.ts';

export const PLUCKED_STRING: LoopTiming = { bpm: 96, bars: 4, beatsPerBar: 4, peakDbfs: -3 };

/** 4 bars · 4 beats · 60/96 s = 10 s. */
export const PLUCKED_STRING_SECONDS = loopSeconds(PLUCKED_STRING);

/** Strum: one string after the other, low to high. */
const STRUM_STEP_SECONDS = 0.012;

/** Per bar: the chord's six strings (low E to high e; null = not played) and the picking pattern (string indices per eighth). */
const BARS: readonly { strings: readonly (string | null)[]; picking: readonly number[] }[] = [
  { strings: ['E2', 'B2', 'E3', 'G3', 'B3', 'E4'], picking: [0, 3, 4, 5, 2, 4, 3, 4] }, // Em
  { strings: [null, 'C3', 'E3', 'G3', 'C4', 'E4'], picking: [1, 3, 4, 5, 2, 4, 3, 4] }, // C
  { strings: ['G2', 'B2', 'D3', 'G3', 'B3', 'G4'], picking: [0, 3, 4, 5, 2, 4, 3, 4] }, // G
  { strings: [null, 'A2', 'D3', 'A3', 'D4', 'F#4'], picking: [2, 3, 4, 5, 3, 4, 2, 5] }, // D
];

/** Renders the plucked-string phrase (mono, exactly PLUCKED_STRING_SECONDS long) at `sampleRate`. */
export async function renderPluckedString(sampleRate: number): Promise<SourceMaterial> {
  checkLoopSampleRate(sampleRate);
  (globalThis as { TONE_SILENCE_LOGGING?: boolean }).TONE_SILENCE_LOGGING = true;
  const Tone = await import('tone');
  const beat = 60 / PLUCKED_STRING.bpm;
  const bar = beat * PLUCKED_STRING.beatsPerBar;
  const eighth = beat / 2;

  const rendered = await Tone.Offline(
    () => {
      // A bright string (the feedback loop's low-pass high up) so that a loaded pickup's treble loss is plain to hear.
      const strings = Array.from({ length: 6 }, (_, s) =>
        new Tone.PluckSynth({ attackNoise: 0.8, dampening: 6000 - s * 250, resonance: 0.97, release: 1.2, volume: -6 }).toDestination(),
      );
      BARS.forEach(({ strings: notes, picking }, b) => {
        const t0 = b * bar;
        // The strum: every sounding string, low to high.
        let k = 0;
        notes.forEach((note, s) => {
          if (note !== null) strings[s]!.triggerAttack(note, t0 + STRUM_STEP_SECONDS * k++);
        });
        // Fingerpicking from the second eighth on (the strum rings through the first).
        picking.forEach((s, e) => {
          const note = notes[s];
          if (e > 0 && note != null) strings[s]!.triggerAttack(note, t0 + e * eighth);
        });
      });
    },
    PLUCKED_STRING_SECONDS + RING_OUT_SECONDS,
    1,
    sampleRate,
  );

  const buffer = rendered.get();
  if (!buffer) throw new Error('Tone.js returned no audio for the plucked string');
  return loopMaterial('Plucked string', PLUCKED_STRING, [buffer.getChannelData(0)], sampleRate);
}
