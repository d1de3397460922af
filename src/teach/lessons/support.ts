/**
 * Helpers the lessons share: catalog parts by id (copies), small explicit setups, the
 * model's numbers for a listener, choosing the choice the model backs, and number formatting.
 * Pure: the model and the catalog only.
 */
import { amps } from '../../model/catalog/amps.ts';
import { headphones } from '../../model/catalog/headphones.ts';
import { sources } from '../../model/catalog/sources.ts';
import { splitters } from '../../model/catalog/splitters.ts';
import { buildReport } from '../../model/report.ts';
import type { ListenerReport, Report } from '../../model/report-contract.ts';
import { SETUP_FORMAT, type Amp, type Headphone, type Setup, type Source, type Splitter } from '../../model/setup.ts';
import type { LessonChoice, LessonFigure, LessonSide } from './types.ts';

function part<P>(list: readonly { readonly id: string; readonly part: P }[], id: string, what: string): P {
  const entry = list.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`catalog has no ${what} "${id}"`);
  return structuredClone(entry.part);
}

export const catalogHeadphone = (id: string): Headphone => part(headphones, id, 'headphone');
export const catalogSource = (id: string, volumeDb = 0): Source => ({ ...part(sources, id, 'source'), volumeDb });
export const catalogAmp = (id: string): Amp => part(amps, id, 'amp');
export const catalogSplitter = (id: string): Splitter => part(splitters, id, 'splitter');

/** A resistive headphone with its sensitivity in dB/V or dB/mW. */
export function resistiveHeadphone(name: string, ohms: number, sensitivity: number, unit: 'dB/V' | 'dB/mW' = 'dB/V'): Headphone {
  return { name, sensitivity: { value: sensitivity, unit }, impedance: { nominalOhms: ohms } };
}

/** An ideal-EMF source with an output impedance (volume 0 dB). */
export function plainSource(name: string, outputImpedanceOhms: number, maxOutputVrms = 1, maxOutputCurrentMa?: number): Source {
  const source: Source = { name, outputImpedanceOhms, maxOutputVrms, volumeDb: 0 };
  if (maxOutputCurrentMa !== undefined) source.maxOutputCurrentMa = maxOutputCurrentMa;
  return source;
}

export function chain(levelDbfs: number, source: Source, listeners: Headphone[], parts: { amp?: Amp; splitter?: Splitter } = {}): Setup {
  return {
    format: SETUP_FORMAT,
    signal: { levelDbfs },
    source,
    amp: parts.amp ?? null,
    splitter: parts.splitter ?? null,
    headphones: listeners,
  };
}

/** Copies of `count` identical listeners. */
export function times(headphone: Headphone, count: number): Headphone[] {
  return Array.from({ length: count }, () => structuredClone(headphone));
}

export function listenerOf(setup: Setup, listener = 0): ListenerReport {
  return report(setup).headphones[listener]!;
}

// buildReport sweeps 301 frequencies; lessons ask for the same setup several times.
const reports = new WeakMap<Setup, Report>();
export function report(setup: Setup): Report {
  let cached = reports.get(setup);
  if (!cached) {
    cached = buildReport(setup);
    reports.set(setup, cached);
  }
  return cached;
}

/** The choice whose representative value is nearest to the model's value. */
export function nearest(choices: readonly (LessonChoice & { readonly value: number })[], modelValue: number): string {
  let best = choices[0]!;
  for (const choice of choices) if (Math.abs(choice.value - modelValue) < Math.abs(best.value - modelValue)) best = choice;
  return best.id;
}

/** Choices without their representative values (what the UI shows). */
export function plain(choices: readonly (LessonChoice & { readonly value?: number })[]): LessonChoice[] {
  return choices.map(({ id, text }) => ({ id, text }));
}

/** The single choice a predicate accepts; throws when none or several do (a badly posed question). */
export function onlyChoice<T extends LessonChoice>(choices: readonly T[], accepts: (choice: T) => boolean): string {
  const accepted = choices.filter(accepts);
  if (accepted.length !== 1) throw new Error(`expected exactly one right answer, the model accepts ${accepted.length}: ${accepted.map((c) => c.id).join(', ')}`);
  return accepted[0]!.id;
}

// ── Numbers as the lessons write them ───────────────────────────────────────────

const MINUS = '\u2212';
const NBSP = '\u202f';

export function fixed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return (Number(text) === 0 ? text.replace('-', '') : text).replace('-', MINUS);
}

export function signedFixed(value: number, digits: number): string {
  const text = fixed(value, digits);
  return Number(value.toFixed(digits)) > 0 ? `+${text}` : text;
}

export const volts = (v: number): string => (v >= 0.1 ? `${fixed(v, v >= 10 ? 1 : 3)}${NBSP}V` : `${fixed(v * 1000, 1)}${NBSP}mV`);
export const milliwatts = (mw: number): string => `${fixed(mw, mw >= 100 ? 0 : mw >= 1 ? 2 : 3)}${NBSP}mW`;
export const milliamps = (ma: number): string => `${fixed(ma, 1)}${NBSP}mA`;
export const decibels = (db: number, digits = 1): string => `${fixed(db, digits)}${NBSP}dB`;
export const signedDb = (db: number, digits = 2): string => `${signedFixed(db, digits)}${NBSP}dB`;
export const dbfs = (db: number): string => `${fixed(db, 1)}${NBSP}dBFS`;
export const ohms = (o: number): string => `${Number(o.toPrecision(4))}${NBSP}Ω`;
export function hertz(hz: number): string {
  if (hz < 1000) return `${fixed(hz, 0)}${NBSP}Hz`;
  const khz = hz / 1000;
  return `${Number.isInteger(Number(khz.toFixed(2))) ? fixed(khz, 0) : fixed(khz, khz >= 10 ? 1 : 2)}${NBSP}kHz`;
}
export const percent = (fraction: number, digits = 1): string => `${fixed(fraction * 100, digits)}${NBSP}%`;

type FigureFormat = (value: number) => string;

const UNIT_FORMATS: Record<string, FigureFormat> = {
  V: volts,
  mW: milliwatts,
  mA: milliamps,
  'dB SPL': (v) => `${decibels(v)} SPL`,
  dB: (v) => signedDb(v),
  dBFS: dbfs,
  Ω: ohms,
  Hz: hertz,
  '%': (v) => percent(v / 100),
  ms: (v) => `${fixed(v, 2)}${NBSP}ms`,
  '×': (v) => `${fixed(v, v >= 10 ? 0 : 2)}`,
  '': (v) => fixed(v, 2),
};

/** A figure with its text; `format` overrides the unit's default writing. */
export function figure(label: string, value: number, unit: string, where: { side?: LessonSide; listener?: number; format?: FigureFormat } = {}): LessonFigure {
  const format = where.format ?? UNIT_FORMATS[unit] ?? ((v: number) => `${fixed(v, 2)}${NBSP}${unit}`);
  const result: { -readonly [K in keyof LessonFigure]: LessonFigure[K] } = { label, value, unit, text: format(value) };
  if (where.side) result.side = where.side;
  if (where.listener !== undefined) result.listener = where.listener;
  return result;
}
