/**
 * What the claims share: catalog parts by id, the variants of a setup a claim compares
 * (alone, without or with an amp, at full volume, the same headphone in another impedance
 * version), the figures they compare (level, loudest clean SPL, response spread) and the
 * thresholds they judge with. Every figure comes from the model (solveChain, chainLimits,
 * buildReport); nothing here is a second copy of a formula.
 */
import { amps, headphones as catalogHeadphones, sources, splitters } from '../../model/catalog/index.ts';
import { findPreset } from '../../model/catalog/presets.ts';
import { abs } from '../../model/complex.ts';
import { impedanceMagnitudeAt1kHz, sensitivityDbPerVolt, splDbAt } from '../../model/acoustics.ts';
import { chainLimits, maxCleanSignalDbfs } from '../../model/clipping.ts';
import { buildReport } from '../../model/report.ts';
import { SETUP_FORMAT, type Amp, type Headphone, type Setup, type Source, type Splitter } from '../../model/setup.ts';
import { solveChain } from '../../model/solver.ts';
import { REFERENCE_HZ, powerRatioToDb, voltageRatioToDb } from '../../model/units.ts';
import type { SetupPair } from '../../state/setup-pair.ts';

/** A full-scale sine (music's peaks) at this SPL is "loud enough". */
export const TARGET_SPL_DB = 100;
/** A change of the response's spread (max − min over 20 Hz–20 kHz) this large counts as audible. */
export const AUDIBLE_SPREAD_DB = 0.5;
/** A level change this large counts as noticeable (about one just-noticeable difference). */
export const NOTICEABLE_LEVEL_DB = 1;
/** Half the power: 10·log10(1/2) = −3.0103 dB. */
export const HALF_POWER_DB = powerRatioToDb(0.5);
/** "The same headphone in another impedance version" (like a 32 Ω and a 250 Ω model of one family): ×8 or ÷8. */
export const VERSION_RATIO = 8;
/** Headphones of at least this |Z(1 kHz)| count as "high impedance" in the claims' wording. */
export const HIGH_IMPEDANCE_OHMS = 100;
export const DEFAULT_THRESHOLD_OHMS = 100;
/** Output impedance searched up to the contract's limit. */
export const MAX_OUTPUT_OHMS = 100_000;

function part<T extends { readonly id: string; readonly part: P }, P>(list: readonly T[], id: string): P {
  const entry = list.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`catalog has no part "${id}"`);
  return structuredClone(entry.part);
}

export const catalogHeadphone = (id: string): Headphone => part(catalogHeadphones, id);
export const catalogSource = (id: string, volumeDb = 0): Source => ({ ...part(sources, id), volumeDb });
export const catalogAmp = (id: string): Amp => part(amps, id);
export const catalogSplitter = (id: string): Splitter => part(splitters, id);
export const catalogHeadphoneParts = (): Headphone[] => catalogHeadphones.map((entry) => structuredClone(entry.part));

/** The amp a claim adds when the setup has none: a Schiit Magni 2 (0.2 Ω, 8.83 V, 474 mA). */
export const referenceAmp = (): Amp => catalogAmp('schiit-magni-2');
/** The splitter a claim adds when the setup has none: a passive 3.5 mm Y (0.064 Ω per branch). */
export const referenceSplitter = (): Splitter => catalogSplitter('passive-y-splitter-3-5mm');

export function chain(levelDbfs: number, source: Source, parts: { amp?: Amp; splitter?: Splitter }, listeners: Headphone[]): Setup {
  return { format: SETUP_FORMAT, signal: { levelDbfs }, source, amp: parts.amp ?? null, splitter: parts.splitter ?? null, headphones: listeners };
}

export function presetSetup(id: string): Setup {
  const preset = findPreset(id);
  if (!preset) throw new Error(`no preset "${id}"`);
  return structuredClone(preset.setup);
}

export const pairOf = (a: Setup, b: Setup): SetupPair => ({ a: structuredClone(a), b: structuredClone(b) });

/** The chain's output side only: no input section, whatever the setup carried. */
function outputChain(setup: Setup): Setup {
  const { input: _input, ...rest } = setup;
  return { ...rest, format: SETUP_FORMAT };
}

/** Headphone `index` as the only listener on the same chain, plugged in directly. */
export function alone(setup: Setup, index = 0): Setup {
  return { ...outputChain(setup), splitter: null, headphones: [setup.headphones[index]!] };
}

export function withListeners(setup: Setup, listeners: Headphone[], splitter: Splitter | null): Setup {
  return { ...outputChain(setup), splitter, headphones: listeners };
}

export function withAmp(setup: Setup, amp: Amp | null): Setup {
  return { ...outputChain(setup), amp };
}

export function atFullVolume(setup: Setup): Setup {
  return { ...setup, source: { ...setup.source, volumeDb: 0 } };
}

/** The stage that drives the headphones: the amp if there is one, else the source. */
export function drivingStageName(setup: Setup): string {
  return setup.amp ? setup.amp.name : setup.source.name;
}

export function drivingOutputOhms(setup: Setup): number {
  return setup.amp ? setup.amp.outputImpedanceOhms : setup.source.outputImpedanceOhms;
}

export function withDrivingOutputOhms(setup: Setup, ohms: number): Setup {
  if (setup.amp) return { ...setup, amp: { ...setup.amp, outputImpedanceOhms: ohms } };
  return { ...setup, source: { ...setup.source, outputImpedanceOhms: ohms } };
}

/** Vrms at headphone `index`, 1 kHz. */
export function loadVrms(setup: Setup, index = 0): number {
  return abs(solveChain(setup, REFERENCE_HZ).headphones[index]!.loadVoltage);
}

/** Level of listener `index` versus the same headphone alone on the same chain (the report's levelChangeDb). */
export function levelChangeDb(setup: Setup, index = 0): number {
  return voltageRatioToDb(loadVrms(setup, index) / loadVrms(alone(setup, index), 0));
}

/** SPL of the loudest clean full-scale-or-less sine at full volume (the report's maxCleanSplDb at volume 0 dB). */
export function loudestCleanSplDb(setup: Setup, index = 0): number {
  const full = atFullVolume(setup);
  const spl = splDbAt(full.headphones[index]!, loadVrms(full, index));
  const cleanDbfs = maxCleanSignalDbfs(chainLimits(full), index);
  return spl + (cleanDbfs - full.signal.levelDbfs);
}

/** Spread of listener `index`'s response, max − min over 20 Hz–20 kHz (dB), from the report. */
export function responseSpreadDb(setup: Setup, index = 0): number {
  const deviation = buildReport(setup).headphones[index]!.responseDeviationDb;
  return deviation.max - deviation.min;
}

export const maxOf = (values: readonly number[]): number => Math.max(...values);
export const minOf = (values: readonly number[]): number => Math.min(...values);

/**
 * The same headphone in another impedance version: every impedance × k (a network's R and L × k,
 * its C ÷ k; a curve's magnitudes × k), the same efficiency in dB/mW. Like a 32 Ω and a 250 Ω
 * version of one model, wound with thinner wire: same power for the same SPL, √k times the voltage.
 */
export function impedanceVersion(headphone: Headphone, k: number): Headphone {
  const { nominalOhms, network, curve } = headphone.impedance;
  const dbPerMw = sensitivityDbPerVolt(headphone) - powerRatioToDb(1000 / impedanceMagnitudeAt1kHz(headphone));
  const ohms = impedanceMagnitudeAt1kHz(headphone) * k;
  const label = ` (${Math.round(ohms)} Ω version)`;
  return {
    name: headphone.name.slice(0, 80 - label.length) + label,
    sensitivity: { value: dbPerMw, unit: 'dB/mW' },
    impedance: {
      ...(nominalOhms != null ? { nominalOhms: nominalOhms * k } : {}),
      ...(network
        ? {
            network: {
              reOhms: network.reOhms * k,
              leMh: network.leMh * k,
              motional: network.motional
                ? { rOhms: network.motional.rOhms * k, lMh: network.motional.lMh * k, cUf: network.motional.cUf / k }
                : null,
            },
          }
        : {}),
      ...(curve ? { curve: curve.map(([hz, ohm, deg]): [number, number, number] => [hz, ohm * k, deg]) } : {}),
    },
  };
}

/**
 * Bisection for the x in [lo, hi] where an increasing-or-decreasing f crosses `target`.
 * Returns null when f does not cross it in the interval.
 */
export function bisect(f: (x: number) => number, target: number, lo: number, hi: number): number | null {
  let fLo = f(lo) - target;
  const fHi = f(hi) - target;
  if (fLo === 0) return lo;
  if (fHi === 0) return hi;
  if (Math.sign(fLo) === Math.sign(fHi)) return null;
  for (let k = 0; k < 200 && hi - lo > 1e-12 * Math.max(1, hi); k++) {
    const mid = (lo + hi) / 2;
    const fMid = f(mid) - target;
    if (Math.sign(fMid) === Math.sign(fLo)) {
      lo = mid;
      fLo = fMid;
    } else {
      hi = mid;
    }
  }
  return (lo + hi) / 2;
}

// Text helpers: numbers as a reader writes them, with a true minus sign.
const MINUS = '\u2212';
export function num(value: number, digits = 1): string {
  const text = value.toFixed(digits);
  return (Number(text) === 0 ? text.replace('-', '') : text).replace('-', MINUS);
}
export const dbText = (value: number, digits = 1): string => `${Number(value.toFixed(digits)) > 0 ? '+' : ''}${num(value, digits)} dB`;
export const ohmsText = (value: number): string => `${value >= 100 ? num(value, 0) : value >= 10 ? num(value, 1) : num(value, 2)} Ω`;
