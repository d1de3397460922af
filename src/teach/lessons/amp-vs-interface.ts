/**
 * Lesson 7 — amp versus audio interface. A headphone amp only turns a voltage into a stronger
 * one behind a low output impedance; an interface converts (ADC/DAC), has mic preamps with
 * phantom power, instrument inputs, and a latency. The output side is heard here; the
 * input-side numbers come from the model's input section (src/model/input); its simulations
 * are being built (link target #input-side).
 */
import { inputExamples } from '../../model/catalog/input.ts';
import type { Instrument } from '../../model/input/contract.ts';
import { buildInputReport, instrumentReport } from '../../model/input/report.ts';
import { catalogAmp, catalogHeadphone, catalogSource, chain, decibels, figure, hertz, listenerOf, onlyChoice, signedDb } from './support.ts';
import type { Lesson } from './types.ts';

const LEVEL_DBFS = -10;
const INTERFACE_VOLUME_DB = -20;
export const INPUT_SIDE_LINK = { href: '#input-side', text: 'Input-side simulations (being built)' };

function example(id: string) {
  const found = inputExamples.find((e) => e.id === id);
  if (!found) throw new Error(`no input example "${id}"`);
  return buildInputReport(found.input);
}

export function guitarInto(inputType: Instrument['inputType']) {
  const strat = inputExamples.find((e) => e.id === 'strat-into-hi-z')!.input.instrument!;
  return instrumentReport({ ...strat, inputType });
}

export function ampVsInterfaceLesson(): Lesson {
  const element = catalogAmp('jds-labs-element');
  const k371 = () => catalogHeadphone('akg-k371');
  const a = chain(LEVEL_DBFS, catalogSource('focusrite-scarlett-2i2-gen3-line-out', INTERFACE_VOLUME_DB), [k371()]);
  // The amp's gain, taken off the interface's volume: the same EMF, now behind the amp's 0.1 Ω.
  const b = chain(LEVEL_DBFS, catalogSource('focusrite-scarlett-2i2-gen3-line-out', INTERFACE_VOLUME_DB - element.gainDb), [k371()], { amp: element });
  const pair = { a, b };
  const la = listenerOf(a);
  const lb = listenerOf(b);
  const gainedDb = lb.splDb - la.splDb;

  const roles = [
    { id: 'conversion', text: 'Better digital-to-analog conversion' },
    { id: 'impedance', text: 'A low output impedance that delivers the full voltage into 32 Ω' },
    { id: 'phantom', text: 'Phantom power for the headphone' },
    { id: 'nothing', text: 'Nothing audible at the same volume setting' },
  ];
  // The model has no converter in an amp and no phantom power on the output side; it decides between the last two.
  const ampRole = gainedDb > 1 ? 'impedance' : 'nothing';

  const vocal = example('sm58-vocal-128-samples');
  const noPhantom = example('u87-without-phantom');
  const guitars = (['hi-z', 'line', 'mic'] as const).map((type) => ({ type, report: guitarInto(type) }));
  const inputChoices = [
    { id: 'line', text: 'The line input (10 kΩ)' },
    { id: 'mic', text: 'The mic input (2 kΩ)' },
    { id: 'hi-z', text: 'The instrument (hi-Z) input (1 MΩ)' },
  ];
  const brightest = guitars.reduce((x, y) => ((y.report.minus3DbHz ?? Infinity) > (x.report.minus3DbHz ?? Infinity) ? y : x));
  const guitar = (type: string) => guitars.find((g) => g.type === type)!.report;

  return {
    id: 'amp-vs-interface',
    title: 'Amp versus audio interface',
    goal: 'Tell apart what a headphone amp does (voltage and current behind a low output impedance) from what an audio interface does (conversion, mic preamps, phantom power, instrument inputs, latency).',
    steps: [
      {
        kind: 'predict',
        text: 'A Focusrite Scarlett’s line output (about 100 Ω, an estimate) drives an AKG K371 (32 Ω) directly (A), or through a JDS Labs Element headphone amp with the interface turned down by the amp’s gain (B). What does the amp add?',
        pair,
        choices: roles,
        correct: ampRole,
        explanation: `The same EMF reaches both, but the line output's 100 Ω and the 32 Ω headphone form a divider (32/132), while the amp's 0.1 Ω keeps almost all of it: B is ${signedDb(gainedDb, 1)}. An amp converts nothing and powers no microphone.`,
      },
      {
        kind: 'listen',
        text: 'Listen to A: the K371 straight on the interface’s line output.',
        pair,
        hear: { side: 'A' },
        source: 'demo',
        listenFor: `${decibels(la.splDb)} SPL.`,
      },
      {
        kind: 'listen',
        text: 'Now B: through the headphone amp, at the same EMF.',
        pair,
        hear: { side: 'B' },
        source: 'demo',
        listenFor: `${decibels(lb.splDb)} SPL: the amp's low output impedance, not its gain, makes the difference here.`,
      },
      {
        kind: 'measure',
        text: 'The input side: what the interface does before the computer hears anything (numbers from the model’s input section).',
        pair,
        link: INPUT_SIDE_LINK,
        figures: [
          figure('Round trip through the computer, 128-sample buffers at 48 kHz', vocal.latency!.roundTripMs, 'ms'),
          figure('SM58 at 94 dB SPL with 50 dB of preamp gain', vocal.microphone!.levelDbfsAt94DbSpl!, 'dBFS'),
          figure('Neumann U 87 Ai without phantom power: any signal?', noPhantom.microphone!.hasSignal ? 1 : 0, '', { format: (v) => (v ? 'yes' : 'no') }),
          figure('Stratocaster into the hi-Z input: −3 dB at', guitar('hi-z').minus3DbHz!, 'Hz'),
          figure('Stratocaster into a line input: −3 dB at', guitar('line').minus3DbHz!, 'Hz'),
        ],
        explanation: `An interface converts (its ADC and DAC add ${vocal.latency!.converterMs.toFixed(2)} ms; the buffers the rest), amplifies microphones by 50 dB or more, feeds condenser microphones 48 V phantom power (without it a condenser gives no signal at all), and offers a 1 MΩ instrument input so that a guitar pickup keeps its treble. A headphone amp does none of these.`,
      },
      {
        kind: 'check',
        text: 'A guitar sounds dull and quiet through the interface. Which input should it go into?',
        pair,
        link: INPUT_SIDE_LINK,
        choices: inputChoices,
        correct: onlyChoice(inputChoices, (c) => c.id === brightest.type),
        explanation: `The pickup's coil and the input form a low-pass: ${guitars.map((g) => `${g.type} ${g.report.minus3DbHz === null ? 'no roll-off' : `−3 dB at ${hertz(g.report.minus3DbHz)}`}`).join(', ')}. Only the 1 MΩ input keeps the treble (and its low-frequency level is ${signedDb(guitar('hi-z').lowFrequencyDb)}).`,
      },
    ],
  };
}
