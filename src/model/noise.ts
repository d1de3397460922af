/**
 * Hiss (headroom/setup@3 `source.noise`, `amp.noise`): what a stage's output noise does at the
 * headphone, and whether it can be heard in a quiet room (docs/model.md, "Hiss").
 *
 * - A stage's noise is white (flat spectral density) from 20 Hz to 20 kHz at its EMF, in series
 *   with its output impedance like the signal, and independent in left and right. Its stated
 *   RMS (µV, or maxOutputVrms·10^(−dynamicRangeDb/20)) fixes the density N (V²/Hz):
 *     unweighted:  N = V² / 19 980 Hz
 *     A-weighted:  N = V² / ∫|A(f)|² df   (20 Hz–20 kHz: 12 468 Hz, a-weighting.ts)
 *   A digital volume does not change it (the noise is the DAC's and the analog stage's).
 * - An amp passes its input's noise through its input divider and gain like the signal, and
 *   adds its own at its EMF.
 * - At headphone i the density is Σ_stage N_stage · (|H_mid|² + |H_side|²)/2, H = V_hp/EMF_stage:
 *   each channel hears its own noise through H_self = (H_mid + H_side)/2 and the other's,
 *   independent, through H_cross = (H_mid − H_side)/2 (crosstalk.ts), and
 *   |H_self|² + |H_cross|² = (|H_mid|² + |H_side|²)/2.
 * - Loudness: the headphone's sensitivity (dB SPL for 1 V at 1 kHz) at every frequency (the
 *   model has no acoustic response), so L_A = S_dB/V + 10·log10 ∫ N_hp(f)·|A(f)|² df.
 * - Audible: the noise power inside the critical band around f, as an SPL, against the
 *   threshold of hearing at f (hearing-threshold.ts), at every report frequency; the hiss is
 *   audible when some band reaches its threshold, and `aboveThresholdDb` says by how much
 *   (negative: how far below).
 */
import { aWeightedBandwidthHz, aWeightingGain } from './a-weighting.ts';
import { criticalBandwidthHz, hearingThresholdDbSpl } from './hearing-threshold.ts';
import type { Noise } from './setup.ts';
import { powerRatioToDb } from './units.ts';

const BAND_LOW_HZ = 20;
const BAND_HIGH_HZ = 20_000;

let aBandwidth: number | null = null;
/** ∫|A(f)|² df over 20 Hz–20 kHz, Hz (computed once). */
function aWeightedBandHz(): number {
  aBandwidth ??= aWeightedBandwidthHz(BAND_LOW_HZ, BAND_HIGH_HZ);
  return aBandwidth;
}

/** The stage's stated output noise, Vrms, in its own weighting. */
export function noiseVrms(noise: Noise, maxOutputVrms: number): number {
  return noise.uVrms !== undefined ? noise.uVrms * 1e-6 : maxOutputVrms * 10 ** (-noise.dynamicRangeDb! / 20);
}

/** The noise's flat spectral density at the stage's EMF, V²/Hz (0 without noise). */
export function noiseDensity(noise: Noise | null | undefined, maxOutputVrms: number): number {
  if (noise == null) return 0;
  const bandwidth = noise.weighting === 'A' ? aWeightedBandHz() : BAND_HIGH_HZ - BAND_LOW_HZ;
  return noiseVrms(noise, maxOutputVrms) ** 2 / bandwidth;
}

/**
 * ∫ v(f) df from `lowHz` to `highHz` for v sampled at rising `hz`: the trapezoidal rule in
 * ln f on v·f (the integrand of d(ln f)), with v·f interpolated linearly at the ends.
 */
export function integrateOverLogGrid(hz: readonly number[], values: readonly number[], lowHz: number, highHz: number): number {
  const g = (k: number) => values[k]! * hz[k]!;
  let sum = 0;
  for (let k = 0; k + 1 < hz.length; k++) {
    const a = hz[k]!;
    const b = hz[k + 1]!;
    const from = Math.max(a, lowHz);
    const to = Math.min(b, highHz);
    if (!(to > from)) continue;
    const span = Math.log(b / a);
    const at = (f: number) => g(k) + ((g(k + 1) - g(k)) * Math.log(f / a)) / span;
    sum += ((at(from) + at(to)) / 2) * Math.log(to / from);
  }
  return sum;
}

/** A-weighted power of a voltage density `density` (V²/Hz at `hz`) over 20 Hz–20 kHz, V². */
export function aWeightedPower(hz: readonly number[], density: readonly number[]): number {
  return integrateOverLogGrid(
    hz,
    density.map((n, k) => n * aWeightingGain(hz[k]!) ** 2),
    BAND_LOW_HZ,
    BAND_HIGH_HZ,
  );
}

export interface HissAudibility {
  /** Some critical band of the hiss reaches the threshold of hearing. */
  audible: boolean;
  /** The largest band level minus the threshold, dB (negative: inaudible by that much). */
  aboveThresholdDb: number;
  /** The centre of that band. */
  atHz: number;
}

/**
 * Whether a hiss of SPL density `splDensity` (Pa²-relative: 10·log10 of the value is the SPL
 * in a 1 Hz band, at `hz`) can be heard in a quiet room: the critical band around each `hz`
 * against the threshold there (see the header).
 */
export function hissAudibility(hz: readonly number[], splDensity: readonly number[]): HissAudibility {
  let best: HissAudibility = { audible: false, aboveThresholdDb: -Infinity, atHz: hz[0]! };
  for (const centre of hz) {
    const half = criticalBandwidthHz(centre) / 2;
    const power = integrateOverLogGrid(hz, splDensity, Math.max(BAND_LOW_HZ, centre - half), Math.min(BAND_HIGH_HZ, centre + half));
    const margin = powerRatioToDb(power) - hearingThresholdDbSpl(centre);
    if (margin > best.aboveThresholdDb) best = { audible: margin >= 0, aboveThresholdDb: margin, atHz: centre };
  }
  return best;
}

export interface HissFigures extends HissAudibility {
  /** A-weighted SPL of the hiss at the headphone, 20 Hz–20 kHz. */
  dbSplA: number;
}

/**
 * The hiss at a headphone of sensitivity `dbPerVolt` (dB SPL for 1 Vrms) from its terminal
 * voltage density `density` (V²/Hz at `hz`).
 */
export function hissAtHeadphone(hz: readonly number[], density: readonly number[], dbPerVolt: number): HissFigures {
  const spl = 10 ** (dbPerVolt / 10);
  return {
    dbSplA: dbPerVolt + powerRatioToDb(aWeightedPower(hz, density)),
    ...hissAudibility(
      hz,
      density.map((n) => n * spl),
    ),
  };
}
