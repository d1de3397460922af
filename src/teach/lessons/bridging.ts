/**
 * Lesson 6 — bridging versus matching. Power matching (load = output impedance) delivers the
 * most power a given source can give, EMF²/(4·Zo), but the load gets only EMF/2 and half the
 * power burns inside the source. Audio bridges instead: low output, high input impedance.
 */
import { abs } from '../../model/complex.ts';
import { solveChain } from '../../model/solver.ts';
import type { Amp, Setup } from '../../model/setup.ts';
import { REFERENCE_HZ, voltageRatioToDb } from '../../model/units.ts';
import { chain, decibels, figure, listenerOf, milliwatts, nearest, plain, plainSource, resistiveHeadphone, signedDb, volts } from './support.ts';
import type { Lesson } from './types.ts';

const LEVEL_DBFS = -14;
export const MATCHED_OHMS = 32;
const matchedSource = plainSource('Output with 32 Ω output impedance', MATCHED_OHMS);
const bridgingSource = plainSource('Headphone amp output, 0.5 Ω', 0.5);
const headphone = (ohmsValue: number) => resistiveHeadphone(`${ohmsValue} Ω headphone (110 dB/V)`, ohmsValue, 110);

/** Power in the load over all the power the EMF delivers (load + output impedance), from the solver. */
export function efficiency(setup: Setup): number {
  const s = solveChain(setup, REFERENCE_HZ);
  const current = abs(s.source.current);
  const inSource = current ** 2 * s.source.outputImpedance.re;
  const inLoad = s.headphones.reduce((sum, h) => sum + abs(h.current) ** 2 * h.impedance.re, 0);
  return inLoad / (inLoad + inSource);
}

/** A unity-gain, 0 Ω buffer with the given input impedance: its output voltage is its input voltage. */
export function inputOf(inputImpedanceOhms: number, name: string): Amp {
  return { name, inputImpedanceOhms, gainDb: 0, outputImpedanceOhms: 0, maxOutputVrms: 100, outputs: 'shared' };
}

export function bridgingLesson(): Lesson {
  const emf = 10 ** (LEVEL_DBFS / 20);
  const loads = [8, 32, 300].map((o) => ({ id: `load-${o}`, text: `${o} Ω`, ohms: o, listener: listenerOf(chain(LEVEL_DBFS, matchedSource, [headphone(o)])) }));
  const mostPower = loads.reduce((x, y) => (y.listener.powerMw > x.listener.powerMw ? y : x));
  const a = chain(LEVEL_DBFS, matchedSource, [headphone(MATCHED_OHMS)]);
  const b = chain(LEVEL_DBFS, bridgingSource, [headphone(MATCHED_OHMS)]);
  const pair = { a, b };
  const la = listenerOf(a);
  const lb = listenerOf(b);
  const ideal = listenerOf(chain(LEVEL_DBFS, plainSource('Ideal 0 Ω source', 0), [headphone(MATCHED_OHMS)]));

  // The check: a 600 Ω line output into a 600 Ω (matched) or a 10 kΩ (bridging) input.
  const line = plainSource('Line output, 600 Ω', 600);
  const listener = [headphone(300)];
  const matchedIn = listenerOf(chain(LEVEL_DBFS, line, listener, { amp: inputOf(600, '600 Ω input (matched)') })).loadVoltageVrms;
  const bridgedIn = listenerOf(chain(LEVEL_DBFS, line, listener, { amp: inputOf(10_000, '10 kΩ input (bridging)') })).loadVoltageVrms;
  const gainDb = voltageRatioToDb(bridgedIn / matchedIn);
  const lineChoices = [
    { id: 'same', text: 'Nothing: matching is the right way', value: 0 },
    { id: 'half-db', text: 'About 0.5 dB', value: 0.5 },
    { id: 'five', text: 'About 5.5 dB', value: 5.5 },
    { id: 'twelve', text: 'About 12 dB', value: 12 },
  ];

  return {
    id: 'bridging',
    title: 'Bridging versus matching',
    goal: 'See why audio connects a low output impedance to a high input impedance (bridging) instead of matching impedances for maximum power transfer.',
    steps: [
      {
        kind: 'predict',
        text: `A source has a 1 V EMF at full scale and an output impedance of ${MATCHED_OHMS} Ω. Which headphone takes the most power from it?`,
        pair,
        choices: loads.map(({ id, text }) => ({ id, text })),
        correct: mostPower.id,
        explanation: `Maximum power transfer: a load equal to the output impedance takes the most power, EMF²/(4·Zo). The model: ${loads.map((l) => `${l.text} ${milliwatts(l.listener.powerMw)}`).join(', ')} at this signal level.`,
      },
      {
        kind: 'listen',
        text: `Listen to A: the ${MATCHED_OHMS} Ω headphone on the ${MATCHED_OHMS} Ω output, power-matched.`,
        pair,
        hear: { side: 'A' },
        source: 'demo',
        listenFor: 'This is the most power this source can give any load.',
      },
      {
        kind: 'listen',
        text: 'Now B: the same headphone and the same EMF from a 0.5 Ω headphone amp output (bridging).',
        pair,
        hear: { side: 'B' },
        source: 'demo',
        listenFor: `${signedDb(lb.splDb - la.splDb, 1)}: louder, although A was “matched”.`,
      },
      {
        kind: 'measure',
        text: 'What matching costs.',
        pair,
        figures: [
          figure('EMF', emf, 'V'),
          figure('A: voltage at the headphone', la.loadVoltageVrms, 'V', { side: 'A', listener: 0 }),
          figure('A: share of the EMF', (100 * la.loadVoltageVrms) / emf, '%', { side: 'A', listener: 0 }),
          figure('A: power, share of what a 0 Ω source gives', (100 * la.powerMw) / ideal.powerMw, '%', { side: 'A', listener: 0 }),
          figure('A: share of the power that reaches the headphone', 100 * efficiency(a), '%', { side: 'A', listener: 0 }),
          figure('B: voltage at the headphone', lb.loadVoltageVrms, 'V', { side: 'B', listener: 0 }),
          figure('B: share of the power that reaches the headphone', 100 * efficiency(b), '%', { side: 'B', listener: 0 }),
          figure('B relative to A', lb.splDb - la.splDb, 'dB'),
        ],
        explanation: `Matched, the headphone gets EMF/2 (${volts(la.loadVoltageVrms)}, ${signedDb(voltageRatioToDb(la.loadVoltageVrms / emf))}), a quarter of the power an ideal source would give, and as much power again is burnt in the source. Matching is right for radio antennas and long telephone lines, where power is scarce; audio electronics have power to spare and want the voltage, so they bridge: output impedance ≪ input impedance.`,
      },
      {
        kind: 'check',
        text: 'A line output with 600 Ω output impedance feeds an amp. How much more level does a 10 kΩ (bridging) input get than a 600 Ω (matched) input?',
        pair,
        choices: plain(lineChoices),
        correct: nearest(lineChoices, gainDb),
        explanation: `Matched: 600/1200 of the EMF (${signedDb(voltageRatioToDb(matchedIn / emf))}); bridging: 10000/10600 (${signedDb(voltageRatioToDb(bridgedIn / emf))}). Bridging keeps ${decibels(gainDb, 2)} more, and the output impedance hardly matters any more.`,
      },
    ],
  };
}
