/**
 * Plan networks → biquad sections at the rate they run at (design time: allocates; call
 * from a constructor or a plan handler).
 *
 * docs/decisions.md: bilinear transform pre-warped at 20 kHz, at 4× the base rate, meets
 * the ±0.1 dB bar for every preset (worst 0.039 dB). Most networks do not need 4×: a
 * dynamic headphone on a low-impedance output is flat to a few hundredths of a dB and
 * warping does nothing to it. So each network is tried at 1×, then 2×, and runs at the
 * lowest factor whose exact digital response stays within NETWORK_TOLERANCE_DB of the
 * analog one on a 121-point log grid from 20 Hz to 20 kHz; else at 4×.
 */
import { bilinearFromPolynomials, type BiquadSections } from '../dsp/analog-to-digital.ts';
import { analogResponse, magnitudeDb, sectionsResponse } from '../dsp/frequency-response.ts';
import type { Network } from './plan-check.ts';

export const PREWARP_HZ = 20_000;
/** A lower factor is used only when it is this close to the analog response (dB). */
export const NETWORK_TOLERANCE_DB = 0.02;

export type NetworkFactor = 1 | 2 | 4;

export interface NetworkDesign {
  readonly factor: NetworkFactor;
  readonly sections: BiquadSections;
  /** Largest |digital − analog| in dB over 20 Hz–20 kHz at that factor. */
  readonly errorDb: number;
}

const GRID_HZ: readonly number[] = Array.from({ length: 121 }, (_, i) => 20 * 1000 ** (i / 120));

export function designAt(network: Network, baseRateHz: number, factor: NetworkFactor): BiquadSections {
  const rate = baseRateHz * factor;
  const prewarpHz = Math.min(PREWARP_HZ, 0.45 * rate);
  return bilinearFromPolynomials(network.numerator, network.denominator, { sampleRateHz: rate, prewarpHz });
}

export function networkErrorDb(network: Network, sections: BiquadSections, rateHz: number): number {
  let worst = 0;
  for (const hz of GRID_HZ) {
    if (hz >= rateHz / 2) break;
    const analog = magnitudeDb(analogResponse(network.numerator, network.denominator, hz));
    const digital = magnitudeDb(sectionsResponse(sections, hz, rateHz));
    const error = Math.abs(digital - analog);
    // NaN (a zero of H on the grid) counts as a miss.
    worst = error > worst || error !== error ? (error !== error ? Infinity : error) : worst;
  }
  return worst;
}

/** The lowest factor within tolerance (`maxFactor` caps the search), with its sections. */
export function designNetwork(network: Network, baseRateHz: number, maxFactor: NetworkFactor = 4): NetworkDesign {
  for (const factor of [1, 2] as const) {
    if (factor >= maxFactor) break;
    const sections = designAt(network, baseRateHz, factor);
    const errorDb = networkErrorDb(network, sections, baseRateHz * factor);
    if (errorDb <= NETWORK_TOLERANCE_DB) return { factor, sections, errorDb };
  }
  const sections = designAt(network, baseRateHz, maxFactor);
  return { factor: maxFactor, sections, errorDb: networkErrorDb(network, sections, baseRateHz * maxFactor) };
}
