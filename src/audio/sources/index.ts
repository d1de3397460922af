/**
 * Built-in sound material. Each function returns plain samples (`SourceMaterial`); default
 * levels and the dBFS convention are documented in material.ts. The demo track needs a
 * browser (Tone.js renders it in an OfflineAudioContext); the rest is pure and runs anywhere.
 */
export * from './material.ts';
export { pinkNoise } from './pink-noise.ts';
export { speechBandNoise } from './speech-band-noise.ts';
export { sine } from './sine.ts';
export { logSweep, logSweepFrequency } from './log-sweep.ts';
export { renderDemoTrack, DEMO_TRACK, DEMO_TRACK_SECONDS } from './demo-track.ts';
export { renderPluckedString, PLUCKED_STRING, PLUCKED_STRING_SECONDS } from './plucked-string.ts';
