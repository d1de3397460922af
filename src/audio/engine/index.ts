/**
 * The listening engine's public surface: the only module the app imports from src/audio/engine.
 *
 *   const engine = await ListeningEngine.create({ a, b, onMeters, onLoudness, onTransport, onWarning });
 *   button.onclick = async () => { await engine.start(); engine.play(); };   // a user gesture
 */
export { ListeningEngine, SAFE_LISTENING_DB_SPL, DEFAULT_CALIBRATION_DB_SPL, type ListeningEngineOptions } from './listening-engine.ts';
export { renderStretch, type RenderStretchOptions, type RenderedListener } from './render-stretch.ts';
export { encodeWav } from './wav-export.ts';
export { AB_CROSSFADE_SECONDS } from './ab-switch.ts';
export { LISTENER_CROSSFADE_SECONDS } from './side-path.ts';
export { LIMITER_CEILING_DBFS, LEVEL_RAMP_SECONDS } from './output-safety.ts';
export { CALIBRATION_DB_SPL_RANGE, DEFAULT_LISTENING_LEVEL_DB, LISTENING_LEVEL_DB_RANGE } from './ranges.ts';
export { CLIP_HOLD_SECONDS } from './meter-reading.ts';
export { FEEDBACK_WARNING, microphoneErrorMessage } from './microphone.ts';
export type { EngineWarning, ListenerMeters, LoudnessReport, Side, SourceMaterial, TransportState } from './types.ts';
export type { EngineContext } from './context-types.ts';
