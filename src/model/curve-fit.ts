/**
 * A measured impedance curve as an exact rational impedance Z(s) = N(s)/D(s), so that the
 * plan (compile.ts) can state a curve headphone's divider exactly, as it does for networks.
 *
 * The target is what the report uses: the curve as impedance.ts interpolates it (log|Z| and
 * phase linear over log f, held beyond the ends), from 20 Hz to 20 kHz. vector-fit.ts fits it
 * with stable poles and a passive (positive-real) result, trying orders 2, 4, 6, … and keeping
 * the first whose error is within FIT_TARGET_DB (else the best one).
 *
 * The error is measured where it is heard: the response V_hp/EMF re 1 kHz of this headphone
 * behind resistive sources from 0.1 Ω to 100 kΩ and a current source, fitted against curve,
 * worst case over the sources and over a 200-per-decade grid plus every curve point in the
 * band. (A 0 Ω source shows no difference at all: the headphone gets the EMF.)
 * docs/model.md, "Measured curves, heard", derives why this covers the ways a headphone is
 * driven; compile.ts checks the actual chain again.
 */
import { abs, complex, div, type Complex } from './complex.ts';
import { curveImpedanceAt, headphoneImpedanceAt } from './impedance.ts';
import type { RationalImpedance } from './rational-impedance.ts';
import type { Root } from './secular-zeros.ts';
import type { Setup } from './setup.ts';
import { solveChain, type ChainSolution } from './solver.ts';
import { REFERENCE_HZ, responseFrequenciesHz } from './units.ts';
import { vectorFit, evaluateFit, type PoleResidueModel } from './vector-fit.ts';

export type Curve = readonly (readonly [number, number, number])[];

/** A fit within this is taken at once: half the 0.1 dB bar, leaving the rest to the DSP's design. */
export const FIT_TARGET_DB = 0.05;
/** The bar: a curve whose best fit errs more than this cannot be heard. */
export const FIT_LIMIT_DB = 0.1;
const ORDERS = [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 24, 28];
/** The search stops when the best error has not fallen by a fifth over this many orders. */
const STALL_ORDERS = 3;
/** See vector-fit.ts: |Z| counts 5× more than a phase that may be only estimated. */
const PHASE_WEIGHT = 0.2;
const BAND_LOW_HZ = 20;
const BAND_HIGH_HZ = 20_000;

export interface CurveFit {
  impedance: RationalImpedance;
  model: PoleResidueModel;
  /** Poles of the fit. */
  order: number;
  /** Worst response error re 1 kHz over the reference sources (see the header), dB. */
  errorDb: number;
}

/** The fit's target points: a log grid and the curve's own points inside the band. */
function gridWithCurvePoints(curve: Curve, perDecade: number): number[] {
  const decades = Math.log10(BAND_HIGH_HZ / BAND_LOW_HZ);
  const steps = Math.round(decades * perDecade);
  const hz = Array.from({ length: steps + 1 }, (_, k) => BAND_LOW_HZ * 10 ** ((k * decades) / steps));
  for (const [f] of curve) if (f > BAND_LOW_HZ && f < BAND_HIGH_HZ) hz.push(f);
  hz.sort((a, b) => a - b);
  return hz.filter((f, i) => i === 0 || f > hz[i - 1]! * (1 + 1e-9));
}

/** Resistive sources the fit is judged behind (plus a current source, Infinity). */
const REFERENCE_SOURCES_OHMS = [0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000, 3000, 10_000, 100_000, Infinity];

/** H = Z/(Zs + Z); for Zs = ∞ the current source's Z itself (the ratio to 1 kHz is all that counts). */
function divider(z: Complex, sourceOhms: number): Complex {
  return Number.isFinite(sourceOhms) ? div(z, complex(z.re + sourceOhms, z.im)) : z;
}

/**
 * Worst |response error| re 1 kHz, dB, of `fitted` against `reference` behind the reference
 * sources, over `hz`.
 */
export function responseErrorDb(reference: (hz: number) => Complex, fitted: (hz: number) => Complex, hz: readonly number[]): number {
  const ref1k = reference(1000);
  const fit1k = fitted(1000);
  const refs = hz.map(reference);
  const fits = hz.map(fitted);
  let worst = 0;
  for (const zs of REFERENCE_SOURCES_OHMS) {
    const at1k = 20 * Math.log10(abs(divider(fit1k, zs)) / abs(divider(ref1k, zs)));
    for (let k = 0; k < hz.length; k++) {
      const error = Math.abs(20 * Math.log10(abs(divider(fits[k]!, zs)) / abs(divider(refs[k]!, zs))) - at1k);
      // NaN (a zero |Z| cannot occur for a valid curve) counts as a miss.
      worst = error > worst || error !== error ? (error !== error ? Infinity : error) : worst;
    }
  }
  return worst;
}

const fitCache = new Map<string, CurveFit>();
/** Curves in a session: the A/B pair's listeners and a few edits. */
const FIT_CACHE_SIZE = 32;

/** The fit of a curve, cached by its points (fitting takes tens of milliseconds). */
export function fitCurve(curve: Curve): CurveFit {
  const key = JSON.stringify(curve);
  const cached = fitCache.get(key);
  if (cached) return cached;
  const fit = searchFit(curve);
  if (fitCache.size >= FIT_CACHE_SIZE) fitCache.delete(fitCache.keys().next().value!);
  fitCache.set(key, fit);
  return fit;
}

function searchFit(curve: Curve): CurveFit {
  const fitHz = gridWithCurvePoints(curve, 40);
  const checkHz = gridWithCurvePoints(curve, 200);
  const target = fitHz.map((hz) => curveImpedanceAt(curve, hz));
  const data = {
    omega: fitHz.map((hz) => 2 * Math.PI * hz),
    re: target.map((z) => z.re),
    im: target.map((z) => z.im),
  };
  const reference = (hz: number) => curveImpedanceAt(curve, hz);
  // A resistor of the curve's 1 kHz magnitude: the fit of last resort (order 0 always fits).
  const resistor: PoleResidueModel = { poles: [], residues: [], constant: abs(reference(REFERENCE_HZ)), slope: 0 };
  let best: CurveFit = {
    impedance: rationalFromModel(resistor),
    model: resistor,
    order: 0,
    errorDb: responseErrorDb(reference, (hz) => fittedImpedanceAt(resistor, hz), checkHz),
  };
  const history: number[] = [];
  for (const order of ORDERS) {
    const result = vectorFit(data, { order, phaseWeight: PHASE_WEIGHT });
    if (result !== null && result.passive) {
      const model = result.model;
      const errorDb = responseErrorDb(reference, (hz) => fittedImpedanceAt(model, hz), checkHz);
      if (errorDb < best.errorDb) best = { impedance: rationalFromModel(model), model, order, errorDb };
      if (errorDb <= FIT_TARGET_DB) break;
    }
    history.push(best.errorDb);
    // Data a rational impedance cannot follow (a phase that contradicts |Z|) stops improving.
    const earlier = history[history.length - 1 - STALL_ORDERS];
    if (order >= 8 && earlier !== undefined && best.errorDb > 0.8 * earlier) break;
  }
  return best;
}

export function fittedImpedanceAt(model: PoleResidueModel, hz: number): Complex {
  const [re, im] = evaluateFit(model, 2 * Math.PI * hz);
  return complex(re, im);
}

/** Π (s − a) over `roots`, complex coefficients, ascending powers. */
function rootProduct(roots: readonly Root[]): Root[] {
  let poly: Root[] = [{ re: 1, im: 0 }];
  for (const a of roots) {
    const next: Root[] = Array.from({ length: poly.length + 1 }, () => ({ re: 0, im: 0 }));
    poly.forEach((c, k) => {
      // c·s
      next[k + 1]!.re += c.re;
      next[k + 1]!.im += c.im;
      // −a·c
      next[k]!.re -= a.re * c.re - a.im * c.im;
      next[k]!.im -= a.re * c.im + a.im * c.re;
    });
    poly = next;
  }
  return poly;
}

/**
 * N(s)/D(s) of the pole–residue form: D = Π(s − a) over every pole (both members of a pair),
 * N = (d + s·e)·D + Σ_m r_m·Π_{j≠m}(s − a_j). Real by conjugate symmetry (imaginary parts are
 * rounding and are dropped).
 */
export function rationalFromModel(model: PoleResidueModel): RationalImpedance {
  const poles: Root[] = [];
  const residues: Root[] = [];
  model.poles.forEach((p, m) => {
    const r = model.residues[m]!;
    poles.push(p);
    residues.push(r);
    if (p.im !== 0) {
      poles.push({ re: p.re, im: -p.im });
      residues.push({ re: r.re, im: -r.im });
    }
  });
  const denominator = rootProduct(poles).map((c) => c.re);
  const numerator = new Array<number>(poles.length + 2).fill(0);
  denominator.forEach((c, k) => {
    numerator[k]! += model.constant * c;
    numerator[k + 1]! += model.slope * c;
  });
  poles.forEach((_, m) => {
    const others = rootProduct(poles.filter((__, j) => j !== m));
    const r = residues[m]!;
    others.forEach((c, k) => (numerator[k]! += r.re * c.re - r.im * c.im));
  });
  while (numerator.length > 1 && numerator[numerator.length - 1] === 0) numerator.pop();
  return { numerator, denominator };
}

/** Whether any headphone of the setup is given as a curve (network takes precedence). */
const hasCurveHeadphone = (setup: Setup): boolean => setup.headphones.some((hp) => hp.impedance.network == null && hp.impedance.curve != null);

/** Headphone i's impedance as the plan runs it: a curve's fitted model, else its description. */
export function plannedImpedanceAt(setup: Setup): (index: number, hz: number) => Complex {
  return (index, hz) => {
    const impedance = setup.headphones[index]!.impedance;
    if (impedance.network == null && impedance.curve != null) return fittedImpedanceAt(fitCurve(impedance.curve).model, hz);
    return headphoneImpedanceAt(impedance, hz);
  };
}

/**
 * Per listener, the largest |difference| in dB between the response (V_hp re 1 kHz, mid
 * signal) of the chain as the plan runs it, with every curve replaced by its fit, and as the
 * report states it, over the report's 301 frequencies; null when no headphone is a curve.
 * `reported` may pass the report's own solutions (sweep and 1 kHz) to save solving them again.
 */
export function chainFitErrorsDb(setup: Setup, reported?: { sweep: readonly ChainSolution[]; atReference: ChainSolution }): readonly number[] | null {
  if (!hasCurveHeadphone(setup)) return null;
  // Responses re 1 kHz do not depend on the signal level or the volume (the chain is linear):
  // a volume step, the commonest change, is answered from the cache.
  const key = JSON.stringify({ ...setup, signal: null, source: { ...setup.source, volumeDb: 0 } });
  const cached = chainErrorCache.get(key);
  if (cached) return cached;
  const errors = measureChainFitErrors(setup, reported);
  if (chainErrorCache.size >= FIT_CACHE_SIZE) chainErrorCache.delete(chainErrorCache.keys().next().value!);
  chainErrorCache.set(key, errors);
  return errors;
}

const chainErrorCache = new Map<string, readonly number[]>();

function measureChainFitErrors(setup: Setup, reported: { sweep: readonly ChainSolution[]; atReference: ChainSolution } | undefined): number[] {
  const hz = responseFrequenciesHz();
  const sweep = reported?.sweep ?? hz.map((f) => solveChain(setup, f));
  const atReference = reported?.atReference ?? solveChain(setup, REFERENCE_HZ);
  const options = { headphoneImpedance: plannedImpedanceAt(setup) };
  const planned = hz.map((f) => solveChain(setup, f, options));
  const plannedReference = solveChain(setup, REFERENCE_HZ, options);
  return setup.headphones.map((_, i) => {
    const level = (solution: ChainSolution, reference: ChainSolution) => 20 * Math.log10(abs(solution.headphones[i]!.loadVoltage) / abs(reference.headphones[i]!.loadVoltage));
    let worst = 0;
    hz.forEach((_, k) => (worst = Math.max(worst, Math.abs(level(planned[k]!, plannedReference) - level(sweep[k]!, atReference)))));
    return worst;
  });
}
