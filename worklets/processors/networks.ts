/**
 * Plan networks → biquad sections at the rate they run at (design time: allocates; call
 * from a constructor or a plan handler).
 *
 * The bilinear transform pre-warped at 20 kHz, at 4× the base rate, meets the ±0.1 dB bar
 * for every preset (docs/decisions.md, "Listener networks: exact H(s) from the model,
 * bilinear at 4× pre-warped at 20 kHz"). Most networks do not need 4×, and
 * running at 1× saves the shared interpolators and 2–4× the filtering. So a network runs
 * at the first of these whose exact digital response stays within NETWORK_TOLERANCE_DB
 * of the analog one on a 121-point log grid from 20 Hz to 20 kHz (cheapest first):
 *
 *   1. at 1×, the more accurate of the bilinear design and the magnitude fit
 *      (magnitude-fit.ts: matched poles, fitted numerator; same number of sections);
 *   2. at 1×, the magnitude fit with 1…MAX_EXTRA_ORDER more zeros (each pair one more
 *      base-rate section: still far cheaper than a lane at 2×), the first within tolerance;
 *   3. the bilinear design at 2×; else at 4×.
 *
 * A design found at 1× is then made smaller where it can be: nearly-cancelling pole–zero
 * pairs are left out of the fit while it stays within tolerance (`reduced`).
 */
import { bilinearFromPolynomials, type BiquadSections } from '../dsp/analog-to-digital.ts';
import { analogResponse, magnitudeDb, sectionsResponse } from '../dsp/frequency-response.ts';
import { cancellablePairs, fitMagnitude } from '../dsp/magnitude-fit.ts';
import type { Network } from './plan-check.ts';

export const PREWARP_HZ = 20_000;
/** A lower factor is used only when it is this close to the analog response (dB). */
export const NETWORK_TOLERANCE_DB = 0.02;
/** Most extra fitted zeros tried at 1× (three more sections) before going to 2×. */
export const MAX_EXTRA_ORDER = 6;

export type NetworkFactor = 1 | 2 | 4;

export interface NetworkDesign {
  readonly factor: NetworkFactor;
  /** How the sections were made: the bilinear transform, or the 1× magnitude fit. */
  readonly method: 'bilinear' | 'fitted';
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

/**
 * The cheapest design within tolerance (see the header); `maxFactor` caps the factor. With
 * `maxFactor` 1, the most accurate base-rate design found, whatever its error.
 */
export function designNetwork(network: Network, baseRateHz: number, maxFactor: NetworkFactor = 4): NetworkDesign {
  // A plan message redesigns every listener, and most messages (a volume step, a gain) leave
  // the networks as they were: answer those from the cache instead of refitting (about 1 ms
  // per network, in the audio thread's message handler).
  const key = `${baseRateHz}/${maxFactor}/${network.numerator.join(',')}/${network.denominator.join(',')}`;
  const cached = designCache.get(key);
  if (cached) return cached;
  const design = searchDesigns(network, baseRateHz, maxFactor);
  if (designCache.size >= DESIGN_CACHE_SIZE) designCache.delete(designCache.keys().next().value!);
  designCache.set(key, design);
  return design;
}

/**
 * Designs already made, oldest first; shared by every processor in the scope, so callers
 * must not modify them (BiquadCascade copies the coefficients it is given).
 */
const designCache = new Map<string, NetworkDesign>();
/** 8 listeners × two chains (A/B) × a few recent plans. */
const DESIGN_CACHE_SIZE = 64;

function searchDesigns(network: Network, baseRateHz: number, maxFactor: NetworkFactor): NetworkDesign {
  const bilinear = measured(network, baseRateHz, 1, 'bilinear', designAt(network, baseRateHz, 1))!;
  const fitted = measured(network, baseRateHz, 1, 'fitted', fitAt(network, baseRateHz, 0));
  let best = fitted !== null && fitted.errorDb < bilinear.errorDb ? fitted : bilinear;
  for (let extra = 1; extra <= MAX_EXTRA_ORDER && best.errorDb > NETWORK_TOLERANCE_DB; extra++) {
    const design = measured(network, baseRateHz, 1, 'fitted', fitAt(network, baseRateHz, extra));
    if (design !== null && design.errorDb < best.errorDb) best = design;
  }
  if (best.errorDb <= NETWORK_TOLERANCE_DB) return reduced(network, baseRateHz, best);
  if (maxFactor === 1) return best;
  if (maxFactor > 2) {
    const design = measured(network, baseRateHz, 2, 'bilinear', designAt(network, baseRateHz, 2))!;
    if (design.errorDb <= NETWORK_TOLERANCE_DB) return design;
  }
  return measured(network, baseRateHz, maxFactor, 'bilinear', designAt(network, baseRateHz, maxFactor))!;
}

/**
 * The fit with the fewest sections among those that leave out 1, 2, … of the nearly-cancelling
 * pole–zero pairs (magnitude-fit.ts, cancelPairs) and stay within tolerance; `best` if none
 * has fewer sections than it.
 * A listener sharing an output with others carries their voice coils and motional branches as
 * such pairs: the bench's chain A (an amp driving two headphones) goes from 3 sections to 1.
 */
function reduced(network: Network, baseRateHz: number, best: NetworkDesign): NetworkDesign {
  // Nearest pairs first, stopping at the first miss: leaving out more pairs only adds error,
  // and this runs in the message handler (each try is a fit, about 0.3 ms).
  const available = cancellablePairs(network.numerator, network.denominator);
  let smallest = best;
  for (let pairs = 1; pairs <= available && smallest.sections.count > 1; pairs++) {
    const sections = fitMagnitude(network.numerator, network.denominator, { sampleRateHz: baseRateHz, cancelledPairs: pairs });
    const design = measured(network, baseRateHz, 1, 'fitted', sections);
    if (design === null || design.errorDb > NETWORK_TOLERANCE_DB) break;
    if (design.sections.count < smallest.sections.count) smallest = design;
  }
  return smallest;
}

function fitAt(network: Network, baseRateHz: number, extraOrder: number): BiquadSections | null {
  return fitMagnitude(network.numerator, network.denominator, { sampleRateHz: baseRateHz, extraOrder });
}

function measured(network: Network, baseRateHz: number, factor: NetworkFactor, method: NetworkDesign['method'], sections: BiquadSections | null): NetworkDesign | null {
  if (sections === null) return null;
  return { factor, method, sections, errorDb: networkErrorDb(network, sections, baseRateHz * factor) };
}
