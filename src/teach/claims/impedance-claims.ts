/**
 * Claims about headphone impedance: "higher-impedance headphones sound better",
 * "low-impedance headphones are low quality", "you need an amp above N Ω". The model knows no
 * "quality" of a headphone: impedance matters only through the divider with the output
 * impedance (response, level) and through how much voltage or current a level needs.
 */
import { impedanceMagnitudeAt1kHz, sensitivityDbPerVolt } from '../../model/acoustics.ts';
import { chainLimits, firstLimit } from '../../model/clipping.ts';
import type { Headphone, Setup } from '../../model/setup.ts';
import {
  AUDIBLE_SPREAD_DB,
  DEFAULT_THRESHOLD_OHMS,
  HIGH_IMPEDANCE_OHMS,
  TARGET_SPL_DB,
  VERSION_RATIO,
  alone,
  atFullVolume,
  catalogHeadphone,
  catalogHeadphoneParts,
  catalogSource,
  chain,
  drivingOutputOhms,
  drivingStageName,
  loudestCleanSplDb,
  num,
  ohmsText,
  pairOf,
  presetSetup,
  responseSpreadDb,
  impedanceVersion,
  withListeners,
} from './shared.ts';
import type { Claim, ClaimEvaluation, ClaimOptions, Verdict } from './types.ts';

/** Listener 1's headphone in a low- and a high-impedance version (one of them is the headphone itself). */
export function impedanceVersions(headphone: Headphone): { low: Headphone; high: Headphone } {
  const isHigh = impedanceMagnitudeAt1kHz(headphone) >= HIGH_IMPEDANCE_OHMS;
  return isHigh
    ? { low: impedanceVersion(headphone, 1 / VERSION_RATIO), high: headphone }
    : { low: headphone, high: impedanceVersion(headphone, VERSION_RATIO) };
}

interface OnChain {
  headphone: Headphone;
  ohms: number;
  spreadDb: number;
  loudestDb: number;
  currentLimited: boolean;
}

/** One headphone alone on this setup's chain (source, amp; no splitter). */
function onChain(setup: Setup, headphone: Headphone): OnChain {
  const single = withListeners(alone(setup, 0), [headphone], null);
  const limit = firstLimit(chainLimits(atFullVolume(single)), 0);
  return {
    headphone,
    ohms: impedanceMagnitudeAt1kHz(headphone),
    spreadDb: responseSpreadDb(single, 0),
    loudestDb: loudestCleanSplDb(single, 0),
    currentLimited: limit?.limitedBy === 'current',
  };
}

export const higherImpedanceSoundsBetter: Claim = {
  id: 'higher-impedance-sounds-better',
  text: 'Higher-impedance headphones sound better.',
  circulates: 'Forum lore and studio-headphone marketing (the 250 Ω and 600 Ω "pro" versions).',
  evaluate(setup: Setup, options?: ClaimOptions): ClaimEvaluation {
    const target = options?.targetSplDb ?? TARGET_SPL_DB;
    const versions = impedanceVersions(setup.headphones[0]!);
    const low = onChain(setup, versions.low);
    const high = onChain(setup, versions.high);
    const flatterBy = low.spreadDb - high.spreadDb;
    const zOut = drivingOutputOhms(setup);
    let verdict: Verdict;
    let here: string;
    const pairWords = `a ${num(low.ohms, 0)} Ω and a ${num(high.ohms, 0)} Ω version of the ${setup.headphones[0]!.name} on ${drivingStageName(setup)} (${ohmsText(zOut)})`;
    if (flatterBy < AUDIBLE_SPREAD_DB) {
      verdict = 'false';
      here = `Here ${pairWords} measure the same: response spread ${num(low.spreadDb, 2)} vs ${num(high.spreadDb, 2)} dB. The higher impedance only needs more voltage: loudest clean ${num(low.loudestDb)} vs ${num(high.loudestDb)} dB SPL.`;
    } else if (high.loudestDb >= target) {
      verdict = 'true';
      here = `Here the source's ${ohmsText(zOut)} colours the low-impedance version (spread ${num(low.spreadDb, 2)} dB) more than the high one (${num(high.spreadDb, 2)} dB), and the high one still reaches ${num(high.loudestDb)} dB SPL. That is the source's doing, not the headphone's.`;
    } else {
      verdict = 'depends';
      here = `Here the high-impedance version is flatter (${num(high.spreadDb, 2)} vs ${num(low.spreadDb, 2)} dB spread) but reaches only ${num(high.loudestDb)} dB SPL clean, below ${num(target, 0)} dB SPL.`;
    }
    return {
      verdict,
      when: `True only on a source with a high output impedance (above about 1/8 of the lower version's impedance, here ${ohmsText(low.ohms / 8)}), where a higher impedance is less coloured by it, and only if the source has the voltage to drive it to ${num(target, 0)} dB SPL; false on a low-impedance source, where both versions measure the same. Impedance is not a quality figure: the same driver wound for ${num(low.ohms, 0)} Ω or ${num(high.ohms, 0)} Ω sounds the same from a good source.`,
      here,
      numbers: [
        { label: `Response spread, ${num(low.ohms, 0)} Ω version`, value: low.spreadDb, unit: 'dB' },
        { label: `Response spread, ${num(high.ohms, 0)} Ω version`, value: high.spreadDb, unit: 'dB' },
        { label: `Loudest clean, ${num(low.ohms, 0)} Ω version`, value: low.loudestDb, unit: 'dB SPL' },
        { label: `Loudest clean, ${num(high.ohms, 0)} Ω version`, value: high.loudestDb, unit: 'dB SPL' },
        { label: 'Output impedance driving it', value: zOut, unit: 'Ω' },
      ],
    };
  },
  demonstrations: [
    {
      label: '120 Ω output → 16 Ω Etymotic hf5, then → 300 Ω HD 650',
      pair: pairOf(presetSetup('iec-120-ohm-hf5'), chain(-10, catalogSource('iec-61938-reference', -12), {}, [catalogHeadphone('sennheiser-hd-650')])),
    },
    {
      label: 'Phone → 300 Ω HD 600, then → 38 Ω ATH-M50x',
      pair: pairOf(presetSetup('phone-hd600'), chain(-10, catalogSource('iphone-6-jack'), {}, [catalogHeadphone('audio-technica-ath-m50x')])),
    },
    {
      label: 'Weak phone → 600 Ω DT 880, then → 38 Ω ATH-M50x',
      pair: pairOf(presetSetup('nexus-5x-dt880-600'), chain(-10, catalogSource('nexus-5x-jack'), {}, [catalogHeadphone('audio-technica-ath-m50x')])),
    },
  ],
};

export const lowImpedanceLowQuality: Claim = {
  id: 'low-impedance-low-quality',
  text: 'Low-impedance headphones are low quality.',
  circulates: 'Forum lore ("consumer" 32 Ω vs "studio" 250 Ω) and some retail descriptions.',
  evaluate(setup: Setup, options?: ClaimOptions): ClaimEvaluation {
    const target = options?.targetSplDb ?? TARGET_SPL_DB;
    const low = onChain(setup, impedanceVersions(setup.headphones[0]!).low);
    const zOut = drivingOutputOhms(setup);
    const coloured = low.spreadDb >= AUDIBLE_SPREAD_DB;
    const starved = low.loudestDb < target;
    const verdict: Verdict = coloured || starved ? 'depends' : 'false';
    const isOwn = low.headphone === setup.headphones[0];
    const name = isOwn ? `${low.headphone.name} (${num(low.ohms, 0)} Ω)` : `${low.headphone.name}, the low-impedance counterpart of this setup's headphone,`;
    const problems: string[] = [];
    if (coloured) problems.push(`the ${ohmsText(zOut)} output impedance colours it by ${num(low.spreadDb, 2)} dB`);
    if (starved) problems.push(`it reaches only ${num(low.loudestDb)} dB SPL clean${low.currentLimited ? ' (the current limit)' : ''}`);
    const here =
      problems.length === 0
        ? `Here the ${name} gets a flat response (spread ${num(low.spreadDb, 2)} dB) and ${num(low.loudestDb)} dB SPL clean from ${drivingStageName(setup)}: as good as the chain lets any headphone be.`
        : `Here ${problems.join(' and ')}: a mismatch with ${drivingStageName(setup)}, not a flaw of the ${name}.`;
    return {
      verdict,
      when: `Never true of the headphone itself: impedance is not a quality figure, and the model shows the same flat response from a 0 Ω source at any impedance. What is true: a low impedance asks more of the source, a low output impedance (below 1/8 of it, here ${ohmsText(low.ohms / 8)}) and enough current. On a source that cannot give those the verdict is "depends": the pairing suffers, not the headphone.`,
      here,
      numbers: [
        { label: 'Headphone impedance at 1 kHz', value: low.ohms, unit: 'Ω' },
        { label: 'Output impedance driving it', value: zOut, unit: 'Ω' },
        { label: 'Response spread', value: low.spreadDb, unit: 'dB' },
        { label: 'Loudest clean level', value: low.loudestDb, unit: 'dB SPL' },
      ],
    };
  },
  demonstrations: [
    {
      label: 'Etymotic hf5 (16 Ω) on a 0.1 Ω IEM output, then on a 120 Ω output',
      pair: pairOf(presetSetup('dac-iem-hf5'), presetSetup('iec-120-ohm-hf5')),
    },
    {
      label: 'ATH-M50x (38 Ω) on a laptop, then the HD 600 (300 Ω) on the same laptop',
      pair: pairOf(presetSetup('laptop-m50x-alone'), chain(-10, catalogSource('macbook-air-2024-low-z'), {}, [catalogHeadphone('sennheiser-hd-600')])),
    },
  ],
};

export interface HeadphoneReach {
  name: string;
  ohms: number;
  sensitivityDbPerVolt: number;
  loudestDb: number;
  reaches: boolean;
}

/** Each headphone alone on the setup's source (no amp, no splitter) at full volume. */
export function reachWithoutAmp(setup: Setup, headphones: readonly Headphone[], targetSplDb: number): HeadphoneReach[] {
  const sourceOnly = { ...alone(setup, 0), amp: null };
  return headphones.map((headphone) => {
    const loudestDb = loudestCleanSplDb(withListeners(sourceOnly, [headphone], null), 0);
    return {
      name: headphone.name,
      ohms: impedanceMagnitudeAt1kHz(headphone),
      sensitivityDbPerVolt: sensitivityDbPerVolt(headphone),
      loudestDb,
      reaches: loudestDb >= targetSplDb,
    };
  });
}

export const needAmpAboveOhms: Claim = {
  id: 'need-amp-above-n-ohms',
  text: 'You need an amp above N Ω.',
  circulates: 'Buying guides and forum rules of thumb (N is 80, 100, 150 or 250 Ω, depending on who says it).',
  evaluate(setup: Setup, options?: ClaimOptions): ClaimEvaluation {
    const target = options?.targetSplDb ?? TARGET_SPL_DB;
    const n = options?.thresholdOhms ?? DEFAULT_THRESHOLD_OHMS;
    const reach = reachWithoutAmp(setup, options?.headphones ?? catalogHeadphoneParts(), target);
    const above = reach.filter((r) => r.ohms >= n);
    const below = reach.filter((r) => r.ohms < n);
    const aboveFail = above.filter((r) => !r.reaches);
    const belowFail = below.filter((r) => !r.reaches);
    const source = `${setup.source.name} (${num(setup.source.maxOutputVrms, 2)} V, ${ohmsText(setup.source.outputImpedanceOhms)})`;
    let verdict: Verdict;
    let here: string;
    const names = (list: HeadphoneReach[]) => list.map((r) => `${r.name} (${num(r.ohms, 0)} Ω, ${num(r.sensitivityDbPerVolt)} dB/V)`).join(', ');
    if (above.length > 0 && aboveFail.length === above.length) {
      verdict = 'true';
      here = `On ${source} none of the ${above.length} headphones at or above ${num(n, 0)} Ω reaches ${num(target, 0)} dB SPL clean${belowFail.length > 0 ? `, and neither do ${belowFail.length} below it: ${names(belowFail)}` : ''}.`;
    } else if (aboveFail.length === 0) {
      verdict = 'false';
      here = `${source} drives every one of the ${above.length} headphones at or above ${num(n, 0)} Ω to ${num(target, 0)} dB SPL without an amp.`;
    } else {
      verdict = 'depends';
      const passing = above.filter((r) => r.reaches);
      const highest = passing.reduce((a, b) => (b.ohms > a.ohms ? b : a));
      here = `On ${source}, ${passing.length} of the ${above.length} headphones at or above ${num(n, 0)} Ω reach ${num(target, 0)} dB SPL, among them ${names([highest])}; ${names(aboveFail)} ${aboveFail.length === 1 ? 'does' : 'do'} not. Sensitivity, not impedance alone, decides.`;
    }
    return {
      verdict,
      when: `True for a source that cannot give any headphone at or above ${num(n, 0)} Ω the voltage for ${num(target, 0)} dB SPL; false for one that drives them all. What decides is the voltage a headphone needs, V = 10^((SPL − S)/20) with S its sensitivity in dB/V, against what the source gives; impedance enters only through S (for a dB/mW rating) and the divider.`,
      here,
      numbers: [
        ...above.map((r) => ({ label: `${r.name}, ${num(r.ohms, 0)} Ω, ${num(r.sensitivityDbPerVolt)} dB/V`, value: r.loudestDb, unit: 'dB SPL' })),
        ...belowFail.map((r) => ({ label: `${r.name}, ${num(r.ohms, 0)} Ω (below N), ${num(r.sensitivityDbPerVolt)} dB/V`, value: r.loudestDb, unit: 'dB SPL' })),
      ],
    };
  },
  demonstrations: [
    {
      label: 'Weak phone (0.29 V) → 600 Ω DT 880, then through an Objective2',
      pair: pairOf(presetSetup('nexus-5x-dt880-600'), presetSetup('nexus-5x-amp-dt880-600')),
    },
    {
      label: 'iPhone 6 → 300 Ω HD 600 (loud enough), then → 600 Ω DT 880 (not)',
      pair: pairOf(presetSetup('phone-hd600'), chain(-10, catalogSource('iphone-6-jack'), {}, [catalogHeadphone('beyerdynamic-dt-880-600')])),
    },
    {
      label: 'MacBook Air in its high-impedance mode (3 V) → 600 Ω DT 880: no amp needed',
      pair: pairOf(
        chain(-10, catalogSource('macbook-air-2024-high-z'), {}, [catalogHeadphone('beyerdynamic-dt-880-600')]),
        chain(-10, catalogSource('macbook-air-2024-high-z'), {}, [catalogHeadphone('sennheiser-hd-600')]),
      ),
    },
  ],
};
