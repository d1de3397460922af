/**
 * The listening engine's public surface: the only module the app imports from src/audio/engine.
 *
 *   const engine = await ListeningEngine.create({ a, b, onMeters, onLoudness, onTransport, onWarning });
 *   button.onclick = async () => { await engine.start(); engine.play(); };   // a user gesture
 */
export { ListeningEngine, type ListeningEngineOptions } from './listening-engine.ts';
export { renderStretch } from './render-stretch.ts';
export { encodeWav } from './wav-export.ts';
export { AB_CROSSFADE_SECONDS } from './ab-switch.ts';
export { LISTENER_CROSSFADE_SECONDS } from './side-path.ts';
export { LIMITER_CEILING_DBFS } from './output-safety.ts';
export { microphoneErrorMessage } from './microphone.ts';
export type { ListenerMeters, LoudnessReport, Side, SourceMaterial } from './types.ts';
export { ListeningSession, type SourceChoice, type SourceKind } from './listening-session.ts';
export type { EnginePair } from './listening-choices.ts';
export { CALIBRATION_RANGE, LISTENING_LEVEL_RANGE, checkCalibration, checkListeningLevel, checkSineHz, checkSineLevel } from './typed-checks.ts';
export { SAFE_LISTENING_DB_SPL } from './listening-engine.ts';
