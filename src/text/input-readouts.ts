/**
 * The readouts of <headroom-input-panel>: rows of figures from the model's input report
 * (`buildInputReport`, src/model/input/report.ts) for A and B. Display only: every value is
 * the report's number, formatted; each cell also carries the number itself in `data-value`.
 */
import type { InputReport } from '../model/report-contract.ts';
import { formatDb, formatHz, formatOhms, formatSignedDb, NBSP, signed, trim, withUnit } from './format.ts';

type Part = 'instrument' | 'microphone' | 'latency';

export interface ReadoutCell {
  text: string;
  /** A second, smaller line (what kind of figure it is), or ''. */
  detail?: string;
  /** The report's number behind the text (null when the figure does not exist, e.g. no resonance). */
  value: number | null;
}

export interface ReadoutRow {
  /** The report field: `instrument.resonanceHz`, `latency.roundTripMs` … */
  key: string;
  label: string;
  hint?: string;
  /** The cell of a side; null when its report does not have this part. */
  cell: (report: InputReport) => ReadoutCell | null;
}

const none = (text: string): ReadoutCell => ({ text, value: null });
/** A figure the report may not have (null), said in words then. */
const orNone = (value: number | null, absent: string, text: (v: number) => string): ReadoutCell => (value === null ? none(absent) : { text: text(value), value });

/** Rows of one part of the report; `key` is `part.field`, and a side without that part shows "—". */
function rows<P extends Part>(part: P, list: readonly { field: string; label: string; hint?: string; cell: (x: NonNullable<InputReport[P]>) => ReadoutCell }[]): ReadoutRow[] {
  return list.map(({ field, cell, ...row }) => ({
    ...row,
    key: `${part}.${field}`,
    cell: (report: InputReport) => {
      const figures = report[part];
      return figures ? cell(figures as NonNullable<InputReport[P]>) : null;
    },
  }));
}

export const INSTRUMENT_ROWS = rows('instrument', [
  { field: 'loadOhms', label: 'Load on the pickup', hint: 'input ∥ guitar controls', cell: (i) => ({ text: formatOhms(i.loadOhms), value: i.loadOhms }) },
  { field: 'capacitancePf', label: 'Capacitance across it', hint: 'winding + cable', cell: (i) => ({ text: withUnit(i.capacitancePf, 'pF'), value: i.capacitancePf }) },
  { field: 'lowFrequencyDb', label: 'Low-frequency level', cell: (i) => ({ text: formatSignedDb(i.lowFrequencyDb, 2), value: i.lowFrequencyDb }) },
  { field: 'resonanceHz', label: 'Resonance', cell: (i) => orNone(i.resonanceHz, 'none (damped)', preciseHz) },
  { field: 'peakDb', label: 'Resonance peak', cell: (i) => orNone(i.peakDb, 'none', (db) => formatSignedDb(db, 2)) },
  { field: 'minus3DbHz', label: '−3 dB point', cell: (i) => orNone(i.minus3DbHz, 'above 1 MHz', preciseHz) },
]);

export const MICROPHONE_ROWS = rows('microphone', [
  { field: 'levelDbfsAt94DbSpl', label: 'Level at 94 dB SPL', cell: (m) => orNone(m.levelDbfsAt94DbSpl, 'no signal (no phantom power)', (db) => `${signed(db, 1)}${NBSP}dBFS`) },
  { field: 'phantomVoltageAtMicV', label: 'Phantom voltage at the mic', cell: (m) => orNone(m.phantomVoltageAtMicV, 'none', (v) => `${v.toFixed(1)}${NBSP}V`) },
  {
    field: 'noiseFloorDbfs',
    label: 'Noise floor',
    cell: (m) => ({
      text: `${signed(m.noiseFloorDbfs, 1)}${NBSP}dBFS`,
      detail: `${m.noiseMeasurement === 'A-weighted' ? 'A-weighted' : '20 Hz–20 kHz'}, ${m.dominantNoise} noise`,
      value: m.noiseFloorDbfs,
    }),
  },
  { field: 'dynamicRangeDb', label: 'Dynamic range', cell: (m) => ({ text: formatDb(m.dynamicRangeDb), value: m.dynamicRangeDb }) },
  { field: 'clipSplDb', label: 'Clips at', cell: (m) => orNone(m.clipSplDb, '— (no signal)', (db) => `${db.toFixed(1)}${NBSP}dB SPL`) },
]);

export const LATENCY_ROWS = rows('latency', [
  { field: 'roundTripMs', label: 'Round trip', cell: (l) => ({ text: `${l.roundTripMs.toFixed(2)}${NBSP}ms`, value: l.roundTripMs }) },
  { field: 'roundTripSamples', label: 'Round trip (samples)', cell: (l) => ({ text: trim(l.roundTripSamples), value: l.roundTripSamples }) },
  { field: 'monitoringMs', label: 'Monitoring delay', cell: (l) => ({ text: `${l.monitoringMs.toFixed(2)}${NBSP}ms`, detail: monitoringName(l.monitoring), value: l.monitoringMs }) },
  { field: 'firstCombNotchHz', label: 'First comb notch', cell: (l) => orNone(l.firstCombNotchHz, 'none (no delay)', preciseHz) },
]);

/** One cell: the row's figure of `report`, formatted; "—" when the side does not have that part. */
export function readout(report: InputReport | null, row: ReadoutRow): ReadoutCell {
  return (report && row.cell(report)) ?? none('—');
}

/** 4.46 kHz, 1.06 kHz, 76.5 Hz: three significant figures, enough to compare A and B. */
function preciseHz(hz: number): string {
  if (hz >= 1000) return `${Number((hz / 1000).toPrecision(3))}${NBSP}kHz`;
  if (hz >= 100) return formatHz(hz);
  return `${hz.toFixed(1)}${NBSP}Hz`;
}

export function monitoringName(monitoring: 'computer' | 'direct-digital' | 'direct-analog'): string {
  return monitoring === 'computer' ? 'through the computer' : monitoring === 'direct-digital' ? 'direct, digital mixer' : 'direct, analog';
}
