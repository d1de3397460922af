/**
 * Lesson 3 — splitters: two and four 32 Ω listeners on a 100 Ω jack through an ideal Y,
 * then the same four on a distribution amp with independent outputs.
 * levelChange = 20·log10((Z + Zo)/(Z + N·Zo)) for N equal resistive listeners.
 */
import type { Amp, Setup } from '../../model/setup.ts';
import { catalogAmp, chain, decibels, figure, listenerOf, nearest, onlyChoice, plain, plainSource, resistiveHeadphone, signedDb, times } from './support.ts';
import type { Lesson } from './types.ts';

const LEVEL_DBFS = -14;
export const SPLITTER_SOURCE = plainSource('Old laptop jack, 100 Ω', 100);
const listener = resistiveHeadphone('32 Ω headphone (110 dB/V)', 32, 110);
/** An ideal Y: no cable resistance, so only the sharing counts. */
const idealY = { cableResistanceOhms: 0 };

/** The HPA-2 ×4 at 0 dB gain (its range is off to +20 dB): it adds no voltage, only a 0 Ω output per jack. */
export function distributionAmp(): Amp {
  return { ...catalogAmp('neurochrome-hpa-2-x4'), name: 'Neurochrome HPA-2 ×4 distribution amp (0 dB gain)', gainDb: 0 };
}

export const onSplitter = (count: number): Setup => chain(LEVEL_DBFS, SPLITTER_SOURCE, times(listener, count), count > 1 ? { splitter: idealY } : {});

export function splittersLesson(): Lesson {
  const alone = onSplitter(1);
  const two = onSplitter(2);
  const four = onSplitter(4);
  const distributed = chain(LEVEL_DBFS, SPLITTER_SOURCE, times(listener, 4), { amp: distributionAmp() });
  const twoChange = listenerOf(two).levelChangeDb;
  const fourChange = listenerOf(four).levelChangeDb;
  const fixedChange = listenerOf(distributed).levelChangeDb;

  const predictChoices = [
    { id: 'none', text: 'Nothing: the second listener just shares the music', value: 0 },
    { id: 'half-db', text: 'About 1 dB', value: -1 },
    { id: 'five', text: 'About 5 dB', value: -5 },
    { id: 'half', text: 'Half the voltage: 6 dB or more', value: -6.5 },
  ];

  // The check: each fix for four listeners, solved by the model.
  const fixes = [
    // Thicker than any real cable: an ideal 0 Ω Y.
    { id: 'thick-cable', text: 'A passive splitter with thicker cables', setup: chain(LEVEL_DBFS, SPLITTER_SOURCE, times(listener, 4), { splitter: idealY }) },
    { id: 'volume', text: 'Turning the laptop’s volume to maximum', setup: { ...four, source: { ...SPLITTER_SOURCE, volumeDb: 0 } } },
    { id: 'distribution', text: 'A distribution amp with one output stage per listener', setup: distributed },
  ];
  const fixLoss = fixes.map((f) => ({ ...f, lossDb: listenerOf(f.setup).levelChangeDb }));

  return {
    id: 'splitters',
    title: 'Splitters: sharing one output',
    goal: 'Hear and measure how much each listener loses on a passive splitter, and why a distribution amp with independent outputs loses nothing.',
    steps: [
      {
        kind: 'predict',
        text: 'A 32 Ω headphone is plugged into a 100 Ω laptop jack. A friend joins through a Y splitter with an identical headphone. How much quieter does the first listener get?',
        pair: { a: alone, b: two },
        choices: plain(predictChoices),
        correct: nearest(predictChoices, twoChange),
        explanation: `The jack now drives 32 ‖ 32 = 16 Ω, so the divider keeps 16/116 of the EMF instead of 32/132: ${signedDb(twoChange)} for each listener. From an ideal current source it would be −6.02 dB, from a 0 Ω source nothing.`,
      },
      {
        kind: 'listen',
        text: 'Listen to A: one listener alone on the laptop.',
        pair: { a: alone, b: two },
        hear: { side: 'A' },
        source: 'demo',
        listenFor: 'Remember the level.',
      },
      {
        kind: 'listen',
        text: 'Now B: the same listener with a second headphone on the splitter.',
        pair: { a: alone, b: two },
        hear: { side: 'B', listener: 0 },
        source: 'demo',
        listenFor: `${signedDb(twoChange, 1)}: clearly quieter, for both listeners.`,
      },
      {
        kind: 'measure',
        text: 'Two and then four listeners on the splitter: read each listener’s change against listening alone.',
        pair: { a: two, b: four },
        figures: [
          figure('Two listeners, each', twoChange, 'dB', { side: 'A', listener: 0 }),
          figure('Four listeners, each', fourChange, 'dB', { side: 'B', listener: 0 }),
          figure('Voltage at each headphone, two listeners', listenerOf(two).loadVoltageVrms, 'V', { side: 'A', listener: 0 }),
          figure('Voltage at each headphone, four listeners', listenerOf(four).loadVoltageVrms, 'V', { side: 'B', listener: 0 }),
        ],
        explanation: `Four 32 Ω headphones in parallel are 8 Ω: the divider keeps 8/108 of the EMF, ${signedDb(fourChange)} against one listener alone. Each new listener lowers the load, and everyone hears the same lower voltage.`,
      },
      {
        kind: 'listen',
        text: 'The fix: the same laptop feeds a distribution amp (0 dB gain, 200 kΩ input) with one output stage per listener. Listen to B (much louder: start at a low listening level).',
        pair: { a: four, b: distributed },
        hear: { side: 'B', listener: 0 },
        source: 'demo',
        listenFor: `Each of the four listeners now hears what one listener alone on this chain would (${signedDb(fixedChange, 1)}), and ${decibels(listenerOf(distributed).splDb - listenerOf(four).splDb)} more than on the passive splitter (press A): the amp's 0 Ω outputs also remove the laptop's 100 Ω divider.`,
      },
      {
        kind: 'check',
        text: 'Four friends share the 100 Ω laptop jack. Which of these gives each of them the level of one listener alone?',
        pair: { a: four, b: distributed },
        choices: fixes.map(({ id, text }) => ({ id, text })),
        correct: onlyChoice(fixLoss, (f) => Math.abs(f.lossDb) < 0.1),
        explanation: `The model: ${fixLoss.map((f) => `${f.text.toLowerCase()}: ${signedDb(f.lossDb)}`).join('; ')}. The amp's 200 kΩ input barely loads the laptop, and each listener has its own 0 Ω output, so nobody loads anybody else. Volume raises everyone equally but the loss against listening alone stays.`,
      },
    ],
  };
}
