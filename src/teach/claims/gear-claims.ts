/**
 * "An amp adds no noise" and "a splitter lowers the quality", judged with the figures of the
 * listener's own gear (headroom/report@3): the hiss at the headphone against the threshold of
 * hearing, and the crosstalk through shared returns (docs/model.md 14.3 and 14.4).
 */
import { buildReport } from '../../model/report.ts';
import { withSetupFormat, type Setup } from '../../model/setup.ts';
import { alone, AUDIBLE_SPREAD_DB, catalogAmp, catalogHeadphone, catalogSource, chain, dbText, maxOf, NOTICEABLE_LEVEL_DB, num, pairOf, referenceSplitter, responseSpreadDb, withAmp, withListeners } from './shared.ts';
import type { Claim, ClaimEvaluation, Verdict } from './types.ts';

/** The amp that stands in when the setup's amp states no noise (or there is none): its dynamic range is the maker's 114 dB(A). */
const NOISY_REFERENCE_AMP = 'ifi-zen-air-can';

/**
 * Crosstalk above this narrows the stereo image (the checker's choice, docs/teaching.md): a good
 * phono cartridge separates its channels by only 20–30 dB at 1 kHz and is heard as full stereo.
 */
export const AUDIBLE_CROSSTALK_DB = -25;

const v3 = (setup: Setup): Setup => withSetupFormat(setup);

export const ampAddsNoNoise: Claim = {
  id: 'amp-adds-no-noise',
  text: 'A headphone amp operates without adding any noise.',
  circulates: 'Amp product pages and buying guides ("less distortion and noise").',
  evaluate(setup: Setup): ClaimEvaluation {
    const amp = setup.amp?.noise ? setup.amp : catalogAmp(NOISY_REFERENCE_AMP);
    const withIt = buildReport(v3(withAmp(setup, amp))).headphones;
    const without = buildReport(v3(withAmp(setup, null))).headphones;
    // The listener whose hiss with the amp is loudest against the threshold decides.
    const above = withIt.map((h) => h.hissAboveThresholdDb ?? -Infinity);
    const worst = above.indexOf(maxOf(above));
    const hissWith = withIt[worst]!.hissDbSplA!;
    const aboveWith = above[worst]!;
    const hissWithout = without[worst]!.hissDbSplA;
    const addedDb = hissWithout === null ? null : hissWith - hissWithout;
    const verdict: Verdict = aboveWith < 0 ? 'true' : addedDb === null || addedDb >= NOTICEABLE_LEVEL_DB ? 'false' : 'depends';
    const ampWords = `${setup.amp?.noise ? 'its' : 'an added'} ${amp.name}`;
    const level = `${num(hissWith)} dB SPL(A), ${num(Math.abs(aboveWith))} dB ${aboveWith >= 0 ? 'above' : 'below'} the threshold of hearing`;
    const source = hissWithout === null ? 'the source states no noise' : `the source alone gives ${num(hissWithout)} dB SPL(A)`;
    const here =
      verdict === 'true'
        ? `Here the hiss with ${ampWords} is ${level}: it adds noise, but none you can hear in a quiet room.`
        : verdict === 'false'
          ? `Here ${ampWords} brings the hiss to ${level} (${source}): it adds audible noise.`
          : `Here the hiss with ${ampWords} is ${level}, but ${source}: the amp adds less than ${num(NOTICEABLE_LEVEL_DB, 0)} dB; the hiss is the source's.`;
    return {
      verdict,
      when: `Every amp adds some noise; the question is whether you hear it. True when the hiss with the amp stays below the threshold of hearing in a quiet room; false when it is audible and the amp raises it by ${num(NOTICEABLE_LEVEL_DB, 0)} dB or more; it depends when the hiss is audible but comes from the source. Sensitive in-ears hear it first: hiss in dB SPL(A) is the noise voltage times the headphone's sensitivity.${setup.amp?.noise ? '' : ` The setup's amp states no noise, so the ${amp.name} stands in (114 dB(A) dynamic range, its maker's figure).`}`,
      here,
      numbers: [
        { label: 'Hiss with the amp', value: hissWith, unit: 'dB SPL(A)' },
        { label: 'Above the threshold of hearing', value: aboveWith, unit: 'dB' },
        ...(hissWithout === null ? [] : [{ label: 'Hiss without the amp', value: hissWithout, unit: 'dB SPL(A)' }]),
      ],
    };
  },
  demonstrations: [
    {
      label: 'RME IEM output → Shure SE846, then through an iFi ZEN Air CAN (+18 dB)',
      pair: pairOf(
        v3(chain(-10, catalogSource('rme-adi-2-dac-iem', -32), {}, [catalogHeadphone('shure-se846')])),
        v3(chain(-10, catalogSource('rme-adi-2-dac-iem', -50), { amp: catalogAmp(NOISY_REFERENCE_AMP) }, [catalogHeadphone('shure-se846')])),
      ),
    },
    {
      label: 'RME IEM output → Sennheiser HD 600, then through the same amp',
      pair: pairOf(
        v3(chain(-10, catalogSource('rme-adi-2-dac-iem', 0), {}, [catalogHeadphone('sennheiser-hd-600')])),
        v3(chain(-10, catalogSource('rme-adi-2-dac-iem', -18), { amp: catalogAmp(NOISY_REFERENCE_AMP) }, [catalogHeadphone('sennheiser-hd-600')])),
      ),
    },
  ],
};

export const splitterLowersQuality: Claim = {
  id: 'splitter-lowers-quality',
  text: 'A headphone splitter lowers the sound quality.',
  circulates: 'Forum answers and splitter reviews.',
  evaluate(setup: Setup): ClaimEvaluation {
    const shared = setup.headphones.length > 1 ? setup : withListeners(setup, [setup.headphones[0]!, setup.headphones[0]!], setup.splitter ?? referenceSplitter());
    const split = v3(shared);
    const listeners = split.headphones.map((_, i) => i);
    const report = buildReport(split).headphones;
    const spreadAdded = listeners.map((i) => responseSpreadDb(split, i) - responseSpreadDb(v3(alone(split, i)), 0));
    const worst = spreadAdded.indexOf(maxOf(spreadAdded));
    const crosstalks = report.map((h) => h.crosstalkDb).filter((v) => v !== null);
    const crosstalk = crosstalks.length > 0 ? maxOf(crosstalks) : null;
    const colours = spreadAdded[worst]! >= AUDIBLE_SPREAD_DB;
    const leaks = crosstalk !== null && crosstalk > AUDIBLE_CROSSTALK_DB;
    const verdict: Verdict = colours || leaks ? 'true' : 'false';
    const leak = crosstalk === null ? 'no return is shared, so nothing leaks' : `the worst crosstalk is ${dbText(crosstalk)} at 1 kHz`;
    const here = `Here sharing the output ${colours ? 'colours' : 'does not audibly colour'} the response (${dbText(spreadAdded[worst]!, 2)} of spread against listening alone) and ${leak}${leaks ? ', enough to narrow the stereo image' : ''}. The level it costs is a volume question, not quality.`;
    return {
      verdict,
      when: `True when the splitter adds ${num(AUDIBLE_SPREAD_DB)} dB or more of response spread (a high output impedance seeing a lower, reactive load) or its shared return leaks more than ${num(AUDIBLE_CROSSTALK_DB, 0)} dB between the channels; false when the output is low-impedance and the returns are thin: then each listener hears what they would alone, a little quieter. A splitter's wires add no hiss of their own.`,
      here,
      numbers: [
        { label: 'Response spread added (worst listener)', value: spreadAdded[worst]!, unit: 'dB' },
        ...(crosstalk === null ? [] : [{ label: 'Crosstalk at 1 kHz (worst listener)', value: crosstalk, unit: 'dB' }]),
      ],
    };
  },
  demonstrations: [
    {
      label: 'Phone → Y splitter → two HD 600, then two HD 650 on the 120 Ω IEC output',
      pair: pairOf(
        chain(-10, catalogSource('iphone-6-jack', 0), { splitter: referenceSplitter() }, [catalogHeadphone('sennheiser-hd-600'), catalogHeadphone('sennheiser-hd-600')]),
        chain(-10, catalogSource('iec-61938-reference', -20), { splitter: referenceSplitter() }, [catalogHeadphone('sennheiser-hd-650'), catalogHeadphone('sennheiser-hd-650')]),
      ),
    },
    {
      // 0.5 Ω: an assumed thin common leg (a cheap moulded Y), to hear what a shared return does.
      label: 'Phone → two Shure SE846 on the Y splitter, then on a Y with a thin 0.5 Ω common leg',
      pair: pairOf(
        chain(-10, catalogSource('iphone-6-jack', -20), { splitter: referenceSplitter() }, [catalogHeadphone('shure-se846'), catalogHeadphone('shure-se846')]),
        v3(chain(-10, catalogSource('iphone-6-jack', -20), { splitter: { ...referenceSplitter(), groundResistanceOhms: 0.5 } }, [catalogHeadphone('shure-se846'), catalogHeadphone('shure-se846')])),
      ),
    },
  ],
};
