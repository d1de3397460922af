/**
 * compile(setup, sampleRate) → `headroom/plan@1`: the numbers the audio processors run.
 *
 * Signal flow, per channel (x is the digital signal, a full-scale sine peaks at 1.0):
 *
 *   x · source.voltsPerFullScale ─ clip ±source.clipPeakVolts ─┬─ (no amp) ─────────────────────────┐
 *                                                              └─ amp.input(s) · amp.gain ─ clip ±amp.clipPeakVolts ┤
 *   for each listener: [clip ±listener.clipPeakVolts] ─ listener.network(s) ─ · listener.outputGain ─→ acoustic out
 *
 * - EMFs are in peak volts: a 0 dBFS sine at volume 0 dB is √2 · maxOutputVrms.
 * - Clip thresholds are the first of the stage's rail (√2 · maxOutputVrms) and its current
 *   limit expressed as an EMF at the stage's 1 kHz load (Imax · |Zo + Z_load|), as in
 *   clipping.ts. A per-listener threshold exists only for independent amp outputs.
 * - network(s) = V_headphone / EMF of the driving stage, exact (see networkTransfer);
 *   amp.input(s) = V_amp_in / EMF_source = Zin / (Zsrc + Zin).
 * - outputGain maps peak volts at the headphone to the acoustic signal: a sine giving
 *   SPL = S_dBV + 20·log10(Vrms) must come out at 10^((SPL − calibrationDbSpl)/20) peak.
 *
 * Shared output, branches b with Z_b = N_b/D_b (headphone n_b/d_b plus cable), output
 * impedance No/Do. With P = Π N_b and Q = Σ_b D_b Π_{c≠b} N_c the load is P/Q, and the
 * headphone of branch i gets exactly
 *   H_i = Do · n_i · Π_{c≠i} N_c / (No · Q + Do · P)
 * (the common factor N_i cancels structurally). Identical branches are grouped, so the
 * order grows with the number of *different* headphones, not listeners.
 * Independent outputs: H_i = n_i · Do / (No · d_i + Do · N_i).
 *
 * Shared ground returns (setup@3): left and right are no longer independent. Every network is
 * stated twice, for a mid signal (both channels in phase: each shared return counts twice, in
 * series with the stage's output impedance or a branch) and for a side signal (returns count
 * not at all); the processors run mid = (L + R)/2 through the first and side = (L − R)/2 through
 * the second (solver.ts, ground.ts, crosstalk.ts). Without shared returns the two are equal and
 * the side networks are null: the chain runs as before.
 *
 * Measured curves run as their fitted rational models (curve-fit.ts); a chain whose heard
 * response would differ from the report's by more than FIT_LIMIT_DB is refused, naming the curve.
 * Noise (setup@3): each stage's flat noise density at its EMF, in V/√Hz (noise.ts), 0 without.
 */
import { abs, add } from './complex.ts';
import { sensitivityDbPerVolt } from './acoustics.ts';
import { polyAdd, polyMul, polyProduct, polyScale, polyTrim, polyTrimNegligible, type RationalFunction } from './polynomial.ts';
import { chainFitErrorsDb, fitCurve, FIT_LIMIT_DB } from './curve-fit.ts';
import { groundReturns, returnFactor, type StereoMode } from './ground.ts';
import { noiseDensity } from './noise.ts';
import { curveFitError, rationalHeadphoneImpedance, rationalStageImpedance, withSeries, type RationalImpedance } from './rational-impedance.ts';
import type { Setup } from './setup.ts';
import { ampGain, solveChain, type StageSolution } from './solver.ts';
import { dbToVoltageRatio, REFERENCE_HZ, SQRT2 } from './units.ts';

export const PLAN_FORMAT = 'headroom/plan@1';
export const DEFAULT_CALIBRATION_DB_SPL = 120;

export interface ClipPlan {
  /** Peak EMF (V) where the stage clips. */
  clipPeakVolts: number;
  limitedBy: 'rail' | 'current';
}

export interface ListenerPlan {
  name: string;
  /** V_headphone / EMF of the driving stage (for a mid signal when sideNetwork is given). */
  network: RationalFunction;
  /** The same for a side signal; null (or absent) when left and right share no return. */
  sideNetwork?: RationalFunction | null;
  /** Independent amp outputs only: this jack's current limit as a peak EMF; otherwise null. */
  clipPeakVolts: number | null;
  /** Acoustic output per peak volt at the headphone. */
  outputGain: number;
}

export interface Plan {
  format: typeof PLAN_FORMAT;
  sampleRateHz: number;
  calibrationDbSpl: number;
  source: ClipPlan & {
    voltsPerFullScale: number;
    /** Flat noise density at the EMF, V/√Hz; 0 (or absent) for none. */
    noiseVoltsPerRootHz?: number;
  };
  amp:
    | null
    | (ClipPlan & {
        input: RationalFunction;
        /** amp.input for a side signal; null (or absent) when the source's return has no resistance. */
        inputSide?: RationalFunction | null;
        gain: number;
        noiseVoltsPerRootHz?: number;
      });
  listeners: ListenerPlan[];
}

export interface CompileOptions {
  /** SPL that a 0 dBFS sine at the output stands for; default 120 dB. */
  calibrationDbSpl?: number;
}

export function compile(setup: Setup, sampleRateHz: number, options: CompileOptions = {}): Plan {
  const calibrationDbSpl = options.calibrationDbSpl ?? DEFAULT_CALIBRATION_DB_SPL;
  const atReference = solveChain(setup, REFERENCE_HZ);
  const { source, amp } = setup;

  refuseUnfaithfulFits(setup);
  const mid = networksFor(setup, 'mid');
  const side = networksFor(setup, 'side');
  const networks = mid.listeners;

  const listeners = setup.headphones.map((headphone, i): ListenerPlan => {
    const jack = atReference.headphones[i]!.jack;
    const jackCurrentMa = amp?.outputs === 'independent' ? amp.maxOutputCurrentMa : null;
    return {
      name: headphone.name,
      network: networks[i]!,
      sideNetwork: differs(side.listeners[i]!, networks[i]!),
      clipPeakVolts: jack !== null && jackCurrentMa != null ? currentLimitAsEmf(jackCurrentMa, atReference.amp!.jacks[jack]!) : null,
      outputGain: dbToVoltageRatio(sensitivityDbPerVolt(headphone) - calibrationDbSpl) / SQRT2,
    };
  });

  const sourceClip = clipPlan(source.maxOutputVrms, source.maxOutputCurrentMa, atReference.source);
  return {
    format: PLAN_FORMAT,
    sampleRateHz,
    calibrationDbSpl,
    source: {
      ...sourceClip,
      voltsPerFullScale: SQRT2 * source.maxOutputVrms * dbToVoltageRatio(source.volumeDb),
      noiseVoltsPerRootHz: Math.sqrt(noiseDensity(source.noise, source.maxOutputVrms)),
    },
    amp: amp
      ? {
          // Shared outputs: the current limit counts the whole load; independent: per listener above.
          ...clipPlan(amp.maxOutputVrms, amp.outputs === 'shared' ? amp.maxOutputCurrentMa : null, atReference.amp!.jacks[0]!),
          input: mid.ampInput!,
          inputSide: differs(side.ampInput!, mid.ampInput!),
          gain: ampGain(amp),
          noiseVoltsPerRootHz: Math.sqrt(noiseDensity(amp.noise, amp.maxOutputVrms)),
        }
      : null,
    listeners,
  };
}

/** The side network when it is not the mid one (they are equal, term for term, without shared returns). */
function differs(side: RationalFunction, mid: RationalFunction): RationalFunction | null {
  const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((c, k) => c === b[k]);
  return same(side.numerator, mid.numerator) && same(side.denominator, mid.denominator) ? null : side;
}

/** Every listener's network and the amp's input network for a mid or side signal. */
function networksFor(setup: Setup, mode: StereoMode): { listeners: RationalFunction[]; ampInput: RationalFunction | null } {
  const { source, amp } = setup;
  const returns = groundReturns(setup);
  const k = returnFactor(mode);
  const sourceImpedance = rationalStageImpedance(source.outputImpedanceOhms, source.couplingCapacitorUf);
  const driving = amp
    ? withSeries(rationalStageImpedance(amp.outputImpedanceOhms, amp.couplingCapacitorUf), k * (returns.amp + returns.splitter))
    : withSeries(sourceImpedance, k * (returns.source + returns.splitter));
  const listeners = amp?.outputs === 'independent' ? independentNetworks(setup, driving, mode) : sharedNetworks(setup, driving, mode);
  return { listeners, ampInput: amp ? ampInputTransfer(withSeries(sourceImpedance, k * returns.source), amp.inputImpedanceOhms) : null };
}

/**
 * Refuses a chain whose heard response (measured curves as their fits) strays more than
 * FIT_LIMIT_DB from the report's, naming the curve to blame: the one whose own fit errs most
 * (on a shared output one bad fit moves every listener).
 */
function refuseUnfaithfulFits(setup: Setup): void {
  const errors = chainFitErrorsDb(setup);
  if (errors === null) return;
  const worst = Math.max(...errors);
  if (worst <= FIT_LIMIT_DB) return;
  let blamed = -1;
  let blamedError = -1;
  setup.headphones.forEach((hp, i) => {
    if (hp.impedance.network != null || hp.impedance.curve == null) return;
    const error = fitCurve(hp.impedance.curve).errorDb;
    if (error > blamedError) {
      blamedError = error;
      blamed = i;
    }
  });
  throw curveFitError(`headphones[${blamed}].impedance`, worst);
}

function currentLimitAsEmf(maxPeakMa: number, stage: StageSolution): number {
  return (maxPeakMa / 1000) * abs(add(stage.outputImpedance, stage.load));
}

function clipPlan(maxOutputVrms: number, maxOutputCurrentMa: number | null | undefined, stage: StageSolution): ClipPlan {
  const railPeakVolts = SQRT2 * maxOutputVrms;
  if (maxOutputCurrentMa == null) return { clipPeakVolts: railPeakVolts, limitedBy: 'rail' };
  const currentPeakVolts = currentLimitAsEmf(maxOutputCurrentMa, stage);
  return currentPeakVolts < railPeakVolts
    ? { clipPeakVolts: currentPeakVolts, limitedBy: 'current' }
    : { clipPeakVolts: railPeakVolts, limitedBy: 'rail' };
}

/** Zin / (Zsrc + Zin) = Zin·Do / (No + Zin·Do). */
function ampInputTransfer(sourceImpedance: RationalImpedance, inputImpedanceOhms: number): RationalFunction {
  const numerator = polyScale(sourceImpedance.denominator, inputImpedanceOhms);
  return normalized({ numerator, denominator: polyAdd(sourceImpedance.numerator, numerator) });
}

interface Branch {
  headphone: RationalImpedance;
  /** N_b = n + Rcable·d: the branch numerator (the denominator is the headphone's d). */
  numerator: number[];
}

/** Each branch in `mode`: its cable and, for a mid signal, twice its own shared return in series. */
function branches(setup: Setup, mode: StereoMode): Branch[] {
  const cableOhms = setup.splitter?.cableResistanceOhms ?? 0;
  const returns = groundReturns(setup).headphones;
  const k = returnFactor(mode);
  return setup.headphones.map((hp, i) => {
    const headphone = rationalHeadphoneImpedance(hp.impedance, `headphones[${i}].impedance`);
    return { headphone, numerator: [...withSeries(headphone, cableOhms + k * returns[i]!).numerator] };
  });
}

function sharedNetworks(setup: Setup, driving: RationalImpedance, mode: StereoMode): RationalFunction[] {
  const all = branches(setup, mode);
  // Group identical headphones (same impedance description and return): they share one factor.
  const keys = setup.headphones.map((hp) => JSON.stringify([hp.impedance, hp.groundResistanceOhms ?? 0]));
  const distinct = [...new Set(keys)];
  const groups = distinct.map((key) => ({ branch: all[keys.indexOf(key)]!, count: keys.filter((k) => k === key).length }));
  const productOfOthers = (skip: number) => polyProduct(groups.filter((_, g) => g !== skip).map((x) => x.branch.numerator));
  const p = polyProduct(groups.map((x) => x.branch.numerator));
  const q = groups.reduce<number[]>(
    (sum, x, g) => polyAdd(sum, polyScale(polyMul(x.branch.headphone.denominator, productOfOthers(g)), x.count)),
    [0],
  );
  const denominator = polyAdd(polyMul(driving.numerator, q), polyMul(driving.denominator, p));
  const perGroup = groups.map((x, g) =>
    normalized({ numerator: polyProduct([driving.denominator, x.branch.headphone.numerator, productOfOthers(g)]), denominator }),
  );
  return keys.map((key) => perGroup[distinct.indexOf(key)]!);
}

function independentNetworks(setup: Setup, driving: RationalImpedance, mode: StereoMode): RationalFunction[] {
  return branches(setup, mode).map(({ headphone, numerator: branchNumerator }) =>
    normalized({
      numerator: polyMul(headphone.numerator, driving.denominator),
      denominator: polyAdd(polyMul(driving.numerator, headphone.denominator), polyMul(driving.denominator, branchNumerator)),
    }),
  );
}

/** Far above any rate the DSP runs at (8 × 192 kHz): terms negligible up to here are dropped. */
const OMEGA_MAX = 2 * Math.PI * 2e6;

/**
 * Drops terms negligible up to OMEGA_MAX, removes common factors of s (a coupling
 * capacitor puts s in both numerator and denominator of some terms), and scales so the
 * denominator's highest coefficient is 1. None of this changes H(jω) beyond rounding in
 * the audio band; it keeps the root finder's input clean.
 */
function normalized(h: RationalFunction): RationalFunction {
  let numerator = polyTrimNegligible(polyTrim(h.numerator), OMEGA_MAX);
  let denominator = polyTrimNegligible(polyTrim(h.denominator), OMEGA_MAX);
  // Trimmed apart, the two can disagree about a vanishing term of the same order (a coil of
  // 1e-19 mH): the denominator loses it and the numerator keeps it, and H looks improper. H is
  // a voltage ratio, bounded, so a numerator term above the denominator's order that stays
  // below 1e-9 of the denominator everywhere up to OMEGA_MAX changes nothing but that.
  const denominatorSize = Math.max(...denominator.map((c, k) => Math.abs(c) * OMEGA_MAX ** k));
  while (numerator.length > denominator.length && Math.abs(numerator[numerator.length - 1]!) * OMEGA_MAX ** (numerator.length - 1) <= 1e-9 * denominatorSize) {
    numerator = numerator.slice(0, -1);
  }
  while (numerator.length > 1 && denominator.length > 1 && numerator[0] === 0 && denominator[0] === 0) {
    numerator = numerator.slice(1);
    denominator = denominator.slice(1);
  }
  const lead = denominator[denominator.length - 1]!;
  return { numerator: polyScale(numerator, 1 / lead), denominator: polyScale(denominator, 1 / lead) };
}
