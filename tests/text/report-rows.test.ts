/**
 * What the report view shows, as rows (src/text/report-rows.ts): the chain's stages and their
 * figures, a listener's table, the clipping line and the advice grouped by listener. The
 * expected texts are written out by hand, with the page's narrow no-break space (U+202F)
 * between a number and its unit, the no-break space (U+00A0) of running text and a true minus sign.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/model/report.ts';
import type { Advice, ListenerReport, Report } from '../../src/model/report-contract.ts';
import type { Headphone, Setup } from '../../src/model/setup.ts';
import { adviceLines, chainStages, clippingLine, listenerList, listenerRows, type ListenerRow, type Span } from '../../src/text/report-rows.ts';
import { amp, resistiveHeadphone, setup, source } from '../support/setups.ts';

const N = '\u202f';
const NB = '\u00a0';

const text = (spans: readonly Span[]): string => spans.map((span) => (typeof span === 'string' ? span : span.text)).join('');
const figuresOf = (chain: Setup, kind: string): string[] => chainStages(chain).find((stage) => stage.kind === kind)!.figures.map((figure) => figure.text);
const listenerOf = (chain: Setup, overrides: Partial<ListenerReport> = {}): ListenerReport => ({ ...buildReport(chain).headphones[0]!, ...overrides });
const row = (rows: ListenerRow[], label: string): ListenerRow => rows.find((r) => r.label === label)!;

describe('the chain as stages', () => {
  it('lists source, amp, splitter and headphones in signal order, and leaves out the amp and splitter a setup lacks', () => {
    const full = setup({ amp: amp(), splitter: { cableResistanceOhms: 0.2 }, headphones: [resistiveHeadphone(32), resistiveHeadphone(300)] });
    expect(chainStages(full).map((stage) => stage.kind)).toEqual(['source', 'amp', 'splitter', 'headphones']);
    expect(chainStages(setup()).map((stage) => stage.kind)).toEqual(['source', 'headphones']);
    expect(chainStages(full).map((stage) => stage.title)).toEqual(['Source', 'Amplifier', 'Splitter', 'Headphones ×2']);
    expect(chainStages(full)[2]).toMatchObject({ name: 'Passive 2-way splitter', figures: [{ text: `0.2${N}Ω per branch` }, { text: 'All listeners share one output' }] });
  });

  it('an amp with a coupling capacitor lists it as a figure; one without does not', () => {
    const withCap = setup({ amp: amp({ couplingCapacitorUf: 220 }) });
    expect(figuresOf(withCap, 'amp')).toContain(`220${N}µF coupling capacitor`);
    expect(figuresOf(setup({ amp: amp() }), 'amp').some((figure) => figure.includes('capacitor'))).toBe(false);
  });

  it('an amp shows its gain with a sign (a decimal only when it has one), its rail with the current limit it has, and whether its outputs are shared', () => {
    const desk = setup({ amp: amp({ gainDb: 12, inputImpedanceOhms: 10_000, outputImpedanceOhms: 0.5, maxOutputVrms: 7, maxOutputCurrentMa: 250, outputs: 'independent' }) });
    expect(figuresOf(desk, 'amp')).toEqual([`+12${NB}dB gain, 10${N}kΩ input`, `0.5${N}Ω output impedance`, `7${N}Vrms rail, 250${N}mA peak`, 'Independent output per jack']);
    expect(figuresOf(setup({ amp: amp({ gainDb: 6.5 }) }), 'amp')[0]).toBe(`+6.5${NB}dB gain, 10${N}kΩ input`);
    expect(figuresOf(setup({ amp: amp({ maxOutputVrms: 2 }) }), 'amp')).toContain(`2${N}Vrms rail`);
  });

  it('a source lists its peak current and coupling capacitor only when the setup gives them, and its volume with a sign unless 0', () => {
    expect(figuresOf(setup({ source: source({ outputImpedanceOhms: 2, volumeDb: -6 }) }), 'source')).toEqual([`2${N}Ω output impedance`, `1${N}Vrms max at volume −6.0${NB}dB`]);
    expect(figuresOf(setup({ source: source({ maxOutputCurrentMa: 30, couplingCapacitorUf: 100 }) }), 'source')).toEqual([
      `0${N}Ω output impedance`,
      `1${N}Vrms max at volume 0${NB}dB`,
      `30${N}mA peak current`,
      `100${N}µF coupling capacitor`,
    ]);
  });

  it('identical headphones are listed once with a count, in order of first appearance', () => {
    const k371 = resistiveHeadphone(32, 'K371', 114);
    const chain = setup({ splitter: { cableResistanceOhms: 0 }, headphones: [k371, resistiveHeadphone(300, 'HD 600', 97), k371, k371] });
    const phones = chainStages(chain).at(-1)!;
    expect(phones.title).toBe('Headphones ×4');
    expect(phones.figures).toEqual([
      { lead: 'K371 ×3', text: `32${N}Ω, 114${NB}dB/V` },
      { lead: 'HD 600', text: `300${N}Ω, 97${NB}dB/V` },
    ]);
  });

  it('a headphone’s impedance is described as the model uses it: the voice-coil network first, then a measured curve, then the nominal value', () => {
    const phone = (impedance: Headphone['impedance']): Setup => setup({ headphones: [{ name: 'P', sensitivity: { value: 105, unit: 'dB/V' }, impedance }] });
    const described = (impedance: Headphone['impedance']): string => chainStages(phone(impedance)).at(-1)!.figures[0]!.text;
    expect(described({ nominalOhms: 32, network: { reOhms: 16, leMh: 0.05 } })).toBe(`16${N}Ω + 0.05${N}mH voice coil, 105${NB}dB/V`);
    expect(described({ network: { reOhms: 16, leMh: 0 } })).toBe(`16${N}Ω voice coil, 105${NB}dB/V`);
    expect(described({ nominalOhms: 32, curve: [[20, 33, 0], [1000, 32, 0], [20_000, 40, 0]] })).toBe(`measured impedance (3 points), 105${NB}dB/V`);
    expect(described({ nominalOhms: 32 })).toBe(`32${N}Ω, 105${NB}dB/V`);
  });
});

describe('a listener’s table', () => {
  it('has the six rows of every listener, then one per gear figure the report has', () => {
    const labels = (rows: ListenerRow[]) => rows.map((r) => r.label);
    const six = ['Test tone', 'Voltage', 'Power', 'Change vs alone', 'Max clean SPL', 'Response'];
    const plain = listenerOf(setup());
    expect(labels(listenerRows(plain))).toEqual(six);
    const gear = { ...plain, impedanceFitErrorDb: 0.02, hissDbSplA: 10, hissAboveThresholdDb: -5, crosstalkDb: -60, sharedReturnLossDb: 0 };
    expect(labels(listenerRows(gear))).toEqual([...six, 'Curve fit', 'Hiss', 'Crosstalk']);
    expect(listenerRows(gear).slice(6).map((r) => r.testid)).toEqual(['fit-error', 'hiss', 'crosstalk']);
  });

  it('a 32 Ω headphone on a 1 Vrms, 0 Ω source: 1.00 V, 31.3 mW and 100.0 dB SPL, unchanged vs alone, flat', () => {
    // P = 1²/32 Ω = 31.25 mW; 100 dB/V at 1 V is 100 dB SPL; a resistive load on 0 Ω has no deviation.
    const rows = listenerRows(listenerOf(setup({ headphones: [resistiveHeadphone(32, 'Test', 100)] })));
    expect(text(row(rows, 'Test tone').lines[0]!)).toBe(`100.0${N}dB${NB}SPL`);
    expect(row(rows, 'Test tone').lines[0]![0]).toEqual({ text: `100.0${N}dB`, tone: 'spl', testid: 'spl' });
    expect(text(row(rows, 'Voltage').lines[0]!)).toBe(`1.00${N}Vrms`);
    expect(text(row(rows, 'Power').lines[0]!)).toBe(`31.3${N}mW`);
    expect(text(row(rows, 'Change vs alone').lines[0]!)).toBe(`0.0${N}dB`);
    expect(row(rows, 'Response').lines).toEqual([[`Flat (0.00${N}dB)`]]);
  });

  it('a level more than 0.05 dB below alone is marked as a loss; one 0.05 dB below is not', () => {
    const change = (levelChangeDb: number) => row(listenerRows(listenerOf(setup(), { levelChangeDb })), 'Change vs alone').lines[0]![0];
    expect(change(-0.06)).toEqual({ text: `−0.1${N}dB`, tone: 'loss' });
    expect(change(-0.05)).toBe(`−0.1${N}dB`);
  });

  it('a response that moves by less than 0.005 dB is flat; one that moves more gives its lowest and highest points with their frequencies, one per line', () => {
    const response = (responseDeviationDb: ListenerReport['responseDeviationDb']) => row(listenerRows(listenerOf(setup(), { responseDeviationDb })), 'Response').lines;
    expect(response({ min: -0.002, minHz: 20, max: 0.002, maxHz: 20_000 })).toEqual([[`Flat (0.00${N}dB)`]]);
    expect(response({ min: -1.5, minHz: 20, max: 0.25, maxHz: 2500 })).toEqual([[`−1.50${N}dB at 20${N}Hz`], [`+0.25${N}dB at 2.5${N}kHz`]]);
  });

  it('hiss at or above the threshold of hearing is marked as a loss; hiss below it is not', () => {
    const hiss = (above: number) => row(listenerRows(listenerOf(setup(), { hissDbSplA: 20, hissAboveThresholdDb: above })), 'Hiss').lines[0]![0];
    expect(hiss(0)).toMatchObject({ tone: 'loss' });
    expect(typeof hiss(-0.1)).toBe('string');
  });

  it('the crosstalk row notes what the shared return costs only from 0.005 dB', () => {
    const notes = (loss: number) => row(listenerRows(listenerOf(setup(), { crosstalkDb: -41.7, sharedReturnLossDb: loss })), 'Crosstalk').notes;
    expect(notes(-0.14)).toEqual(['leak into the other channel through shared returns', { text: `Shared return: −0.14${N}dB in every level above`, testid: 'shared-return-loss' }]);
    expect(notes(-0.004)).toEqual(['leak into the other channel through shared returns']);
  });
});

describe('the clipping line', () => {
  const chain = setup({ signal: { levelDbfs: -10 }, amp: amp({ name: 'Desk amp' }) });
  const line = (atSignalDbfs: number) => clippingLine({ limitedBy: 'rail', stage: 'amp', atSignalDbfs }, chain);

  it('no limit up to 0 dBFS reads clean', () => {
    expect(clippingLine({ limitedBy: 'none', stage: null, atSignalDbfs: 0 }, chain)).toMatchObject({ state: 'ok', badge: 'Clean' });
  });

  it('a limit 3 dB or more above the test signal is headroom, one less than 3 dB above is near, one below it is clipping by the excess', () => {
    expect(line(-7)).toMatchObject({ state: 'ok', badge: 'Headroom' });
    expect(text(line(-7).sentence)).toBe(`Limited by the voltage rail of the amp (Desk amp) at −7.0${N}dBFS, 3.0${N}dB above the test signal.`);
    expect(line(-7.1)).toMatchObject({ state: 'near', badge: 'Near limit' });
    expect(line(-12)).toMatchObject({ state: 'over', badge: 'Clipping' });
    expect(text(line(-12).sentence)).toBe(`Limited by the voltage rail of the amp (Desk amp) at −12.0${N}dBFS, the test signal is already 2.0${N}dB past it.`);
  });

  it('a current limit of the source names the source', () => {
    const limited = clippingLine({ limitedBy: 'current', stage: 'source', atSignalDbfs: -3 }, setup({ signal: { levelDbfs: -10 }, source: source({ name: 'Phone' }) }));
    expect(text(limited.sentence)).toMatch(/^Limited by the current limit of the source \(Phone\) at −3\.0/);
  });
});

describe('the advice, grouped by listener', () => {
  const advice = (summary: string, reasons: string[] = []): Advice => ({
    targetSplDb: 110,
    verdict: reasons.length === 0 ? 'fine' : 'improve',
    summary,
    reasons: reasons.map((text) => ({ kind: 'shared-output', text }) as Advice['reasons'][number]),
  });
  const reportOf = (...advices: Advice[]): Report => {
    const report = buildReport(setup({ splitter: { cableResistanceOhms: 0 }, headphones: advices.map(() => resistiveHeadphone(32)) }));
    return { ...report, headphones: report.headphones.map((h, i) => ({ ...h, advice: advices[i]! })) };
  };

  it('listeners with identical advice share one line, in order of the first listener of each', () => {
    const fine = advice('Fine.');
    const short = advice('Too quiet.', ['Too quiet.', 'Shares one output.']);
    const lines = adviceLines(reportOf(short, fine, short));
    expect(lines.map((l) => l.who)).toEqual(['Listeners 1, 3', 'Listener 2']);
    expect(lines[0]).toMatchObject({ state: 'near', badge: 'Improve', verdict: 'improve', sentence: ['Too quiet.'], more: ['Shares one output.'] });
    expect(lines[1]).toMatchObject({ state: 'ok', badge: null, verdict: 'fine', more: [] });
  });

  it('a single listener’s line names no one', () => {
    expect(adviceLines(reportOf(advice('Fine.')))).toMatchObject([{ who: null }]);
  });

  it('a group of every listener is "Both listeners" for two and "All n listeners" for more', () => {
    expect(listenerList([1, 2], 2)).toBe('Both listeners');
    expect(listenerList([1, 2, 3], 3)).toBe('All 3 listeners');
    expect(listenerList([2], 3)).toBe('Listener 2');
    expect(listenerList([1, 3], 4)).toBe('Listeners 1, 3');
  });
});
