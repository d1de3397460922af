/**
 * Lesson 5 — the 1/8 rule and damping: an Etymotic hf5 (balanced armature, impedance rising
 * with frequency) on the 120 Ω IEC 61938 output and on a 0.1 Ω IEM output.
 * deviation = 20·log10(Zmax·(Zmin + Zo)/(Zmin·(Zmax + Zo))); the rule asks Zload/Zo ≥ 8.
 */
import { abs } from '../../model/complex.ts';
import { headphoneImpedanceAt } from '../../model/impedance.ts';
import { dampingFactor, eighthRule } from '../../model/matching.ts';
import type { ListenerReport } from '../../model/report-contract.ts';
import { pairFromPreset } from '../../state/setup-pair.ts';
import { catalogHeadphone, catalogSource, chain, decibels, figure, hertz, listenerOf, ohms, onlyChoice, signedDb } from './support.ts';
import type { Lesson } from './types.ts';

export const TREBLE_HZ = 20_000;

/** The listener's level at the report frequency nearest `hz`, dB re 1 kHz. */
export function responseAt(listener: ListenerReport, hz: number): number {
  const { hz: grid, db } = listener.response;
  let k = 0;
  for (let i = 1; i < grid.length; i++) if (Math.abs(Math.log(grid[i]! / hz)) < Math.abs(Math.log(grid[k]! / hz))) k = i;
  return db[k]!;
}

export function eighthRuleLesson(): Lesson {
  const loaded = pairFromPreset('iec-120-ohm-hf5');
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  const pair = loaded.value;
  const la = listenerOf(pair.a);
  const lb = listenerOf(pair.b);
  const trebleA = responseAt(la, TREBLE_HZ);
  const ruleA = eighthRule(pair.a, 0);
  const ruleB = eighthRule(pair.b, 0);
  const spread = (l: ListenerReport) => l.responseDeviationDb.max - l.responseDeviationDb.min;
  const zAt = (hz: number) => Number(abs(headphoneImpedanceAt(pair.a.headphones[0]!.impedance, hz)).toFixed(1));
  const asSpread = { format: (v: number) => decibels(v, 2) };
  const zHd650 = (hz: number) => Number(abs(headphoneImpedanceAt(catalogHeadphone('sennheiser-hd-650').impedance, hz)).toFixed(0));

  const trebleChoices = [
    { id: 'flat', text: 'Nothing changes: only the level drops' },
    { id: 'up', text: 'The treble gets louder' },
    { id: 'down', text: 'The treble gets quieter' },
  ];
  const treble = trebleA >= 0.5 ? 'up' : trebleA <= -0.5 ? 'down' : 'flat';

  // Damping: a headphone with a bass resonance (HD 650: about 480 Ω near 100 Hz) on the same
  // 120 Ω output, against the same output at 0.1 Ω.
  const iec = pair.a.source;
  const hd650 = { a: chain(-10, { ...iec }, [catalogHeadphone('sennheiser-hd-650')]), b: chain(-10, { ...iec, name: 'The same output at 0.1 Ω', outputImpedanceOhms: 0.1 }, [catalogHeadphone('sennheiser-hd-650')]) };
  const ha = listenerOf(hd650.a);
  const hb = listenerOf(hd650.b);

  // The check: which of three real outputs keeps the hf5 within the 1/8 rule?
  const outputs = [
    { id: 'iec', text: 'IEC 61938 output, 120 Ω', sourceId: 'iec-61938-reference' },
    { id: 'iphone', text: 'iPhone 6 jack, 2.93 Ω', sourceId: 'iphone-6-jack' },
    { id: 'htc', text: 'HTC One M8 jack, 1.32 Ω', sourceId: 'htc-one-m8-jack' },
  ].map((o) => ({ ...o, rule: eighthRule(chain(-10, catalogSource(o.sourceId, -12), [catalogHeadphone('etymotic-hf5')]), 0) }));

  return {
    id: 'eighth-rule',
    title: 'The 1/8 rule and damping',
    goal: 'Hear how a high output impedance reshapes the sound of a headphone whose impedance changes with frequency, and check an output against the 1/8 rule.',
    steps: [
      {
        kind: 'predict',
        text: `The Etymotic hf5 is a balanced-armature in-ear: ${ohms(zAt(20))} in the bass, rising to ${ohms(zAt(TREBLE_HZ))} at ${hertz(TREBLE_HZ)}. On a ${ohms(pair.a.source.outputImpedanceOhms)} output (the old IEC 61938 standard), what happens to its sound?`,
        pair,
        choices: trebleChoices,
        correct: treble,
        explanation: `Where the impedance is higher, the divider keeps more of the voltage: at ${hertz(TREBLE_HZ)} the hf5 gets ${signedDb(trebleA)} relative to 1 kHz. From 120 Ω its response varies by ${decibels(spread(la), 2)} over 20 Hz–20 kHz.`,
      },
      {
        kind: 'listen',
        text: 'Listen to A with pink noise: the hf5 on the 120 Ω output.',
        pair,
        hear: { side: 'A' },
        source: 'pink',
        listenFor: 'A brighter, hissier noise.',
      },
      {
        kind: 'listen',
        text: 'Now B: the same in-ear on a 0.1 Ω IEM output (RME ADI-2 DAC).',
        pair,
        hear: { side: 'B' },
        source: 'pink',
        listenFor: 'Flatter, as the manufacturer tuned it. Switch between A and B: the difference is in the top octaves.',
      },
      {
        kind: 'measure',
        text: 'The response deviation, the 1/8 rule and the damping factor for both outputs.',
        pair,
        figures: [
          figure('A: response spread, 20 Hz–20 kHz', spread(la), 'dB', { side: 'A', listener: 0, ...asSpread }),
          figure(`A: level at ${hertz(TREBLE_HZ)} re 1 kHz`, trebleA, 'dB', { side: 'A', listener: 0 }),
          figure('A: worst load/output impedance ratio (rule: ≥ 8)', ruleA.worstRatio, '×', { side: 'A', listener: 0 }),
          figure('A: damping factor at 1 kHz', dampingFactor(pair.a, 0), '×', { side: 'A', listener: 0 }),
          figure('B: response spread, 20 Hz–20 kHz', spread(lb), 'dB', { side: 'B', listener: 0, ...asSpread }),
          figure('B: worst load/output impedance ratio (rule: ≥ 8)', ruleB.worstRatio, '×', { side: 'B', listener: 0 }),
          figure('B: damping factor at 1 kHz', dampingFactor(pair.b, 0), '×', { side: 'B', listener: 0 }),
        ],
        explanation: `The 1/8 rule: keep the output impedance below one eighth of the headphone's lowest impedance (here ${ohms(ruleB.loadImpedanceOhms)} at ${hertz(ruleB.worstHz)}, so at most ${ohms(ruleB.loadImpedanceOhms / 8)}). A ${ruleA.passes ? 'passes' : 'fails'} with a ratio of ${ruleA.worstRatio.toFixed(2)}; B ${ruleB.passes ? 'passes' : 'fails'} with ${ruleB.worstRatio.toFixed(0)}. The damping factor says the same at 1 kHz, but the response curve is what you hear.`,
      },
      {
        kind: 'listen',
        text: `Damping: a Sennheiser HD 650 has a bass resonance (${ohms(zHd650(ha.responseDeviationDb.maxHz))} near ${hertz(ha.responseDeviationDb.maxHz)}, ${ohms(zHd650(1000))} at 1 kHz). Listen to it on the 120 Ω output (A), then press B for the same output at 0.1 Ω.`,
        pair: hd650,
        hear: { side: 'A' },
        source: 'pink',
        listenFor: `A has a little more bass (${signedDb(ha.responseDeviationDb.max, 1)} around ${hertz(ha.responseDeviationDb.maxHz)}); B is flat. A small difference: listen to the low notes.`,
      },
      {
        kind: 'measure',
        text: 'The HD 650 on 120 Ω and on 0.1 Ω.',
        pair: hd650,
        figures: [
          figure('A: bass peak re 1 kHz', ha.responseDeviationDb.max, 'dB', { side: 'A', listener: 0 }),
          figure('A: bass peak frequency', ha.responseDeviationDb.maxHz, 'Hz', { side: 'A', listener: 0 }),
          figure('A: damping factor at 1 kHz', dampingFactor(hd650.a, 0), '×', { side: 'A', listener: 0 }),
          figure('B: response spread, 20 Hz–20 kHz', spread(hb), 'dB', { side: 'B', listener: 0, ...asSpread }),
          figure('B: damping factor at 1 kHz', dampingFactor(hd650.b, 0), '×', { side: 'B', listener: 0 }),
        ],
        explanation: `At its resonance the moving coil generates a back-EMF, which is why the impedance peaks there. A 0.1 Ω output short-circuits that back-EMF and brakes the motion (a damping factor of ${dampingFactor(hd650.b, 0).toFixed(0)}); behind 120 Ω (a damping factor of ${dampingFactor(hd650.a, 0).toFixed(2)}) the resonance is less damped and, through the divider, gets ${decibels(ha.responseDeviationDb.max, 2)} more voltage than 1 kHz does. The damping factor describes the braking; the voltage divider, evaluated at every frequency, gives the exact curve.`,
      },
      {
        kind: 'check',
        text: 'Which of these outputs keeps the hf5 within the 1/8 rule?',
        pair,
        choices: outputs.map(({ id, text }) => ({ id, text })),
        correct: onlyChoice(outputs, (o) => o.rule.passes),
        explanation: `Lowest load over output impedance, per the model: ${outputs.map((o) => `${o.text}: ${o.rule.worstRatio.toFixed(1)}`).join('; ')}. Only a ratio of 8 or more passes.`,
      },
    ],
  };
}
