/**
 * The demo track: four bars at 100 BPM (9.6 s) of original music written here in code — kick,
 * snare and hi-hats, a sawtooth bass and triangle-wave chords (A minor: Am F C G) — rendered
 * with Tone.js in an OfflineAudioContext in the browser. No samples, no network.
 *
 * Loopable exactly at the bar line: the material is exactly 4 bars long, and the tails that
 * ring past the last bar line (the release of the last chord, a cymbal's decay) are rendered
 * and added onto the start, where they would sound when the loop plays again. So the loop
 * plays as one continuous performance, with no click or gap at the seam.
 *
 * Stereo: kick, snare and bass in the centre, hats right, chords spread left and right (two
 * voicings), so L and R differ. Peak normalized (both channels together) to −3 dBFS; see
 * material.ts for why.
 *
 * Tone.js is imported when the track is first rendered, not with this module, and only the
 * parts the track uses, straight from their modules: Tone's index module makes a live
 * AudioContext (and a timing Worker) the moment it is imported, and the app renders this
 * track while the page is idle, before any click, when a live context may not be made
 * (browsers warn) and nothing should tick. The instruments are built on an OfflineContext,
 * set as Tone's global context first, so nothing in Tone reaches for a live one.
 */
import { checkLoopSampleRate, loopMaterial, loopSeconds, RING_OUT_SECONDS, type LoopTiming } from './loop.ts';
import type { SourceMaterial } from './material.ts';

export const DEMO_TRACK: LoopTiming = { bpm: 100, bars: 4, beatsPerBar: 4, peakDbfs: -3 };

/** 4 bars · 4 beats · 60/100 s = 9.6 s. */
export const DEMO_TRACK_SECONDS = loopSeconds(DEMO_TRACK);

const CHORDS: readonly { low: string[]; high: string[]; bass: string }[] = [
  { low: ['A3', 'C4', 'E4'], high: ['E4', 'A4', 'C5'], bass: 'A1' },
  { low: ['F3', 'A3', 'C4'], high: ['C4', 'F4', 'A4'], bass: 'F1' },
  { low: ['G3', 'C4', 'E4'], high: ['E4', 'G4', 'C5'], bass: 'C2' },
  { low: ['G3', 'B3', 'D4'], high: ['D4', 'G4', 'B4'], bass: 'G1' },
];

/** Bass rhythm per bar, in eighths: [start eighth, length in eighths, octave up?]. */
const BASS_PATTERN: readonly [number, number, boolean][] = [
  [0, 2, false],
  [3, 1, false],
  [4, 1, true],
  [5, 1, false],
  [6, 2, false],
];

function octaveUp(note: string): string {
  const match = /^([A-G]#?)(\d)$/.exec(note)!;
  return `${match[1]}${Number(match[2]) + 1}`;
}

/** The Tone.js classes the track uses, each from its own module (see the header for why not from 'tone'). */
async function toneParts() {
  // Tone prints a version banner when first imported unless this flag is set; keep the console for real messages.
  (globalThis as { TONE_SILENCE_LOGGING?: boolean }).TONE_SILENCE_LOGGING = true;
  const [context, global, membrane, noise, mono, poly, synth, filter, panner] = await Promise.all([
    import('tone/build/esm/core/context/OfflineContext.js'),
    import('tone/build/esm/core/context/GlobalContext.js'),
    import('tone/build/esm/instrument/MembraneSynth.js'),
    import('tone/build/esm/instrument/NoiseSynth.js'),
    import('tone/build/esm/instrument/MonoSynth.js'),
    import('tone/build/esm/instrument/PolySynth.js'),
    import('tone/build/esm/instrument/Synth.js'),
    import('tone/build/esm/component/filter/Filter.js'),
    import('tone/build/esm/component/channel/Panner.js'),
    // Their side effect: every new context gets its destination and listener.
    import('tone/build/esm/core/context/Destination.js'),
    import('tone/build/esm/core/context/Listener.js'),
  ]);
  return {
    OfflineContext: context.OfflineContext,
    setContext: global.setContext,
    dummyContext: global.dummyContext,
    MembraneSynth: membrane.MembraneSynth,
    NoiseSynth: noise.NoiseSynth,
    MonoSynth: mono.MonoSynth,
    PolySynth: poly.PolySynth,
    Synth: synth.Synth,
    Filter: filter.Filter,
    Panner: panner.Panner,
  };
}

/** Renders the demo track (stereo, exactly DEMO_TRACK_SECONDS long) at `sampleRate`. */
export async function renderDemoTrack(sampleRate: number): Promise<SourceMaterial> {
  checkLoopSampleRate(sampleRate);
  const Tone = await toneParts();
  const beat = 60 / DEMO_TRACK.bpm;
  const bar = beat * DEMO_TRACK.beatsPerBar;
  const eighth = beat / 2;

  const offline = new Tone.OfflineContext(2, DEMO_TRACK_SECONDS + RING_OUT_SECONDS, sampleRate);
  Tone.setContext(offline);
  const kick = new Tone.MembraneSynth({
    pitchDecay: 0.045,
    octaves: 6,
    envelope: { attack: 0.001, decay: 0.35, sustain: 0, release: 0.05 },
    volume: -2,
  }).toDestination();
  const snareBody = new Tone.MembraneSynth({
    pitchDecay: 0.02,
    octaves: 2,
    envelope: { attack: 0.001, decay: 0.12, sustain: 0, release: 0.05 },
    volume: -12,
  }).toDestination();
  const snareFilter = new Tone.Filter(1800, 'highpass').toDestination();
  const snare = new Tone.NoiseSynth({ noise: { type: 'white' }, envelope: { attack: 0.001, decay: 0.16, sustain: 0 }, volume: -10 }).connect(snareFilter);
  const hatPan = new Tone.Panner(0.35).toDestination();
  const hatFilter = new Tone.Filter(7500, 'highpass').connect(hatPan);
  const hat = new Tone.NoiseSynth({ noise: { type: 'white' }, envelope: { attack: 0.001, decay: 0.045, sustain: 0 }, volume: -18 }).connect(hatFilter);
  const bass = new Tone.MonoSynth({
    oscillator: { type: 'sawtooth' },
    filter: { Q: 2, type: 'lowpass', rolloff: -24 },
    filterEnvelope: { attack: 0.005, decay: 0.18, sustain: 0.25, release: 0.1, baseFrequency: 110, octaves: 2.6 },
    envelope: { attack: 0.005, decay: 0.2, sustain: 0.7, release: 0.08 },
    volume: -9,
  }).toDestination();
  const padLeft = new Tone.Panner(-0.45).toDestination();
  const padRight = new Tone.Panner(0.45).toDestination();
  const chordOptions = { oscillator: { type: 'triangle' as const }, envelope: { attack: 0.03, decay: 0.4, sustain: 0.45, release: 0.8 } };
  const chordsLow = new Tone.PolySynth(Tone.Synth, { ...chordOptions, volume: -17 }).connect(padLeft);
  const chordsHigh = new Tone.PolySynth(Tone.Synth, { ...chordOptions, volume: -21 }).connect(padRight);

  CHORDS.forEach((chord, b) => {
    const t0 = b * bar;
    // Drums: kick on 1 and 3 (and the "and" of 3 in bars 2 and 4), snare on 2 and 4, hats on every eighth.
    kick.triggerAttackRelease('C1', 0.3, t0, 1);
    kick.triggerAttackRelease('C1', 0.3, t0 + 2 * beat, 0.9);
    if (b % 2 === 1) kick.triggerAttackRelease('C1', 0.3, t0 + 2.5 * beat, 0.7);
    for (const s of [1, 3]) {
      snare.triggerAttackRelease(0.15, t0 + s * beat, 0.9);
      snareBody.triggerAttackRelease('G2', 0.1, t0 + s * beat, 0.8);
    }
    for (let e = 0; e < 8; e++) hat.triggerAttackRelease(0.04, t0 + e * eighth, e % 2 === 0 ? 0.9 : 0.55);
    // Bass: root, with an octave jump.
    for (const [start, length, up] of BASS_PATTERN) {
      bass.triggerAttackRelease(up ? octaveUp(chord.bass) : chord.bass, length * eighth * 0.9, t0 + start * eighth, 0.9);
    }
    // Chords: held for the bar, restruck on the "and" of 2 (a small push), two voicings L/R.
    chordsLow.triggerAttackRelease(chord.low, 1.4 * beat, t0, 0.7);
    chordsLow.triggerAttackRelease(chord.low, 2.3 * beat, t0 + 1.5 * beat, 0.6);
    chordsHigh.triggerAttackRelease(chord.high, 3.8 * beat, t0, 0.6);
  });
  const buffer = (await offline.render()).get();
  Tone.setContext(Tone.dummyContext);
  void offline.dispose();
  if (!buffer) throw new Error('Tone.js returned no audio for the demo track');
  return loopMaterial('Demo track', DEMO_TRACK, [buffer.getChannelData(0), buffer.getChannelData(1)], sampleRate);
}
