/**
 * "A headphone amp always improves sound quality" and "an underpowered amp causes dropouts and
 * distortion": what an amp changes that a listener can hear at the same loudness (the
 * response's flatness, the clean maximum), and what running out of power does (clipping).
 */
import { chainLimits, firstLimit, maxCleanSignalDbfs } from '../../model/clipping.ts';
import type { Setup } from '../../model/setup.ts';
import {
  AUDIBLE_SPREAD_DB,
  NOTICEABLE_LEVEL_DB,
  TARGET_SPL_DB,
  catalogAmp,
  catalogHeadphone,
  catalogSource,
  chain,
  loudestCleanSplDb,
  maxOf,
  minOf,
  num,
  pairOf,
  presetSetup,
  referenceAmp,
  responseSpreadDb,
  withAmp,
} from './shared.ts';
import type { Claim, ClaimEvaluation, ClaimOptions, Verdict } from './types.ts';

export const ampAlwaysImproves: Claim = {
  id: 'amp-always-improves',
  text: 'A headphone amp always improves sound quality.',
  circulates: 'Buying guides, amp product pages and forum signatures.',
  evaluate(setup: Setup, options?: ClaimOptions): ClaimEvaluation {
    const target = options?.targetSplDb ?? TARGET_SPL_DB;
    const amp = setup.amp ?? referenceAmp();
    const without = withAmp(setup, null);
    const withIt = withAmp(setup, amp);
    const listeners = setup.headphones.map((_, i) => i);
    const spreadWithout = maxOf(listeners.map((i) => responseSpreadDb(without, i)));
    const spreadWith = maxOf(listeners.map((i) => responseSpreadDb(withIt, i)));
    const loudWithout = minOf(listeners.map((i) => loudestCleanSplDb(without, i)));
    const loudWith = minOf(listeners.map((i) => loudestCleanSplDb(withIt, i)));

    const flatter = spreadWithout - spreadWith >= AUDIBLE_SPREAD_DB;
    const lessFlat = spreadWith - spreadWithout >= AUDIBLE_SPREAD_DB;
    const louderClean = loudWithout < target && loudWith - loudWithout >= NOTICEABLE_LEVEL_DB;
    const quieterClean = loudWith < target && loudWithout - loudWith >= NOTICEABLE_LEVEL_DB;
    const improves = flatter || louderClean;
    const worsens = lessFlat || quieterClean;
    const verdict: Verdict = improves && worsens ? 'depends' : improves ? 'true' : 'false';

    const ampWords = `${setup.amp ? 'its' : 'an added'} ${amp.name}`;
    const gains: string[] = [];
    if (flatter) gains.push(`flattens the response from a ${num(spreadWithout, 2)} dB to a ${num(spreadWith, 2)} dB spread`);
    if (louderClean) gains.push(`raises the loudest clean level from ${num(loudWithout)} to ${num(loudWith)} dB SPL`);
    const losses: string[] = [];
    if (lessFlat) losses.push(`colours the response more (${num(spreadWithout, 2)} → ${num(spreadWith, 2)} dB spread)`);
    if (quieterClean) losses.push(`clips earlier (${num(loudWithout)} → ${num(loudWith)} dB SPL clean)`);
    const here =
      gains.length + losses.length === 0
        ? `Here ${ampWords} changes nothing audible at the same loudness: the response spread stays ${num(spreadWithout, 2)} → ${num(spreadWith, 2)} dB and the source alone already reaches ${num(loudWithout)} dB SPL clean. It only adds gain, as the volume control would.`
        : `Here ${ampWords} ${[...gains, ...losses].join(' and ')}.`;
    return {
      verdict,
      when: `True when the source colours the response (its output impedance above about 1/8 of the headphone's lowest impedance: the spread shrinks by ${num(AUDIBLE_SPREAD_DB)} dB or more with the amp) or cannot play a full-scale sine at ${num(target, 0)} dB SPL cleanly; false when the source already has a low output impedance and enough voltage and current: then the amp adds only gain, which the volume control gives as well. Noise and distortion below clipping are not modelled.`,
      here,
      numbers: [
        { label: 'Response spread without the amp', value: spreadWithout, unit: 'dB' },
        { label: 'Response spread with the amp', value: spreadWith, unit: 'dB' },
        { label: 'Loudest clean level without the amp', value: loudWithout, unit: 'dB SPL' },
        { label: 'Loudest clean level with the amp', value: loudWith, unit: 'dB SPL' },
        { label: 'Source output impedance', value: setup.source.outputImpedanceOhms, unit: 'Ω' },
        { label: 'Amp output impedance', value: amp.outputImpedanceOhms, unit: 'Ω' },
      ],
    };
  },
  demonstrations: [
    {
      label: '120 Ω output → Etymotic hf5, then through a JDS Labs Element (0.1 Ω)',
      pair: pairOf(
        presetSetup('iec-120-ohm-hf5'),
        chain(-10, catalogSource('iec-61938-reference', -43), { amp: catalogAmp('jds-labs-element') }, [catalogHeadphone('etymotic-hf5')]),
      ),
    },
    {
      label: 'Weak phone → 600 Ω DT 880, then through an Objective2',
      pair: pairOf(presetSetup('nexus-5x-dt880-600'), presetSetup('nexus-5x-amp-dt880-600')),
    },
    {
      label: 'Laptop → ATH-M50x, then through a Magni 2 at the same loudness: no gain',
      pair: pairOf(
        presetSetup('laptop-m50x-alone'),
        chain(-10, catalogSource('macbook-air-2024-low-z', -15.56), { amp: catalogAmp('schiit-magni-2') }, [catalogHeadphone('audio-technica-ath-m50x')]),
      ),
    },
  ],
};

export const underpoweredDropouts: Claim = {
  id: 'underpowered-dropouts-distortion',
  text: 'An underpowered amp causes dropouts and distortion.',
  circulates: 'Forum troubleshooting threads and amp marketing ("never starve your headphones").',
  evaluate(setup: Setup): ClaimEvaluation {
    const limits = chainLimits(setup);
    const level = setup.signal.levelDbfs;
    const listeners = setup.headphones.map((_, i) => i);
    const headrooms = listeners.map((i) => maxCleanSignalDbfs(limits, i) - level);
    const worst = minOf(headrooms);
    const worstListener = headrooms.indexOf(worst);
    const limit = firstLimit(limits, worstListener);
    const stage = limit ? (limit.stage === 'amp' ? (setup.amp?.name ?? 'the amp') : setup.source.name) : null;
    const what = limit ? (limit.limitedBy === 'rail' ? 'voltage rail' : 'current limit') : null;
    const verdict: Verdict = worst < 0 ? 'depends' : 'false';
    const here =
      worst < 0
        ? `Here the signal (${num(level)} dBFS) is ${num(-worst)} dB past the ${what} of ${stage}, reached at ${num(limit!.atSignalDbfs)} dBFS: the peaks are cut off, which is distortion. The sound does not stop: no dropouts.`
        : limit
          ? `Here the chain is clean with ${num(worst)} dB of headroom; the ${what} of ${stage} is reached at ${num(limit.atSignalDbfs)} dBFS. Below it there is no distortion (in the model) and never a dropout.`
          : `Here no limit is reached up to full scale (${num(worst)} dB of headroom at ${num(level)} dBFS): an amp short of voltage for these headphones is simply quiet, not distorted, and never drops out.`;
    return {
      verdict,
      when: 'Half true at best. Distortion: true exactly when the signal rises past the chain\'s first limit (a voltage rail or a current limit): the tops of the wave are cut off, adding harmonics, and the headroom goes negative. Dropouts: false: running out of voltage or current flattens the peaks but never stops the sound. Dropouts come from elsewhere (Bluetooth, USB, buffer underruns, a protection circuit). Below its limit an underpowered amp is only quiet; turning it up is what makes it clip.',
      here,
      numbers: [
        { label: 'Headroom (worst listener)', value: worst, unit: 'dB' },
        { label: 'Signal level', value: level, unit: 'dBFS' },
        ...(limit ? [{ label: 'First limit reached at', value: limit.atSignalDbfs, unit: 'dBFS' }] : []),
      ],
    };
  },
  demonstrations: [
    {
      label: 'Phone → four AKG K371 at full scale (clips), then through a Magni 2 at the same loudness',
      pair: pairOf(
        { ...presetSetup('phone-four-k371-splitter'), signal: { levelDbfs: 0 } },
        chain(0, catalogSource('iphone-6-jack', -15.56), { amp: catalogAmp('schiit-magni-2'), splitter: presetSetup('phone-four-k371-splitter').splitter! }, [
          catalogHeadphone('akg-k371'),
          catalogHeadphone('akg-k371'),
          catalogHeadphone('akg-k371'),
          catalogHeadphone('akg-k371'),
        ]),
      ),
    },
    {
      label: 'Weak phone → 600 Ω DT 880 at full scale: quiet, not distorted',
      pair: pairOf(
        { ...presetSetup('nexus-5x-dt880-600'), signal: { levelDbfs: 0 } },
        { ...presetSetup('nexus-5x-amp-dt880-600'), signal: { levelDbfs: 0 } },
      ),
    },
  ],
};
