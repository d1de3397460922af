/**
 * What the setup editor's choice lists offer (catalog parts grouped by kind, an entry found
 * with the search, the custom modes) and what choosing one does to the draft: fills the
 * part's figures and keeps the splitter consistent with the amp. Pure; the sections in
 * src/ui/setup-editor/ render these and call them inside `update`.
 */
import { amps, headphones, sources, type CatalogAmp, type CatalogHeadphone, type CatalogSource } from '../../model/catalog/index.ts';
import type { SpecSheetInterpretation } from '../../model/spec-sheet.ts';
import { ampFields, CUSTOM, defaultCableOhms, distributionAmpId, entryFor, gearOf, LOADED, newListenerKey, NO_AMP, nominalGuess, shortText, sourceFields, SPEC_SHEET, type Draft, type ListenerDraft, type SplitterMode } from './draft.ts';

/** The group of a choice list that holds an entry found with the catalog search. */
export const FOUND = 'Found in the catalog';

export interface Choice {
  value: string;
  label: string;
  /** Options with the same group share an <optgroup>. */
  group?: string;
}

const KIND_LABEL: Readonly<Record<string, string>> = {
  phone: 'Phones',
  dongle: 'Dongles',
  laptop: 'Laptops',
  interface: 'Audio interfaces',
  dac: 'DACs',
  dap: 'Players',
  reference: 'Reference',
  desktop: 'Desktop amps',
  portable: 'Portable amps',
  distribution: 'Distribution amps',
  'in-ear': 'In-ear',
  'on-ear': 'On-ear',
  'over-ear': 'Over-ear',
};

interface Entry {
  id: string;
  kind: string;
  part: { name: string };
}

/** The built-in entries by kind, then the one found with the search (when it is not built in). */
function catalogChoices(builtIn: readonly Entry[], picked: Entry | undefined): Choice[] {
  return [
    ...builtIn.map((e) => ({ value: e.id, label: e.part.name, group: KIND_LABEL[e.kind] ?? e.kind })),
    ...(picked && !builtIn.some((e) => e.id === picked.id) ? [{ value: picked.id, label: picked.part.name, group: FOUND }] : []),
  ];
}

export const sourceChoices = (picked?: CatalogSource): Choice[] => [...catalogChoices(sources, picked), { value: CUSTOM, label: 'Custom values…' }];

export const ampChoices = (picked?: CatalogAmp): Choice[] => [
  { value: NO_AMP, label: 'No amp' },
  ...catalogChoices(amps, picked),
  { value: CUSTOM, label: 'Custom values…', group: 'Custom' },
  { value: SPEC_SHEET, label: 'Custom from its spec sheet (power ratings)…', group: 'Custom' },
];

export function headphoneChoices(listener: ListenerDraft): Choice[] {
  const loaded = `${listener.part?.name ?? listener.name} (${listener.curveImport?.ok ? 'imported curve' : 'from the loaded setup'})`;
  return [
    ...(listener.choice === LOADED ? [{ value: LOADED, label: loaded }] : []),
    ...catalogChoices(headphones, listener.picked),
    { value: CUSTOM, label: 'Custom values…', group: 'Custom' },
  ];
}

export function chooseSource(d: Draft, value: string): void {
  const entry = entryFor(sources, d.source.picked, value);
  d.source = entry ? { ...d.source, choice: value, ...sourceFields(entry.part) } : { ...d.source, choice: CUSTOM };
}

/** Choosing an amp: fills its figures, and keeps the splitter mode consistent with it. */
export function chooseAmp(d: Draft, value: string): void {
  const previous = d.amp.choice;
  d.amp.choice = value;
  const entry = entryFor(amps, d.amp.picked, value);
  if (entry) d.amp.fields = ampFields(entry.part);
  if ((value === SPEC_SHEET || value === CUSTOM) && previous === NO_AMP) d.amp.fields.name = value === SPEC_SHEET ? 'Amp from its spec sheet' : 'Custom amp';
  if (value === SPEC_SHEET && previous !== SPEC_SHEET && previous !== NO_AMP && previous !== CUSTOM) d.amp.fields.name = `${d.amp.fields.name} (from its spec sheet)`;
  const wantsIndependent = entry?.part.outputs === 'independent';
  if (wantsIndependent) {
    if (d.splitter.mode !== 'distribution') d.splitter = { ...d.splitter, mode: 'distribution', cableResistanceOhms: '' };
  } else if (d.splitter.mode === 'distribution' && (value === NO_AMP || entry)) {
    d.splitter.mode = d.listeners.length > 1 ? 'passive' : 'none';
    if (d.splitter.cableResistanceOhms.trim() === '') d.splitter.cableResistanceOhms = '0.064';
  }
}

export function chooseHeadphone(d: Draft, index: number, value: string): void {
  const listener = d.listeners[index]!;
  const entry = entryFor(headphones, listener.picked, value);
  if (entry) {
    d.listeners[index] = {
      ...listener,
      choice: value,
      name: entry.part.name,
      part: structuredClone(entry.part),
      sensitivity: String(entry.part.sensitivity.value),
      unit: entry.part.sensitivity.unit,
      nominalOhms: shortText(nominalGuess(entry.part)),
      gear: gearOf(entry.part),
      curveImport: undefined,
    };
  } else if (value === CUSTOM) {
    // Custom values start from the part in use (its shared return stays in `gear`).
    d.listeners[index] = { ...listener, choice: CUSTOM, part: null, curveImport: undefined };
  }
}

/** A new listener starts as a copy of the last one. */
export function addListener(d: Draft): void {
  d.listeners.push({ ...structuredClone(d.listeners[d.listeners.length - 1]!), key: newListenerKey() });
}

/** A spec-sheet amp becomes a custom one with the fitted output stage (the rail assumed when none was fitted). */
export function editFittedFigures(d: Draft, fit: SpecSheetInterpretation, assumedRailVrms: number | null): void {
  d.amp.choice = CUSTOM;
  d.amp.fields.outputImpedanceOhms = shortText(fit.outputImpedanceOhms);
  d.amp.fields.maxOutputVrms = shortText(fit.maxOutputVrms ?? assumedRailVrms);
  d.amp.fields.maxOutputCurrentMa = shortText(fit.maxOutputCurrentMa);
}

/** A part found with the search: kept as a choice when it is not a built-in one, then chosen. */
export function pickSource(d: Draft, entry: CatalogSource): void {
  if (!sources.some((s) => s.id === entry.id)) d.source.picked = entry;
  chooseSource(d, entry.id);
}

export function pickAmp(d: Draft, entry: CatalogAmp): void {
  if (!amps.some((a) => a.id === entry.id)) d.amp.picked = entry;
  chooseAmp(d, entry.id);
}

export function pickHeadphone(d: Draft, index: number, entry: CatalogHeadphone): void {
  if (!headphones.some((h) => h.id === entry.id)) d.listeners[index]!.picked = entry;
  chooseHeadphone(d, index, entry.id);
}

export const SPLITTER_MODES: readonly { mode: SplitterMode; label: string; hint: string }[] = [
  { mode: 'none', label: 'None', hint: 'Every listener is plugged into the same output.' },
  { mode: 'passive', label: 'Passive Y splitter', hint: 'One output shared by all listeners, through a cable per branch.' },
  { mode: 'distribution', label: 'Distribution amp', hint: 'The amp has one output stage per jack (independent outputs): nobody loads anybody else.' },
];

export function chooseSplitter(d: Draft, mode: SplitterMode): void {
  const wasDistribution = d.splitter.mode === 'distribution';
  d.splitter.mode = mode;
  if (mode === 'passive' && d.splitter.cableResistanceOhms.trim() === '') d.splitter.cableResistanceOhms = defaultCableOhms();
  if (mode === 'distribution' && !wasDistribution) d.splitter.cableResistanceOhms = '';
  if (mode === 'distribution' && d.amp.choice === NO_AMP) {
    // A distribution amp is an amp: start from the catalog's.
    const entry = amps.find((a) => a.id === distributionAmpId());
    if (entry) {
      d.amp.choice = entry.id;
      d.amp.fields = ampFields(entry.part);
    }
  }
}
