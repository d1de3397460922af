/** The catalog of real gear and the presets built from it. */
export type { CatalogAmp, CatalogHeadphone, CatalogSource, Citation } from './citations.ts';
export { headphones, networkFitPoints } from './headphones.ts';
export { sources } from './sources.ts';
export { amps } from './amps.ts';
export { splitters } from './splitters.ts';
export { defaultPresetId, findPreset, presets } from './presets.ts';
export { cables, inputExamples, micChannels, microphones, pickups } from './input.ts';
