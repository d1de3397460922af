/**
 * What the response and impedance charts draw and say for screen readers
 * (src/drawing/response-chart.ts, impedance-chart.ts): which series, in which mode, and the
 * figures their sentences and tables give, checked against the solver and hand arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { impedanceSentence, impedanceTable } from '../../src/drawing/impedance-chart.ts';
import { responseChart, responseSentence, responseTable } from '../../src/drawing/response-chart.ts';
import { impedanceCurve, plotFrequenciesHz } from '../../src/model/frequency-curves.ts';
import type { Setup } from '../../src/model/setup.ts';
import { formatHz, formatOhms } from '../../src/text/format.ts';
import { amp, db, resistiveHeadphone, setup, source } from '../support/setups.ts';

const TABLE_HZ = [20, 100, 1000, 10_000, 20_000];
const hz = plotFrequenciesHz(TABLE_HZ);
const pair = setup({ source: source({ outputImpedanceOhms: 10 }), splitter: { cableResistanceOhms: 0 }, headphones: [resistiveHeadphone(32, 'IEM'), resistiveHeadphone(300, 'HD 600')] });
/** The same in-ear on a 2 Ω jack with a 0.05 Ω sleeve and a 0.1 Ω common wire (docs/model.md 14.4). */
const shared: Setup = {
  ...setup({ source: source({ outputImpedanceOhms: 2, groundResistanceOhms: 0.05 }), headphones: [{ ...resistiveHeadphone(16, 'In-ear'), groundResistanceOhms: 0.1 }] }),
  format: 'headroom/setup@3',
};

describe('response chart', () => {
  it('draws every listener of each setup, named by setup and, when the setup has several, by number', () => {
    const chart = responseChart([{ label: 'A', setup: pair }, { label: 'B', setup: { ...pair, amp: amp() } }], 'relative', null, hz);
    expect(chart.series.map((s) => s.label)).toEqual(['A · 1. IEM', 'A · 2. HD 600', 'B · 1. IEM', 'B · 2. HD 600']);
    expect(chart.series.map((s) => s.curve)).toEqual([0, 0, 1, 1]);
    const alone = responseChart([{ label: 'A', setup: setup({ headphones: [resistiveHeadphone(32, 'IEM')] }) }], 'relative', null, hz);
    expect(alone.series.map((s) => s.label)).toEqual(['A · IEM']);
  });

  it('one listener’s index keeps that listener of every setup', () => {
    const chart = responseChart([{ label: 'A', setup: pair }, { label: 'B', setup: pair }], 'absolute', 1, hz);
    expect(chart.series.map((s) => s.label)).toEqual(['A · 2. HD 600', 'B · 2. HD 600']);
  });

  it('crosstalk is offered only when a setup has a shared return; asked for without one, the response re 1 kHz is drawn', () => {
    const without = responseChart([{ label: 'A', setup: pair }], 'crosstalk', null, hz);
    expect(without).toMatchObject({ crosstalkOffered: false, shown: 'relative' });
    const withReturn = responseChart([{ label: 'A', setup: shared }], 'crosstalk', null, hz);
    expect(withReturn).toMatchObject({ crosstalkOffered: true, shown: 'crosstalk' });
    // −R_g/(Z + Z_s + R_g) with R_g = 0.15 Ω: −41.7 dB at every frequency of a resistive chain.
    expect(responseSentence(withReturn)).toBe('Crosstalk (the other channel re its own, for a signal in one channel) from 20 Hz to 20 kHz. A · In-ear: −41.7 to −41.7 dB.');
    expect(db(0.15 / 18.15).toFixed(1)).toBe('-41.7');
  });

  it('the table reads each series at 20 Hz, 100 Hz, 1, 10 and 20 kHz; re 1 kHz the 1 kHz row is 0', () => {
    const chart = responseChart([{ label: 'A', setup: pair }], 'relative', null, hz);
    const table = responseTable(chart, hz, TABLE_HZ);
    expect(table.caption).toBe('Frequency response, dB re 1 kHz');
    expect(table.columns).toEqual(['Frequency', 'A · 1. IEM', 'A · 2. HD 600']);
    expect(table.rows.map((r) => r.label)).toEqual(TABLE_HZ.map(formatHz));
    // Resistive loads on a resistive source: flat, so every row reads 0.00 (zero takes no sign).
    expect(table.rows.flatMap((r) => r.cells)).toEqual(Array(10).fill('0.00'));
  });

  it('with nothing to draw, the sentence says so', () => {
    expect(responseSentence(responseChart([], 'relative', null, hz))).toBe('Frequency response: nothing to plot.');
  });
});

describe('impedance chart', () => {
  const resonant = {
    name: 'Resonant 32',
    headphone: { name: 'Resonant 32', sensitivity: { value: 102, unit: 'dB/mW' as const }, impedance: { network: { reOhms: 25, leMh: 0.08, motional: { rOhms: 60, lMh: 8, cUf: 400 } } } },
  };
  const flat = { name: 'Flat 300', headphone: resistiveHeadphone(300) };
  const curves = [resonant, flat].map((h) => impedanceCurve(h.headphone, hz));

  it('a resistive headphone reads its resistance at 1 kHz and as its peak, with no phase', () => {
    const [, row] = impedanceTable([resonant, flat], curves, hz).rows;
    expect(row).toEqual({ label: 'Flat 300', cells: [formatOhms(300), `${formatOhms(300)} at ${formatHz(20)}`, '0° to 0°'] });
  });

  it('a bass resonance shows as a |Z| peak well above the value at 1 kHz, at the frequency of the largest |Z|', () => {
    const [row] = impedanceTable([resonant], curves, hz).rows;
    const peak = curves[0]!.magnitudeOhms.indexOf(Math.max(...curves[0]!.magnitudeOhms));
    // 25 Ω plus the motional 60 Ω at resonance, 1/(2π√(LC)) = 89 Hz (8 mH, 400 µF).
    expect(hz[peak]).toBeGreaterThan(80);
    expect(hz[peak]).toBeLessThan(100);
    expect(row!.cells[1]).toBe(`${formatOhms(Number(curves[0]!.magnitudeOhms[peak]!.toPrecision(3)))} at ${formatHz(hz[peak]!)}`);
    expect(curves[0]!.magnitudeOhms[peak]).toBeGreaterThan(80);
  });

  it('the sentence gives each headphone’s |Z| range and its largest phase', () => {
    expect(impedanceSentence([flat], [curves[1]!])).toBe('Impedance magnitude and phase from 20 Hz to 20 kHz. Flat 300: 300 to 300 ohms, phase up to 0 degrees.');
    expect(impedanceSentence([], [])).toBe('Headphone impedance: nothing to plot.');
  });
});
