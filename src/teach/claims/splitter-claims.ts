/**
 * "A splitter halves the volume" and "an amp fixes splitter loss": what a second listener on
 * the same output costs, and what an amp's low output impedance does about it.
 */
import { impedanceMagnitudeAt1kHz } from '../../model/acoustics.ts';
import type { Setup } from '../../model/setup.ts';
import { dbToVoltageRatio } from '../../model/units.ts';
import {
  HALF_POWER_DB,
  MAX_OUTPUT_OHMS,
  NOTICEABLE_LEVEL_DB,
  TARGET_SPL_DB,
  bisect,
  catalogAmp,
  catalogHeadphone,
  catalogSource,
  catalogSplitter,
  chain,
  dbText,
  drivingOutputOhms,
  drivingStageName,
  levelChangeDb,
  loudestCleanSplDb,
  minOf,
  num,
  ohmsText,
  pairOf,
  presetSetup,
  referenceAmp,
  referenceSplitter,
  withAmp,
  withDrivingOutputOhms,
  withListeners,
} from './shared.ts';
import type { Claim, ClaimEvaluation, ClaimOptions, Verdict } from './types.ts';

/** Listener 1 with a second, equal listener on the same output (the setup's splitter, or a passive Y). */
export function withSecondEqualListener(setup: Setup): Setup {
  const headphone = setup.headphones[0]!;
  return withListeners(setup, [headphone, headphone], setup.splitter ?? referenceSplitter());
}

/** Level change of listener 1 when a second equal listener joins (dB, ≤ 0). */
export function secondListenerDropDb(setup: Setup): number {
  return levelChangeDb(withSecondEqualListener(setup), 0);
}

/**
 * The output impedance of the driving stage (amp, else source) at which the second listener
 * costs `dropDb` (negative), by bisection over 0 … 100 kΩ; null when no impedance does
 * (independent amp outputs: each jack has its own stage).
 */
export function outputOhmsForDrop(setup: Setup, dropDb: number): number | null {
  return bisect((ohms) => secondListenerDropDb(withDrivingOutputOhms(setup, ohms)), dropDb, 0, MAX_OUTPUT_OHMS);
}

const SONE_DB = 10; // +10 dB is about twice as loud (Stevens' sone scale)

export const splitterHalvesVolume: Claim = {
  id: 'splitter-halves-volume',
  text: 'A splitter halves the volume.',
  circulates: 'Forum answers and shopping Q&A about sharing one phone or laptop between two listeners.',
  evaluate(setup: Setup): ClaimEvaluation {
    const headphone = setup.headphones[0]!;
    const drop = secondListenerDropDb(setup);
    const voltageRatio = dbToVoltageRatio(drop);
    const halfPowerOhms = outputOhmsForDrop(setup, HALF_POWER_DB);
    const noticeableOhms = outputOhmsForDrop(setup, -NOTICEABLE_LEVEL_DB);
    const zOut = drivingOutputOhms(setup);
    const independent = setup.amp?.outputs === 'independent';

    const verdict: Verdict = drop <= HALF_POWER_DB ? 'true' : drop > -NOTICEABLE_LEVEL_DB ? 'false' : 'depends';
    const when =
      halfPowerOhms === null
        ? `False on independent outputs: each jack has its own output stage, so a second listener costs only the splitter cable's share. (On a shared output, half the power, ${dbText(HALF_POWER_DB, 2)}, is lost only from a high output impedance; half the voltage, −6.02 dB, only from a current source.)`
        : `True — half the power (${dbText(HALF_POWER_DB, 2)}) or worse — when the output impedance driving the splitter is above ${ohmsText(halfPowerOhms)} for this ${num(impedanceMagnitudeAt1kHz(headphone), 0)} Ω headphone; a noticeable drop (over ${num(NOTICEABLE_LEVEL_DB, 0)} dB) above ${ohmsText(noticeableOhms ?? 0)}; false below that. The extremes: 0 dB from a 0 Ω source, −6.02 dB (half the voltage) from a current source. Half as loud (−10 dB) is never reached by two listeners.`;
    const here = `Here a second ${headphone.name} on ${drivingStageName(setup)} (${ohmsText(zOut)}${independent ? ', independent outputs' : ''}) changes the first listener's level by ${dbText(drop, 2)}: ${num(voltageRatio, 3)}× the voltage, ${num(voltageRatio ** 2, 3)}× the power, about ${num(2 ** (drop / SONE_DB), 2)}× as loud.`;
    return {
      verdict,
      when,
      here,
      numbers: [
        { label: 'Level change of listener 1', value: drop, unit: 'dB' },
        { label: 'Voltage ratio', value: voltageRatio, unit: '×' },
        { label: 'Power ratio', value: voltageRatio ** 2, unit: '×' },
        { label: 'Loudness ratio, 2^(ΔL/10)', value: 2 ** (drop / SONE_DB), unit: '×' },
        { label: 'Output impedance driving the splitter', value: zOut, unit: 'Ω' },
        ...(halfPowerOhms === null ? [] : [{ label: 'Output impedance for half the power', value: halfPowerOhms, unit: 'Ω' }]),
      ],
    };
  },
  demonstrations: [
    {
      label: 'Laptop (1.25 Ω) → one ATH-M50x, then two on a Y splitter: about −0.3 dB',
      pair: pairOf(presetSetup('laptop-m50x-alone'), presetSetup('laptop-splitter-two-m50x')),
    },
    {
      label: '120 Ω output → one HD 600, then two: about −2 dB',
      pair: pairOf(
        chain(-10, catalogSource('iec-61938-reference', -12), {}, [catalogHeadphone('sennheiser-hd-600')]),
        chain(-10, catalogSource('iec-61938-reference', -12), { splitter: catalogSplitter('passive-y-splitter-3-5mm') }, [
          catalogHeadphone('sennheiser-hd-600'),
          catalogHeadphone('sennheiser-hd-600'),
        ]),
      ),
    },
    {
      label: '120 Ω output → one AKG K240, then two: more than half the power lost',
      pair: pairOf(
        chain(-10, catalogSource('iec-61938-reference', -20), {}, [catalogHeadphone('akg-k240-studio')]),
        chain(-10, catalogSource('iec-61938-reference', -20), { splitter: catalogSplitter('passive-y-splitter-3-5mm') }, [
          catalogHeadphone('akg-k240-studio'),
          catalogHeadphone('akg-k240-studio'),
        ]),
      ),
    },
  ],
};

/** The listeners on the splitter: the setup's own when it has a splitter and two or more, else two of listener 1. */
function sharedListeners(setup: Setup): Setup {
  if (setup.splitter && setup.headphones.length >= 2) return withListeners(setup, setup.headphones, setup.splitter);
  return withSecondEqualListener(setup);
}

export const ampFixesSplitterLoss: Claim = {
  id: 'amp-fixes-splitter-loss',
  text: 'An amp fixes splitter loss.',
  circulates: 'Forum advice and headphone-amp product pages ("drive several headphones at once").',
  evaluate(setup: Setup, options?: ClaimOptions): ClaimEvaluation {
    const target = options?.targetSplDb ?? TARGET_SPL_DB;
    const shared = sharedListeners(setup);
    const amp = setup.amp ?? referenceAmp();
    const withoutAmp = withAmp(shared, null);
    const withIt = withAmp(shared, amp);
    const listeners = shared.headphones.map((_, i) => i);
    const lossWithout = minOf(listeners.map((i) => levelChangeDb(withoutAmp, i)));
    const lossWith = minOf(listeners.map((i) => levelChangeDb(withIt, i)));
    const loudWith = minOf(listeners.map((i) => loudestCleanSplDb(withIt, i)));
    const n = shared.headphones.length;
    const ampWords = `${setup.amp ? 'its' : 'an added'} ${amp.name}`;

    let verdict: Verdict;
    let here: string;
    if (lossWithout > -NOTICEABLE_LEVEL_DB) {
      verdict = 'false';
      here = `Nothing to fix here: ${n} listeners on ${setup.source.name} (${ohmsText(setup.source.outputImpedanceOhms)}) lose only ${dbText(lossWithout, 2)}; with ${ampWords} they lose ${dbText(lossWith, 2)}. The amp adds gain, which is not the same thing.`;
    } else if (lossWith > -NOTICEABLE_LEVEL_DB && loudWith >= target) {
      verdict = 'true';
      here = `${n} listeners on ${setup.source.name} (${ohmsText(setup.source.outputImpedanceOhms)}) lose ${dbText(lossWithout, 2)} each; with ${ampWords} they lose ${dbText(lossWith, 2)}, and still reach ${num(loudWith)} dB SPL clean.`;
    } else if (lossWith > -NOTICEABLE_LEVEL_DB) {
      verdict = 'depends';
      here = `${ampWords[0]!.toUpperCase()}${ampWords.slice(1)} removes the loss (${dbText(lossWithout, 2)} → ${dbText(lossWith, 2)}), but ${n} listeners share its current: the loudest clean level is ${num(loudWith)} dB SPL, below ${num(target, 0)} dB SPL.`;
    } else {
      verdict = 'false';
      here = `With ${ampWords} the listeners still lose ${dbText(lossWith, 2)} (without: ${dbText(lossWithout, 2)}): its ${ohmsText(amp.outputImpedanceOhms)} output is not low enough for ${n} in parallel.`;
    }
    return {
      verdict,
      when: `True when the source's output impedance is what costs the level (a noticeable loss, over ${num(NOTICEABLE_LEVEL_DB, 0)} dB, without the amp) and the amp's output impedance is far below the listeners in parallel, with current enough for all of them to reach ${num(target, 0)} dB SPL; false when there is no loss to fix (a low-impedance source already holds its voltage) or the amp's output impedance is itself high. An amp with independent outputs (a distribution amp) removes the sharing altogether.`,
      here,
      numbers: [
        { label: 'Listeners on the splitter', value: n, unit: '' },
        { label: 'Level change without the amp', value: lossWithout, unit: 'dB' },
        { label: 'Level change with the amp', value: lossWith, unit: 'dB' },
        { label: 'Loudest clean level with the amp', value: loudWith, unit: 'dB SPL' },
        { label: 'Source output impedance', value: setup.source.outputImpedanceOhms, unit: 'Ω' },
        { label: 'Amp output impedance', value: amp.outputImpedanceOhms, unit: 'Ω' },
      ],
    };
  },
  demonstrations: [
    {
      label: '120 Ω output → Y splitter → two AKG K240, then through a Magni 2',
      pair: pairOf(
        chain(-10, catalogSource('iec-61938-reference', -20), { splitter: catalogSplitter('passive-y-splitter-3-5mm') }, [
          catalogHeadphone('akg-k240-studio'),
          catalogHeadphone('akg-k240-studio'),
        ]),
        chain(-10, catalogSource('iec-61938-reference', -30), { amp: catalogAmp('schiit-magni-2'), splitter: catalogSplitter('passive-y-splitter-3-5mm') }, [
          catalogHeadphone('akg-k240-studio'),
          catalogHeadphone('akg-k240-studio'),
        ]),
      ),
    },
    {
      label: 'Laptop → Y splitter → two ATH-M50x, then through a Magni 2: nothing to fix',
      pair: pairOf(
        presetSetup('laptop-splitter-two-m50x'),
        chain(-10, catalogSource('macbook-air-2024-low-z', -15.56), { amp: catalogAmp('schiit-magni-2'), splitter: catalogSplitter('passive-y-splitter-3-5mm') }, [
          catalogHeadphone('audio-technica-ath-m50x'),
          catalogHeadphone('audio-technica-ath-m50x'),
        ]),
      ),
    },
  ],
};
