/**
 * Lesson 8 — hiss and sensitive in-ears: the preset pair laptop-hiss-se846 / quiet-iem-out-se846
 * (the Shure SE846, 134.5 dB/V, on a laptop codec's jack and on RME's IEM output). The hiss in
 * dB SPL(A) is the noise voltage times the headphone's sensitivity; whether it is heard is its
 * loudest critical band against the threshold of hearing (docs/model.md 14.3).
 */
import { sensitivityDbPerVolt } from '../../model/acoustics.ts';
import { findPreset } from '../../model/catalog/presets.ts';
import { withSetupFormat, type Setup } from '../../model/setup.ts';
import { catalogAmp, catalogHeadphone, decibels, figure, listenerOf, nearest, onlyChoice, plain } from './support.ts';
import type { Lesson } from './types.ts';

function preset(id: string): Setup {
  const found = findPreset(id);
  if (!found) throw new Error(`no preset "${id}"`);
  return structuredClone(found.setup);
}

/** The hiss's loudest critical band over the threshold of hearing (dB); every setup here states its source's noise. */
const aboveThreshold = (setup: Setup): number => listenerOf(setup).hissAboveThresholdDb!;

export function hissLesson(): Lesson {
  const a = preset('laptop-hiss-se846');
  const b = preset('quiet-iem-out-se846');
  const pair = { a, b };
  const la = listenerOf(a);
  const lb = listenerOf(b);
  const aboveA = aboveThreshold(a);
  const aboveB = aboveThreshold(b);
  const se846 = a.headphones[0]!;

  const predictChoices = [
    { id: 'inaudible', text: 'Nothing: 97 dB of dynamic range is far below anything you can hear', value: -10 },
    { id: 'edge', text: 'Just at the edge of hearing, in a quiet room', value: 0 },
    { id: 'clear', text: 'Clearly audible, 10–20 dB above the threshold of hearing', value: 15 },
    { id: 'loud', text: 'Plainly audible, more than 25 dB above the threshold', value: 30 },
  ];

  // The check: what cures the laptop's hiss without another laptop? Each candidate is solved by the model.
  const candidates = [
    { id: 'amp', text: 'Add a headphone amp with +18 dB of gain', setup: withSetupFormat({ ...a, amp: catalogAmp('ifi-zen-air-can') }) },
    { id: 'volume', text: 'Turn the laptop’s volume down by 20 dB', setup: { ...a, source: { ...a.source, volumeDb: a.source.volumeDb - 20 } } },
    { id: 'headphone', text: 'Use a 300 Ω Sennheiser HD 600 instead of the in-ear', setup: { ...a, headphones: [catalogHeadphone('sennheiser-hd-600')] } },
  ].map((c) => ({ ...c, above: aboveThreshold(c.setup) }));
  const cured = onlyChoice(candidates, (c) => c.above < 0);

  return {
    id: 'hiss',
    title: 'Hiss and sensitive in-ears',
    goal: 'See why a source that measures well can still hiss in a sensitive in-ear, and what cures it.',
    steps: [
      {
        kind: 'predict',
        text: `A laptop’s codec is specified at 97 dB(A) of dynamic range. Plug in a Shure SE846, a four-driver in-ear that plays ${decibels(sensitivityDbPerVolt(se846))} SPL from 1 V. Press pause: how loud is the hiss?`,
        pair,
        choices: plain(predictChoices),
        correct: nearest(predictChoices, aboveA),
        explanation: `The codec’s noise is 97\u202fdB below its full output, but the SE846 turns even microvolts into sound: the hiss is ${decibels(la.hissDbSplA!)} SPL(A), its loudest critical band ${decibels(aboveA)} above the threshold of hearing.`,
      },
      {
        kind: 'listen',
        text: 'Listen to A: the SE846 on the laptop jack. Press pause after a few seconds.',
        pair,
        hear: { side: 'A' },
        source: 'demo',
        listenFor: 'The hiss stays when the music stops: it is the jack’s, not the recording’s.',
      },
      {
        kind: 'listen',
        text: 'Now listen to B: the same in-ear on RME’s IEM output, at nearly the same music level.',
        pair,
        hear: { side: 'B' },
        source: 'demo',
        listenFor: `With the music paused B is about ${decibels(la.hissDbSplA! - lb.hissDbSplA!, 0)} quieter: at the edge of hearing.`,
      },
      {
        kind: 'measure',
        text: 'Read the model’s numbers for both setups.',
        pair,
        figures: [
          figure('Music (1 kHz test tone), A', la.splDb, 'dB SPL', { side: 'A', listener: 0 }),
          figure('Music (1 kHz test tone), B', lb.splDb, 'dB SPL', { side: 'B', listener: 0 }),
          figure('Hiss, A', la.hissDbSplA!, 'dB SPL(A)', { side: 'A', listener: 0, format: (v) => `${decibels(v)} SPL(A)` }),
          figure('Hiss, B', lb.hissDbSplA!, 'dB SPL(A)', { side: 'B', listener: 0, format: (v) => `${decibels(v)} SPL(A)` }),
          figure('Above the threshold of hearing, A', aboveA, 'dB', { side: 'A', listener: 0 }),
          figure('Above the threshold of hearing, B', aboveB, 'dB', { side: 'B', listener: 0 }),
        ],
        explanation: `Hiss in dB SPL(A) is the noise voltage at the headphone plus its sensitivity in dB/V. The music is about as loud on both; the hiss is not, because the IEM output’s noise is some ${decibels(la.hissDbSplA! - lb.hissDbSplA!, 0)} lower. A dynamic range is relative to a full output this in-ear never needs.`,
      },
      {
        kind: 'check',
        text: 'Which one makes the hiss on the laptop inaudible?',
        pair,
        choices: candidates.map(({ id, text }) => ({ id, text })),
        correct: cured,
        explanation: `Above the threshold of hearing: ${candidates.map((c) => `${c.text.charAt(0).toLowerCase()}${c.text.slice(1)}: ${decibels(c.above)}`).join('; ')}. The laptop’s noise does not follow its digital volume and an amp with gain amplifies it (and adds its own); a less sensitive headphone hears the same volts ${decibels(sensitivityDbPerVolt(se846) - sensitivityDbPerVolt(catalogHeadphone('sennheiser-hd-600')), 0)} quieter.`,
      },
    ],
  };
}
