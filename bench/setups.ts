/**
 * The chains the benchmarks and the browser loading test run, built from catalog parts.
 *
 * - benchSetup: phone → Schiit Magni 2 → passive Y splitter → Sennheiser HD 650 + beyerdynamic
 *   DT 990 PRO 250 Ω. Every stage is present (source, amp, splitter) and both listeners have a
 *   NETWORK impedance (voice coil + motional branch), so the splitter runs its richest filters.
 * - abSetups: the A/B pair the app plays from one source: A = benchSetup, B = the same chain
 *   without the amp (the amp-or-not question the A/B view exists for).
 * - aliasSetup: the amp driven 20 dB past its rail by a 5 kHz sine (see aliasDrive).
 */
import { amps, headphones, sources, splitters } from '../src/model/catalog/index.ts';
import type { Plan } from '../src/model/compile.ts';
import { SETUP_FORMAT, type Setup } from '../src/model/setup.ts';

function part<T extends { readonly id: string; readonly part: object }>(list: readonly T[], id: string): T['part'] {
  const entry = list.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`catalog has no "${id}"`);
  return structuredClone(entry.part);
}

export function benchSetup(): Setup {
  return {
    format: SETUP_FORMAT,
    signal: { levelDbfs: -10 },
    source: part(sources, 'iphone-6-jack'),
    amp: part(amps, 'schiit-magni-2'),
    splitter: part(splitters, 'passive-y-splitter-3-5mm'),
    headphones: [part(headphones, 'sennheiser-hd-650'), part(headphones, 'beyerdynamic-dt-990-pro-250')],
  };
}

export function abSetups(): [Setup, Setup] {
  return [benchSetup(), { ...benchSetup(), amp: null }];
}

/** Peak of the input sine (digital full scale = 1) for the alias measurement: well inside the source's rail. */
export const ALIAS_INPUT_PEAK = 0.5;
/** How far past the amp's clipping point the alias measurement drives it. */
export const ALIAS_OVERDRIVE_DB = 20;

/**
 * Phone → Magni 2 → one HD 600 (a resistive 300 Ω load: a flat network, so every spectral
 * line at the output comes from the clipper). No phone reaches the Magni's 12.5 V rail
 * ×10 through 6× gain, so the amp's gain is raised until a sine of ALIAS_INPUT_PEAK puts its
 * EMF exactly ALIAS_OVERDRIVE_DB over its clip threshold (rail and network stay the real ones).
 */
export function aliasSetup(ampGainDb: number): Setup {
  const amp = { ...part(amps, 'schiit-magni-2'), gainDb: ampGainDb };
  return {
    format: SETUP_FORMAT,
    signal: { levelDbfs: 20 * Math.log10(ALIAS_INPUT_PEAK) },
    source: part(sources, 'iphone-6-jack'),
    amp,
    splitter: null,
    headphones: [part(headphones, 'sennheiser-hd-600')],
  };
}

/** The amp gain (dB) that puts the amp's EMF ALIAS_OVERDRIVE_DB past its threshold, given a trial plan. */
export function aliasAmpGainDb(trial: Plan, inputGainAtToneHz: number): number {
  const amp = trial.amp;
  if (!amp) throw new Error('alias plan has no amp');
  const volts = ALIAS_INPUT_PEAK * trial.source.voltsPerFullScale * inputGainAtToneHz;
  const needed = (amp.clipPeakVolts * 10 ** (ALIAS_OVERDRIVE_DB / 20)) / volts;
  return 20 * Math.log10(needed);
}

/** |N(jω)/D(jω)| for coefficients in ascending powers of s. */
export function magnitudeAt(numerator: readonly number[], denominator: readonly number[], hz: number): number {
  const w = 2 * Math.PI * hz;
  const evaluate = (c: readonly number[]) => {
    let re = 0;
    let im = 0;
    // Horner in jω: (re + j·im)·jω + c_k
    for (let k = c.length - 1; k >= 0; k--) [re, im] = [-im * w + c[k]!, re * w];
    return Math.hypot(re, im);
  };
  return evaluate(numerator) / evaluate(denominator);
}
