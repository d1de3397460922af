/**
 * The form of <headroom-input-panel> as data: each number field (the contract path its message
 * names, its label and unit, the draft text it edits), the choices of each select in words,
 * and what each instrument response curve is called. The panel renders these; nothing here
 * knows about the page.
 */
import { microphones, pickups } from '../model/catalog/input.ts';
import { INPUT_TYPE_OHMS, type InputType } from '../model/input/contract.ts';
import { CUSTOM, type InputDraft, type Monitoring } from '../state/editor/input-draft.ts';
import type { FieldSpec, TextKey } from '../state/editor/field-specs.ts';
import { formatOhms, withUnit } from './format.ts';
import type { InputReport, InstrumentInputReport } from '../model/report-contract.ts';
import { INSTRUMENT_ROWS, LATENCY_ROWS, MICROPHONE_ROWS, monitoringName, type ReadoutRow } from './input-readouts.ts';

/** The setup editor's field descriptor with its whole contract path. */
export interface InputField extends FieldSpec<TextKey<InputDraft>> {
  path: string;
  /** Typing here makes the pickup "custom". */
  custom?: boolean;
}

export interface Option<T> {
  value: T;
  label: string;
}

const PICKUP = 'input.instrument.pickup';
/** The guitar's pickup, pots and cable, after the pickup select. */
export const INSTRUMENT_FIELDS: readonly InputField[] = [
  { path: `${PICKUP}.inductanceH`, label: 'Inductance', unit: 'H', key: 'inductanceH', custom: true },
  { path: `${PICKUP}.resistanceOhms`, label: 'DC resistance', unit: 'Ω', key: 'resistanceOhms', custom: true },
  { path: `${PICKUP}.capacitancePf`, label: 'Winding capacitance', unit: 'pF', key: 'capacitancePf', custom: true },
  { path: 'input.instrument.controlsLoadOhms', label: 'Volume + tone pots', unit: 'Ω', key: 'controlsLoadOhms', optional: true },
  { path: 'input.instrument.cable.capacitancePfPerM', label: 'Cable', unit: 'pF/m', key: 'cablePfPerM' },
  { path: 'input.instrument.cable.lengthM', label: 'Cable length', unit: 'm', key: 'cableLengthM' },
];

/** Shown when the input type is "custom". */
export const CUSTOM_INPUT_FIELD: InputField = { path: 'input.instrument.inputImpedanceOhms', label: 'Input impedance', unit: 'Ω', key: 'customInputOhms' };

export const PREAMP_FIELDS: readonly InputField[] = [
  { path: 'input.microphone.preamp.gainDb', label: 'Preamp gain', unit: 'dB', key: 'gainDb' },
  { path: 'input.microphone.preamp.einDbu', label: 'EIN', unit: 'dBu', key: 'einDbu', signed: true },
  { path: 'input.microphone.converter.maxInputDbu', label: 'Level at 0 dBFS', unit: 'dBu', key: 'maxInputDbu', signed: true },
];

export const LATENCY_FIELDS: readonly InputField[] = [
  { path: 'input.sampleRateHz', label: 'Sample rate', unit: 'Hz', key: 'sampleRateHz' },
  { path: 'input.latency.bufferSamples', label: 'Buffer size', unit: 'samples', key: 'bufferSamples' },
  { path: 'input.latency.inputBuffers', label: 'Input buffers', key: 'inputBuffers' },
  { path: 'input.latency.outputBuffers', label: 'Output buffers', key: 'outputBuffers' },
  { path: 'input.latency.converterLatency.value', label: 'Converters', unit: 'ms', key: 'converterLatencyMs' },
];

/** 1 MΩ, 10 kΩ, 2 kΩ: input impedances read best in the largest whole unit. */
export function inputOhms(ohms: number): string {
  return ohms >= 1e6 ? withUnit(ohms / 1e6, 'MΩ') : formatOhms(ohms);
}

export const INPUT_TYPE_OPTIONS: readonly Option<InputType>[] = [
  { value: 'hi-z', label: `Hi-Z instrument input (${inputOhms(INPUT_TYPE_OHMS['hi-z'])})` },
  { value: 'line', label: `Line input (${inputOhms(INPUT_TYPE_OHMS.line)})` },
  { value: 'mic', label: `Microphone input (${inputOhms(INPUT_TYPE_OHMS.mic)})` },
  { value: 'custom', label: 'Custom input impedance' },
];

export const SOUND_OPTIONS: readonly Option<'plucked' | 'demo' | 'microphone'>[] = [
  { value: 'plucked', label: 'Plucked string' },
  { value: 'demo', label: 'Demo track' },
  { value: 'microphone', label: 'Microphone (live)' },
];

export const PICKUP_OPTIONS: readonly Option<string>[] = [...pickups.map((p) => ({ value: p.id, label: p.part.name })), { value: CUSTOM, label: 'Custom (type L, R, C)' }];

export const MICROPHONE_OPTIONS: readonly Option<string>[] = microphones.map((m) => ({ value: m.id, label: `${m.part.name} (${m.kind})` }));

export const BIT_DEPTH_OPTIONS: readonly Option<16 | 24>[] = [
  { value: 24, label: '24 bits' },
  { value: 16, label: '16 bits' },
];

export const MONITORING_OPTIONS: readonly Option<Monitoring>[] = (['computer', 'direct-digital', 'direct-analog'] as const).map((m) => ({
  value: m,
  label: monitoringName(m).replace(/^./, (c) => c.toUpperCase()),
}));

/** "A · Stratocaster single coil → hi-Z (1 MΩ)": the side, the pickup and what it is plugged into. */
export function responseCurveLabel(side: 'A' | 'B', instrument: InstrumentInputReport, type: InputType): string {
  const ohms = inputOhms(instrument.inputImpedanceOhms);
  const into = type === 'custom' ? ohms : `${type === 'hi-z' ? 'hi-Z' : type} (${ohms})`;
  return `${side} · ${instrument.pickup} → ${into}`;
}

/** The readout table's groups for A's and B's reports: instrument and microphone rows only while a side has that input; latency always. */
export function readoutGroups(a: InputReport | null, b: InputReport | null): { title: string; rows: readonly ReadoutRow[] }[] {
  return [
    ...(a?.instrument || b?.instrument ? [{ title: 'Instrument input', rows: INSTRUMENT_ROWS }] : []),
    ...(a?.microphone || b?.microphone ? [{ title: 'Microphone input', rows: MICROPHONE_ROWS }] : []),
    { title: 'Latency', rows: LATENCY_ROWS },
  ];
}
