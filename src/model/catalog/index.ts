/** The catalog of real gear and the presets built from it. */
export type {
  Alternative,
  AmpKind,
  CatalogAmp,
  CatalogHeadphone,
  CatalogSource,
  CatalogSplitter,
  Citation,
  CitationKind,
  HeadphoneKind,
  SourceKind,
} from './citations.ts';
export { headphones, networkFitPoints, type FitPoint } from './headphones.ts';
export { sources } from './sources.ts';
export { amps } from './amps.ts';
export { splitters } from './splitters.ts';
export { defaultPresetId, findPreset, presets, type Preset } from './presets.ts';
export {
  cables,
  inputExamples,
  micChannels,
  microphoneInput,
  microphones,
  pickups,
  TYPICAL_LATENCY,
  type CatalogCable,
  type CatalogMicChannel,
  type CatalogMicrophone,
  type CatalogPickup,
  type MicChannel,
} from './input.ts';
