/**
 * Lesson 4 — headroom and clipping: an iPhone 6 jack (77 mA peak) feeding four 32 Ω AKG K371
 * through a Y splitter runs out of current; the same phone at lower volume into an amp does not.
 * A limit whose quantity is q at 0 dBFS is reached at 20·log10(limit/q) dBFS (clipping.ts).
 */
import { abs } from '../../model/complex.ts';
import { headroomDb } from '../../model/matching.ts';
import { solveChain } from '../../model/solver.ts';
import type { Setup } from '../../model/setup.ts';
import { REFERENCE_HZ, SQRT2 } from '../../model/units.ts';
import { catalogAmp, catalogHeadphone, catalogSource, catalogSplitter, chain, dbfs, decibels, figure, listenerOf, milliamps, nearest, ohms, plain, report, signedDb, times, volts } from './support.ts';
import type { Lesson, LessonSource } from './types.ts';

const LEVEL_DBFS = -10;
/** A loud sine, 1 dB below full scale: past A's limit, far below B's. 500 Hz leaves room for its harmonics. */
export const CLIPPING_SINE: LessonSource = { sine: { hz: 500, levelDbfs: -1 } };

/** Peak current out of the source at a 0 dBFS sine (mA), from the solver. */
export function sourcePeakCurrentAtFullScaleMa(setup: Setup): number {
  const solution = solveChain({ ...setup, signal: { levelDbfs: 0 } }, REFERENCE_HZ);
  return SQRT2 * abs(solution.source.current) * 1000;
}

export function clippingLesson(): Lesson {
  const element = catalogAmp('jds-labs-element');
  const friends = times(catalogHeadphone('akg-k371'), 4);
  const a = chain(LEVEL_DBFS, catalogSource('iphone-6-jack'), friends, { splitter: catalogSplitter('passive-y-splitter-3-5mm') });
  // The amp's gain, taken back off the phone's volume: the same loudness, now with an amp behind it.
  const b = chain(LEVEL_DBFS, catalogSource('iphone-6-jack', -element.gainDb), times(catalogHeadphone('akg-k371'), 4), {
    amp: element,
    splitter: catalogSplitter('passive-y-splitter-3-5mm'),
  });
  const pair = { a, b };
  const ra = report(a);
  const rb = report(b);
  const la = listenerOf(a);
  const lb = listenerOf(b);
  const limitMa = a.source.maxOutputCurrentMa!;
  const peakMa = sourcePeakCurrentAtFullScaleMa(a);
  const sineDbfs = typeof CLIPPING_SINE === 'object' ? CLIPPING_SINE.sine.levelDbfs : 0;

  const limitChoices = [
    { id: 'rail', text: 'Its voltage: the phone makes only about 1 V' },
    { id: 'current', text: 'Its current: four headphones in parallel are an 8 Ω load' },
    { id: 'none', text: 'Nothing: the K371 are sensitive, so the phone never clips' },
  ];
  const headroomChoices = [
    { id: 'negative', text: 'None: it is already clipping', value: -3 },
    { id: 'five', text: 'About 5 dB', value: 5 },
    { id: 'ten', text: 'About 10 dB', value: 10 },
    { id: 'twenty', text: 'About 20 dB', value: 20 },
  ];

  return {
    id: 'clipping',
    title: 'Headroom and clipping: an underpowered source',
    goal: 'See, hear and measure a source running out of current: flat-topped waves on the oscilloscope, harmonics in the spectrum, and how much headroom is left.',
    steps: [
      {
        kind: 'predict',
        text: `Four friends share an iPhone 6 jack (${volts(a.source.maxOutputVrms)}, ${ohms(a.source.outputImpedanceOhms)}, ${milliamps(limitMa)} peak) through Y splitters, each with an AKG K371 (${ohms(a.headphones[0]!.impedance.nominalOhms!)}, ${a.headphones[0]!.sensitivity.value} ${a.headphones[0]!.sensitivity.unit}). As the music gets louder, what runs out first?`,
        pair,
        choices: limitChoices,
        correct: ra.clipping.limitedBy,
        explanation: `The four headphones in parallel are about 8 Ω. At full scale the phone would have to push ${milliamps(peakMa)} peak, but it can give ${milliamps(limitMa)}: it clips on current at ${dbfs(ra.clipping.atSignalDbfs)}, long before its voltage runs out.`,
      },
      {
        kind: 'listen',
        text: `Listen to A with a 500 Hz sine at ${dbfs(sineDbfs)}, and watch the oscilloscope and the spectrum.`,
        pair,
        hear: { side: 'A', listener: 0 },
        source: CLIPPING_SINE,
        listenFor: `The sine is ${decibels(sineDbfs - ra.clipping.atSignalDbfs)} past the limit: its tops are cut flat on the oscilloscope, and the spectrum grows harmonics at 1.5 kHz, 2.5 kHz, 3.5 kHz… You hear a buzzy, harsher tone.`,
      },
      {
        kind: 'listen',
        text: `Now B: the same phone turned down by ${decibels(element.gainDb, 2)} into a JDS Labs Element (×4.7 gain), the same four listeners, the same sine.`,
        pair,
        hear: { side: 'B', listener: 0 },
        source: CLIPPING_SINE,
        listenFor: `${signedDb(lb.splDb - la.splDb, 1)} (the amp's low output impedance), and a clean round sine with a single line in the spectrum.`,
      },
      {
        kind: 'measure',
        text: `The model’s numbers at a ${dbfs(LEVEL_DBFS)} signal.`,
        pair,
        figures: [
          figure('A: SPL at each listener', la.splDb, 'dB SPL', { side: 'A', listener: 0 }),
          figure('A: clipping starts at', ra.clipping.atSignalDbfs, 'dBFS', { side: 'A' }),
          figure('A: maximum clean SPL', la.maxCleanSplDb, 'dB SPL', { side: 'A', listener: 0 }),
          figure('A: headroom', headroomDb(la), 'dB', { side: 'A', listener: 0 }),
          figure('A: source peak current at full scale', peakMa, 'mA', { side: 'A' }),
          figure('B: SPL at each listener', lb.splDb, 'dB SPL', { side: 'B', listener: 0 }),
          figure('B: maximum clean SPL', lb.maxCleanSplDb, 'dB SPL', { side: 'B', listener: 0 }),
          figure('B: headroom', headroomDb(lb), 'dB', { side: 'B', listener: 0 }),
        ],
        explanation: `A gives ${decibels(la.splDb)} SPL and B ${decibels(lb.splDb)} (the amp's 0.1 Ω output also loses less into 8 Ω than the phone's ${ohms(a.source.outputImpedanceOhms)}). A can rise only ${decibels(headroomDb(la))} before the phone's current limit, while B ${rb.clipping.limitedBy === 'none' ? 'meets no limit below full scale' : `has ${decibels(headroomDb(lb))} to go`}. Headroom is the distance to the first limit.`,
      },
      {
        kind: 'check',
        text: `The music plays at ${dbfs(LEVEL_DBFS)} on A. How much louder can it get before the phone clips?`,
        pair,
        choices: plain(headroomChoices),
        correct: nearest(headroomChoices, headroomDb(la)),
        explanation: `Headroom = maximum clean SPL − SPL = ${decibels(la.maxCleanSplDb)} − ${decibels(la.splDb)} = ${decibels(headroomDb(la))}. Music peaks 10–20 dB above its average, so this phone clips on every loud passage.`,
      },
    ],
  };
}
