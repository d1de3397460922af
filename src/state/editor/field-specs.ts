/**
 * The setup editor's numeric fields as data, one descriptor each, drawn by one renderer
 * (src/ui/setup-editor/fields.ts). A field's setup path (its part's path, then `path` or
 * `key`) is where evaluate.ts files its messages and where ranges.ts reads its unit and
 * allowed range from the schema, so neither is written here.
 */
import type { Draft, GearDraft, ListenerDraft, NoiseKind, RatingDraft, SourceDraft, AmpFieldsDraft, SplitterDraft } from './draft.ts';
import { messageWithoutPath } from './field-errors.ts';
import { rangeOf, rangeText, statesRange } from './ranges.ts';

/** The keys of a draft that hold typed text. */
export type TextKey<D> = { [K in keyof D]-?: D[K] extends string ? K : never }[keyof D] & string;

export interface FieldSpec<K extends string = string> {
  /** Where the text lives in the part's draft. */
  key: K;
  /** The setup path after the part's, when it is not `key`. */
  path?: string;
  label: string;
  hint?: string;
  /** An empty value means "none". */
  optional?: boolean;
  /** The value may be negative (no decimal-only keypad on phones). */
  signed?: boolean;
  /** Shown after the label; by default the unit the path's name carries (ranges.ts). */
  unit?: string;
}

/** `source` + `outputImpedanceOhms` → `source.outputImpedanceOhms`; no part → the path alone. */
export const fieldPath = (part: string, spec: FieldSpec): string => [part, spec.path ?? spec.key].filter((p) => p !== '').join('.');

export const SOURCE_FIELDS: readonly FieldSpec<TextKey<SourceDraft>>[] = [
  { key: 'outputImpedanceOhms', label: 'Output impedance' },
  { key: 'maxOutputVrms', label: 'Voltage at full scale', hint: 'Open-circuit, for a 0 dBFS sine at volume 0 dB.' },
  { key: 'maxOutputCurrentMa', label: 'Peak current limit', optional: true },
  { key: 'couplingCapacitorUf', label: 'Coupling capacitor', optional: true },
];

/** What every custom amp states, also one from its spec sheet. */
export const AMP_FIELDS: readonly FieldSpec<TextKey<AmpFieldsDraft>>[] = [
  { key: 'gainDb', label: 'Gain', signed: true },
  { key: 'inputImpedanceOhms', label: 'Input impedance' },
  { key: 'couplingCapacitorUf', label: 'Coupling capacitor', optional: true },
];

/** The output stage of an amp with custom values (a spec-sheet amp's is fitted from its ratings). */
export const AMP_OUTPUT_FIELDS: readonly FieldSpec<TextKey<AmpFieldsDraft>>[] = [
  { key: 'outputImpedanceOhms', label: 'Output impedance' },
  { key: 'maxOutputVrms', label: 'Rail (max. output)' },
  { key: 'maxOutputCurrentMa', label: 'Peak current limit', optional: true },
];

export const CABLE_FIELDS: Readonly<Record<'passive' | 'distribution', FieldSpec<TextKey<SplitterDraft>>>> = {
  passive: { key: 'cableResistanceOhms', label: 'Cable resistance per branch' },
  distribution: { key: 'cableResistanceOhms', label: 'Cable resistance per jack', optional: true },
};

/** A custom headphone's figures; the sensitivity is in the unit chosen beside it. */
export const listenerFields = (sensitivityUnit: string): readonly FieldSpec<TextKey<ListenerDraft>>[] => [
  { key: 'nominalOhms', path: 'impedance.nominalOhms', label: 'Nominal impedance' },
  { key: 'sensitivity', path: 'sensitivity.value', label: 'Sensitivity', unit: sensitivityUnit },
];

/** The `n`th power rating of a spec sheet (from 1). */
export const ratingFields = (n: number): readonly FieldSpec<TextKey<RatingDraft>>[] => [
  { key: 'powerMw', label: `Rating ${n}: power` },
  { key: 'loadOhms', label: `Rating ${n}: load` },
];

export const LEVEL_FIELDS: readonly FieldSpec<TextKey<Draft>>[] = [
  { key: 'levelDbfs', path: 'signal.levelDbfs', label: 'Signal level', signed: true, hint: 'Peak level of the test sine; 0 dBFS is full scale.' },
  { key: 'volumeDb', path: 'source.volumeDb', label: 'Source volume', signed: true, hint: 'Digital volume before the DAC; 0 dB is full volume.' },
];

/** A stage's hiss, as the kind of figure chosen. */
export const NOISE_FIELDS: Readonly<Record<Exclude<NoiseKind, 'none'>, FieldSpec<TextKey<GearDraft>>>> = {
  uVrms: { key: 'noiseValue', path: 'noise.uVrms', label: 'Hiss', unit: 'µV rms', hint: 'With no signal, 20 Hz–20 kHz.' },
  dynamicRangeDb: { key: 'noiseValue', path: 'noise.dynamicRangeDb', label: 'Dynamic range', unit: 'dB', hint: 'Below its full output.' },
};

export const GROUND_FIELD: FieldSpec<TextKey<GearDraft>> = { key: 'groundResistanceOhms', label: 'Shared return', optional: true };

/**
 * A field's messages as shown under it (each without the path it starts with), and its
 * allowed range in words unless a message already states it.
 */
export function fieldMessages(messages: readonly string[], path: string, unit: string): { errors: string[]; allowed?: string } {
  const errors = messages.map((m) => messageWithoutPath(m, path));
  const range = rangeOf(path);
  if (errors.length === 0 || !range || messages.some((m) => statesRange(m, path))) return { errors };
  return { errors, allowed: rangeText(range, unit) };
}
