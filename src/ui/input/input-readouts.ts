/**
 * The readouts of <headroom-input-panel>: rows of figures from the model's input report
 * (`buildInputReport`, src/model/input/report.ts) for A and B. Display only: every value is
 * the report's number, formatted; each cell also carries the number itself in `data-value`.
 */
import type { InputReport } from '../../model/report-contract.ts';
import { formatDb, formatHz, formatOhms, formatSignedDb, signed, trim } from '../format.ts';

const NBSP = '\u202f';

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
}

export const INSTRUMENT_ROWS: readonly ReadoutRow[] = [
  { key: 'instrument.loadOhms', label: 'Load on the pickup', hint: 'input ∥ guitar controls' },
  { key: 'instrument.capacitancePf', label: 'Capacitance across it', hint: 'winding + cable' },
  { key: 'instrument.lowFrequencyDb', label: 'Low-frequency level' },
  { key: 'instrument.resonanceHz', label: 'Resonance' },
  { key: 'instrument.peakDb', label: 'Resonance peak' },
  { key: 'instrument.minus3DbHz', label: '−3 dB point' },
];

export const MICROPHONE_ROWS: readonly ReadoutRow[] = [
  { key: 'microphone.levelDbfsAt94DbSpl', label: 'Level at 94 dB SPL' },
  { key: 'microphone.phantomVoltageAtMicV', label: 'Phantom voltage at the mic' },
  { key: 'microphone.noiseFloorDbfs', label: 'Noise floor' },
  { key: 'microphone.dynamicRangeDb', label: 'Dynamic range' },
  { key: 'microphone.clipSplDb', label: 'Clips at' },
];

export const LATENCY_ROWS: readonly ReadoutRow[] = [
  { key: 'latency.roundTripMs', label: 'Round trip' },
  { key: 'latency.roundTripSamples', label: 'Round trip (samples)' },
  { key: 'latency.monitoringMs', label: 'Monitoring delay' },
  { key: 'latency.firstCombNotchHz', label: 'First comb notch' },
];

const none = (text: string): ReadoutCell => ({ text, value: null });

/** One cell: the figure `key` of `report`, formatted; "—" when the side does not have that part. */
export function readout(report: InputReport | null, key: string): ReadoutCell {
  if (!report) return none('—');
  const i = report.instrument;
  const m = report.microphone;
  const l = report.latency;
  switch (key) {
    case 'instrument.loadOhms':
      return i ? { text: formatOhms(i.loadOhms), value: i.loadOhms } : none('—');
    case 'instrument.capacitancePf':
      return i ? { text: `${trim(i.capacitancePf)}${NBSP}pF`, value: i.capacitancePf } : none('—');
    case 'instrument.lowFrequencyDb':
      return i ? { text: formatSignedDb(i.lowFrequencyDb, 2), value: i.lowFrequencyDb } : none('—');
    case 'instrument.resonanceHz':
      return i ? (i.resonanceHz === null ? none('none (damped)') : { text: preciseHz(i.resonanceHz), value: i.resonanceHz }) : none('—');
    case 'instrument.peakDb':
      return i ? (i.peakDb === null ? none('none') : { text: formatSignedDb(i.peakDb, 2), value: i.peakDb }) : none('—');
    case 'instrument.minus3DbHz':
      return i ? (i.minus3DbHz === null ? none('above 1 MHz') : { text: preciseHz(i.minus3DbHz), value: i.minus3DbHz }) : none('—');
    case 'microphone.levelDbfsAt94DbSpl':
      return m ? (m.levelDbfsAt94DbSpl === null ? none('no signal (no phantom power)') : { text: `${signed(m.levelDbfsAt94DbSpl, 1)}${NBSP}dBFS`, value: m.levelDbfsAt94DbSpl }) : none('—');
    case 'microphone.phantomVoltageAtMicV':
      return m ? (m.phantomVoltageAtMicV === null ? none('none') : { text: `${m.phantomVoltageAtMicV.toFixed(1)}${NBSP}V`, value: m.phantomVoltageAtMicV }) : none('—');
    case 'microphone.noiseFloorDbfs':
      return m ? { text: `${signed(m.noiseFloorDbfs, 1)}${NBSP}dBFS`, detail: `${m.noiseMeasurement === 'A-weighted' ? 'A-weighted' : '20 Hz–20 kHz'}, ${m.dominantNoise} noise`, value: m.noiseFloorDbfs } : none('—');
    case 'microphone.dynamicRangeDb':
      return m ? { text: formatDb(m.dynamicRangeDb), value: m.dynamicRangeDb } : none('—');
    case 'microphone.clipSplDb':
      return m ? (m.clipSplDb === null ? none('— (no signal)') : { text: `${m.clipSplDb.toFixed(1)}${NBSP}dB SPL`, value: m.clipSplDb }) : none('—');
    case 'latency.roundTripMs':
      return l ? { text: `${l.roundTripMs.toFixed(2)}${NBSP}ms`, value: l.roundTripMs } : none('—');
    case 'latency.roundTripSamples':
      return l ? { text: `${trim(l.roundTripSamples)}`, value: l.roundTripSamples } : none('—');
    case 'latency.monitoringMs':
      return l ? { text: `${l.monitoringMs.toFixed(2)}${NBSP}ms`, detail: monitoringName(l.monitoring), value: l.monitoringMs } : none('—');
    case 'latency.firstCombNotchHz':
      return l ? (l.firstCombNotchHz === null ? none('none (no delay)') : { text: preciseHz(l.firstCombNotchHz), value: l.firstCombNotchHz }) : none('—');
    default:
      return none('—');
  }
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
