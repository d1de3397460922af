/**
 * Lesson 2 — voltage versus power: a 300 Ω headphone needs volts, a 16 Ω in-ear needs current.
 * V = 10^((SPL − S_dB/V)/20), P = V²/|Z|, I_peak = √2·V/|Z| (acoustics.ts).
 */
import { peakCurrentForSplMa, powerForSplMw, sensitivityDbPerVolt, voltageForSplVrms } from '../../model/acoustics.ts';
import type { Headphone } from '../../model/setup.ts';
import { catalogHeadphone, chain, dbfs, decibels, figure, listenerOf, milliamps, milliwatts, onlyChoice, plainSource, report, resistiveHeadphone, volts } from './support.ts';
import type { Lesson } from './types.ts';

export const TARGET_SPL_DB = 110;
const LEVEL_DBFS = -14;
const phone = plainSource('Phone jack: 1 V, 2 Ω, 30 mA peak', 2, 1, 30);

export function voltagePowerLesson(): Lesson {
  const hd600 = catalogHeadphone('sennheiser-hd-600');
  const inEar = resistiveHeadphone('16 Ω in-ear (100 dB/mW)', 16, 100, 'dB/mW');
  const a = chain(LEVEL_DBFS, phone, [hd600]);
  const b = chain(LEVEL_DBFS, phone, [inEar]);
  const pair = { a, b };
  const need = (h: Headphone) => ({
    volts: voltageForSplVrms(h, TARGET_SPL_DB),
    mw: powerForSplMw(h, TARGET_SPL_DB),
    ma: peakCurrentForSplMa(h, TARGET_SPL_DB),
  });
  const nA = need(hd600);
  const nB = need(inEar);
  const la = listenerOf(a);
  const lb = listenerOf(b);

  const voltageChoices = [
    { id: 'hd600', text: 'The 300 Ω HD 600' },
    { id: 'in-ear', text: 'The 16 Ω in-ear' },
    { id: 'same', text: 'Both the same: a decibel is a decibel' },
  ];
  const moreVolts = Math.abs(nA.volts - nB.volts) / Math.max(nA.volts, nB.volts) < 0.05 ? 'same' : nA.volts > nB.volts ? 'hd600' : 'in-ear';

  const reaches = (spl: number) => spl >= TARGET_SPL_DB;
  const hdReaches = reaches(la.maxCleanSplDb);
  const ieReaches = reaches(lb.maxCleanSplDb);
  const checkChoices = [
    { id: 'hd600', text: 'Only the HD 600', ok: hdReaches && !ieReaches },
    { id: 'in-ear', text: 'Only the in-ear', ok: ieReaches && !hdReaches },
    { id: 'both', text: 'Both', ok: hdReaches && ieReaches },
    { id: 'neither', text: 'Neither', ok: !hdReaches && !ieReaches },
  ];
  const bClip = report(b).clipping;

  return {
    id: 'voltage-power',
    title: 'Voltage versus power: volts for 300 Ω, current for 16 Ω',
    goal: 'See that a high-impedance headphone runs out of voltage and a low-impedance in-ear runs out of current, and that milliwatts alone do not tell you which.',
    steps: [
      {
        kind: 'predict',
        text: `To play at ${TARGET_SPL_DB} dB SPL, which headphone needs more voltage at its terminals: the Sennheiser HD 600 (300 Ω, 97 dB/mW) or a 16 Ω in-ear (100 dB/mW)?`,
        pair,
        choices: voltageChoices,
        correct: moreVolts,
        explanation: `The HD 600 makes ${decibels(sensitivityDbPerVolt(hd600))} SPL for 1 V, the in-ear ${decibels(sensitivityDbPerVolt(inEar))}. For ${TARGET_SPL_DB} dB SPL the HD 600 needs ${volts(nA.volts)}, the in-ear only ${volts(nB.volts)}.`,
      },
      {
        kind: 'listen',
        text: 'Listen to A: the HD 600 on a phone jack (1 V at full scale, 2 Ω).',
        pair,
        hear: { side: 'A' },
        source: 'demo',
        listenFor: `Quiet: ${decibels(la.splDb)} SPL at this level, because 1 V is all the phone has.`,
      },
      {
        kind: 'listen',
        text: 'Now B: the 16 Ω in-ear on the same phone.',
        pair,
        hear: { side: 'B' },
        source: 'demo',
        listenFor: `Much louder, ${decibels(lb.splDb)} SPL from the same signal: the in-ear turns volts into sound far more efficiently.`,
      },
      {
        kind: 'measure',
        text: `What each headphone needs for ${TARGET_SPL_DB} dB SPL at 1 kHz, and the most each gets cleanly from this phone.`,
        pair,
        figures: [
          figure('HD 600: voltage needed', nA.volts, 'V', { side: 'A', listener: 0 }),
          figure('HD 600: power needed', nA.mw, 'mW', { side: 'A', listener: 0 }),
          figure('HD 600: peak current needed', nA.ma, 'mA', { side: 'A', listener: 0 }),
          figure('In-ear: voltage needed', nB.volts, 'V', { side: 'B', listener: 0 }),
          figure('In-ear: power needed', nB.mw, 'mW', { side: 'B', listener: 0 }),
          figure('In-ear: peak current needed', nB.ma, 'mA', { side: 'B', listener: 0 }),
          figure('HD 600: maximum clean SPL on the phone', la.maxCleanSplDb, 'dB SPL', { side: 'A', listener: 0 }),
          figure('In-ear: maximum clean SPL on the phone', lb.maxCleanSplDb, 'dB SPL', { side: 'B', listener: 0 }),
        ],
        explanation: `The HD 600 needs ${(nA.volts / nB.volts).toFixed(1)}× the voltage, the in-ear ${(nB.ma / nA.ma).toFixed(1)}× the current (${milliamps(nB.ma)} against ${milliamps(nA.ma)}), and their power differs only ${(nA.mw / nB.mw).toFixed(1)}× (${milliwatts(nA.mw)} against ${milliwatts(nB.mw)}). The phone's 1 V caps the HD 600 at ${decibels(la.maxCleanSplDb)} SPL; its ${milliamps(30)} current limit caps the in-ear at ${decibels(lb.maxCleanSplDb)} SPL (${bClip.limitedBy} limit at ${dbfs(bClip.atSignalDbfs)}).`,
      },
      {
        kind: 'check',
        text: `The phone gives 1 V behind 2 Ω and at most 30 mA peak. Which headphone can it drive cleanly to ${TARGET_SPL_DB} dB SPL?`,
        pair,
        choices: checkChoices.map(({ id, text }) => ({ id, text })),
        correct: onlyChoice(checkChoices, (c) => c.ok),
        explanation: `HD 600: at most ${decibels(la.maxCleanSplDb)} SPL (out of volts). In-ear: at most ${decibels(lb.maxCleanSplDb)} SPL (out of current). A 300 Ω headphone needs a source with more voltage; a 16 Ω in-ear needs one that can deliver current.`,
      },
    ],
  };
}
