/**
 * Lesson 1 — the voltage divider: the same EMF behind 2 Ω and behind 100 Ω, into a 32 Ω
 * headphone. V_load = EMF · Z/(Zo + Z).
 */
import { voltageRatioToDb } from '../../model/units.ts';
import { chain, decibels, figure, listenerOf, nearest, plain, plainSource, resistiveHeadphone, signedDb, times, volts, percent, ohms } from './support.ts';
import type { Lesson } from './types.ts';

const LEVEL_DBFS = -20;
const headphone = resistiveHeadphone('32 Ω headphone (110 dB/V)', 32, 110);
const lowZ = plainSource('Phone jack, 2 Ω', 2);
const highZ = plainSource('Old laptop jack, 100 Ω', 100);

export function voltageDividerLesson(): Lesson {
  const a = chain(LEVEL_DBFS, lowZ, times(headphone, 1));
  const b = chain(LEVEL_DBFS, highZ, times(headphone, 1));
  const pair = { a, b };
  const la = listenerOf(a);
  const lb = listenerOf(b);
  const emf = 10 ** (LEVEL_DBFS / 20);
  const dropDb = la.splDb - lb.splDb;

  const predictChoices = [
    { id: 'none', text: 'No difference: both jacks make the same EMF', value: 0 },
    { id: 'small', text: 'About 1–3 dB quieter', value: 2 },
    { id: 'large', text: 'About 10–13 dB quieter', value: 11.5 },
    { id: 'silent', text: 'More than 25 dB quieter', value: 30 },
  ];

  // The check: which headphone keeps most of its level on the 100 Ω jack? Each candidate is solved by the model.
  const candidates = [
    { id: 'iem', text: '16 Ω in-ear', headphone: resistiveHeadphone('16 Ω in-ear', 16, 110) },
    { id: 'mid', text: '32 Ω portable headphone', headphone },
    { id: 'high', text: '300 Ω studio headphone', headphone: resistiveHeadphone('300 Ω studio headphone', 300, 110) },
  ];
  const kept = candidates.map((c) => ({ ...c, keptDb: voltageRatioToDb(listenerOf(chain(LEVEL_DBFS, highZ, [c.headphone])).loadVoltageVrms / emf) }));
  const best = kept.reduce((x, y) => (y.keptDb > x.keptDb ? y : x));

  return {
    id: 'voltage-divider',
    title: 'The voltage divider: output impedance versus load',
    goal: 'See why the same source voltage reaches a headphone in full from a 2 Ω jack and only in part from a 100 Ω jack.',
    steps: [
      {
        kind: 'predict',
        text: `Both jacks make the same open-circuit voltage (EMF), ${volts(emf)} at this signal level. A has an output impedance of 2 Ω, B of 100 Ω. How much quieter is the same 32 Ω headphone on B?`,
        pair,
        choices: plain(predictChoices),
        correct: nearest(predictChoices, dropDb),
        explanation: `The output impedance and the headphone form a voltage divider, V = EMF · Z/(Zo + Z). On A the headphone gets ${volts(la.loadVoltageVrms)} (32/34 of the EMF), on B ${volts(lb.loadVoltageVrms)} (32/132): ${decibels(dropDb, 2)} quieter.`,
      },
      {
        kind: 'listen',
        text: 'Listen to A: the 32 Ω headphone on the 2 Ω phone jack.',
        pair,
        hear: { side: 'A' },
        source: 'demo',
        listenFor: 'Remember how loud it is.',
      },
      {
        kind: 'listen',
        text: 'Now listen to B: the same headphone and the same EMF on the 100 Ω laptop jack.',
        pair,
        hear: { side: 'B' },
        source: 'demo',
        listenFor: `B is ${decibels(dropDb)} quieter. Switch back and forth with the A and B keys.`,
      },
      {
        kind: 'measure',
        text: 'Read the model’s numbers for both setups at 1 kHz.',
        pair,
        figures: [
          figure('EMF of both sources', emf, 'V'),
          figure('Voltage at the headphone, A (2 Ω)', la.loadVoltageVrms, 'V', { side: 'A', listener: 0 }),
          figure('Voltage at the headphone, B (100 Ω)', lb.loadVoltageVrms, 'V', { side: 'B', listener: 0 }),
          figure('Share of the EMF that reaches the headphone, B', (100 * lb.loadVoltageVrms) / emf, '%'),
          figure('SPL, A', la.splDb, 'dB SPL', { side: 'A', listener: 0 }),
          figure('SPL, B', lb.splDb, 'dB SPL', { side: 'B', listener: 0 }),
          figure('B relative to A', -dropDb, 'dB'),
        ],
        explanation: `Only ${percent(lb.loadVoltageVrms / emf)} of the EMF reaches the headphone on B; the rest is lost across the 100 Ω inside the jack. An output impedance is harmless only when it is small next to the load.`,
      },
      {
        kind: 'check',
        text: 'Which headphone keeps the most of the EMF on the 100 Ω laptop jack?',
        pair,
        choices: kept.map(({ id, text }) => ({ id, text })),
        correct: best.id,
        explanation: `The larger the load next to the output impedance, the less the divider takes: ${kept
          .map((c) => `${c.text} ${signedDb(c.keptDb, 1)}`)
          .join(', ')} relative to the EMF. The ${ohms(300)} headphone is barely affected.`,
      },
    ],
  };
}
