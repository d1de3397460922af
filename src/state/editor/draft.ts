/**
 * The editor's working copy of a setup: every number as the text the user typed (so an
 * invalid entry is never lost or clamped), plus which catalog entry or mode each part
 * comes from. Pure functions; `evaluate.ts` turns a draft back into a setup.
 */
import { amps, headphones, sources, splitters, type CatalogAmp, type CatalogHeadphone, type CatalogSource } from '../../model/catalog/index.ts';
import type { Amp, Headphone, Noise, Setup, Source } from '../../model/setup.ts';

export const CUSTOM = 'custom';
export const NO_AMP = 'none';
export const SPEC_SHEET = 'spec-sheet';
/** A listener whose headphone (network or curve impedance, not in the catalog) came with the setup. */
export const LOADED = 'loaded';

export const MIN_RATINGS = 2;
export const MAX_RATINGS = 12;

/** How a stage's hiss is stated: not at all, in µV rms, or as a dynamic range below its full output. */
export type NoiseKind = 'none' | 'uVrms' | 'dynamicRangeDb';

/**
 * A part's `headroom/setup@3` figures (GEAR_FIELDS: noise, ground-return resistance) as typed:
 * the source and the amp have both, the splitter and a headphone only the ground return. They
 * start from the loaded setup or the chosen catalog part, and the setup is written as @3 exactly
 * when one of them holds a value (withSetupFormat).
 */
export interface GearDraft {
  noiseKind: NoiseKind;
  noiseValue: string;
  noiseWeighting: Noise['weighting'];
  groundResistanceOhms: string;
  /** Whether the form shows the fields: open when the part came with a figure, then as the user leaves it. */
  open: boolean;
}

export function gearOf(part: { noise?: Noise | null; groundResistanceOhms?: number | null } | null | undefined): GearDraft {
  const noise = part?.noise;
  const noiseKind: NoiseKind = noise ? (noise.uVrms != null ? 'uVrms' : 'dynamicRangeDb') : 'none';
  return {
    noiseKind,
    noiseValue: noise ? text(noise.uVrms ?? noise.dynamicRangeDb) : '',
    noiseWeighting: noise?.weighting ?? 'A',
    groundResistanceOhms: text(part?.groundResistanceOhms),
    open: noise != null || part?.groundResistanceOhms != null,
  };
}

export interface SourceDraft {
  /** A catalog source id or CUSTOM. The fields always hold the values in use. */
  choice: string;
  /** An entry found with the catalog search (not among the built-in choices), kept as a choice. */
  picked?: CatalogSource;
  name: string;
  outputImpedanceOhms: string;
  maxOutputVrms: string;
  maxOutputCurrentMa: string;
  couplingCapacitorUf: string;
  gear: GearDraft;
}

export interface AmpFieldsDraft {
  name: string;
  inputImpedanceOhms: string;
  gainDb: string;
  outputImpedanceOhms: string;
  maxOutputVrms: string;
  maxOutputCurrentMa: string;
  couplingCapacitorUf: string;
  gear: GearDraft;
}

export interface RatingDraft {
  powerMw: string;
  loadOhms: string;
}

export interface AmpDraft {
  /** NO_AMP, a catalog amp id, CUSTOM or SPEC_SHEET. */
  choice: string;
  picked?: CatalogAmp;
  /** Used for catalog and custom amps; for a spec-sheet amp, name/input/gain/coupling only. */
  fields: AmpFieldsDraft;
  ratings: RatingDraft[];
}

export type SplitterMode = 'none' | 'passive' | 'distribution';

export interface SplitterDraft {
  mode: SplitterMode;
  /** Passive Y: required. Distribution amp: optional cable per jack ('' = none). */
  cableResistanceOhms: string;
  gear: GearDraft;
}

export interface ListenerDraft {
  /** Stable identity for rendering (not part of the setup). */
  key: number;
  /** A catalog headphone id, CUSTOM or LOADED. */
  choice: string;
  picked?: CatalogHeadphone;
  name: string;
  /** Catalog or loaded headphone: its sensitivity and impedance are used as they are. */
  part: Headphone | null;
  nominalOhms: string;
  sensitivity: string;
  unit: 'dB/V' | 'dB/mW';
  /** The headphone's @3 figure (its plug's and cable's shared return), for every choice. */
  gear: GearDraft;
  /** What the last curve import said (a parse error changes nothing else). */
  curveImport?: CurveImportNote;
}

/** The outcome of importing a curve file onto a listener, in words. */
export interface CurveImportNote {
  ok: boolean;
  text: string;
}

export interface Draft {
  /**
   * Top-level parts of the setup this editor does not edit (`format`, and e.g. the
   * `input` section of headroom/setup@2), carried through unchanged.
   */
  extra: Record<string, unknown>;
  levelDbfs: string;
  volumeDb: string;
  source: SourceDraft;
  amp: AmpDraft;
  splitter: SplitterDraft;
  listeners: ListenerDraft[];
}

export const text = (value: number | null | undefined): string => (value == null ? '' : String(value));

/** A value for a field, short: 8.83255… → "8.833". */
export const shortText = (value: number | null | undefined): string => (value == null ? '' : String(Number(value.toPrecision(4))));

/** The catalog entry a choice names: a built-in one, or the one found with the search. */
export function entryFor<Entry extends { id: string }>(builtIn: readonly Entry[], picked: Entry | undefined, choice: string): Entry | undefined {
  return builtIn.find((entry) => entry.id === choice) ?? (picked?.id === choice ? picked : undefined);
}

export const defaultCableOhms = (): string => text(splitters[0]?.part.cableResistanceOhms ?? 0.1);

export const distributionAmpId = (): string | undefined => amps.find((a) => a.kind === 'distribution')?.id;

let nextKey = 1;
export const newListenerKey = (): number => nextKey++;

/** Figures equal, ignoring name and volume and treating missing optional fields as null. */
function sameFigures(a: object, b: object, ignore: readonly string[]): boolean {
  const canonical = (value: object): string =>
    JSON.stringify(
      Object.fromEntries(
        Object.entries(value)
          .filter(([key, v]) => !ignore.includes(key) && v != null)
          .sort(([x], [y]) => x.localeCompare(y)),
      ),
    );
  return canonical(a) === canonical(b);
}

export function sourceFields(source: Source): Omit<SourceDraft, 'choice'> {
  return {
    name: source.name,
    outputImpedanceOhms: text(source.outputImpedanceOhms),
    maxOutputVrms: text(source.maxOutputVrms),
    maxOutputCurrentMa: text(source.maxOutputCurrentMa),
    couplingCapacitorUf: text(source.couplingCapacitorUf),
    gear: gearOf(source),
  };
}

export function ampFields(amp: Amp): AmpFieldsDraft {
  return {
    name: amp.name,
    inputImpedanceOhms: text(amp.inputImpedanceOhms),
    gainDb: text(amp.gainDb),
    outputImpedanceOhms: text(amp.outputImpedanceOhms),
    maxOutputVrms: text(amp.maxOutputVrms),
    maxOutputCurrentMa: text(amp.maxOutputCurrentMa),
    couplingCapacitorUf: text(amp.couplingCapacitorUf),
    gear: gearOf(amp),
  };
}

/** The nominal impedance to start a custom headphone from: nominal, else Re, else |Z| near 1 kHz. */
export function nominalGuess(headphone: Headphone): number | null {
  const impedance = headphone.impedance;
  if (impedance.nominalOhms != null) return impedance.nominalOhms;
  if (impedance.network) return impedance.network.reOhms;
  const curve = impedance.curve;
  if (curve && curve.length > 0) {
    const near = curve.reduce((best, p) => (Math.abs(Math.log(p[0] / 1000)) < Math.abs(Math.log(best[0] / 1000)) ? p : best));
    return near[1];
  }
  return null;
}

export function listenerFromHeadphone(headphone: Headphone): ListenerDraft {
  const match = headphones.find((h) => sameFigures(h.part, headphone, ['name']));
  const nominalOnly = headphone.impedance.network == null && headphone.impedance.curve == null;
  const choice = match ? match.id : nominalOnly ? CUSTOM : LOADED;
  return {
    key: newListenerKey(),
    choice,
    name: headphone.name,
    part: choice === CUSTOM ? null : structuredClone(headphone),
    nominalOhms: shortTextOrText(nominalGuess(headphone), choice === CUSTOM),
    sensitivity: text(headphone.sensitivity.value),
    unit: headphone.sensitivity.unit,
    gear: gearOf(headphone),
  };
}

function shortTextOrText(value: number | null, exact: boolean): string {
  return exact ? text(value) : shortText(value);
}

export function draftFromSetup(setup: Setup): Draft {
  const { signal: _signal, source: _source, amp: _amp, splitter: _splitter, headphones: _headphones, ...extra } = setup;
  const sourceMatch = sources.find((s) => sameFigures(s.part, setup.source, ['volumeDb']));
  const amp = setup.amp;
  const ampMatch = amp ? amps.find((a) => sameFigures(a.part, amp, ['outputs'])) : undefined;
  const independent = amp?.outputs === 'independent';
  return {
    extra: structuredClone(extra) as Record<string, unknown>,
    levelDbfs: text(setup.signal.levelDbfs),
    volumeDb: text(setup.source.volumeDb),
    source: { choice: sourceMatch ? sourceMatch.id : CUSTOM, ...sourceFields(setup.source) },
    amp: {
      choice: amp ? (ampMatch ? ampMatch.id : CUSTOM) : NO_AMP,
      fields: amp ? ampFields(amp) : ampFields(amps[0]!.part),
      ratings: [
        { powerMw: '', loadOhms: '32' },
        { powerMw: '', loadOhms: '300' },
      ],
    },
    splitter: {
      mode: independent ? 'distribution' : setup.splitter ? 'passive' : 'none',
      cableResistanceOhms: setup.splitter ? text(setup.splitter.cableResistanceOhms) : independent ? '' : defaultCableOhms(),
      gear: gearOf(setup.splitter),
    },
    listeners: setup.headphones.map(listenerFromHeadphone),
  };
}
