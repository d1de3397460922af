/**
 * <headroom-response-plot> and <headroom-impedance-plot> in real Chromium: the data handed to
 * uPlot must be the model's own numbers (solveChain, headphoneImpedanceAt), the chart must
 * follow its container's width down to a phone's, and screenshots are saved for review.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { abs, argDeg } from '../../src/model/complex.ts';
import { headphoneImpedanceAt } from '../../src/model/impedance.ts';
import { splDbAt, impedanceMagnitudeAt1kHz } from '../../src/model/acoustics.ts';
import { buildReport } from '../../src/model/report.ts';
import type { Headphone } from '../../src/model/setup.ts';
import { solveChain } from '../../src/model/solver.ts';
import { responseFrequenciesHz } from '../../src/model/units.ts';
import '../../src/ui/views/headroom-impedance-plot.ts';
import '../../src/ui/views/headroom-response-plot.ts';
import { amp, db, resistiveHeadphone, setup, source } from '../support/setups.ts';
import { frames, mount, shoot, themedStage } from './views-support.ts';
import { ohmRange, oneTwoFive } from '../../src/drawing/chart-scales.ts';
import { formatHz } from '../../src/text/format.ts';

const readable = (text: string | null | undefined): string => (text ?? '').replace(/[\s\u202f\u00a0]+/g, ' ').trim();

/** A dynamic headphone with a bass resonance: |Z| rises from 25 Ω to about 85 Ω near 89 Hz. */
const resonant: Headphone = {
  name: 'Resonant 32',
  sensitivity: { value: 102, unit: 'dB/mW' },
  impedance: { network: { reOhms: 25, leMh: 0.08, motional: { rOhms: 60, lMh: 8, cUf: 400 } } },
};

const weakSource = setup({ source: source({ name: 'Weak jack', outputImpedanceOhms: 100 }), signal: { levelDbfs: -10 }, headphones: [resonant] });
const withAmp = setup({ ...weakSource, amp: amp({ outputImpedanceOhms: 0.5 }) });

beforeEach(async () => {
  // A desktop-sized page unless a test says otherwise (Vitest's default is a 414 px phone).
  await page.viewport(1000, 800);
});

afterEach(async () => {
  document.body.replaceChildren();
  await page.viewport(1000, 800);
});

async function whenDrawn<T extends HTMLElement & { chart: unknown }>(element: T): Promise<T> {
  for (let i = 0; i < 50 && !element.chart; i++) await frames(1);
  expect(element.chart, 'uPlot chart is made once the element has a width').not.toBeNull();
  return element;
}

describe('<headroom-response-plot>', () => {
  it('plots a 100 Ω source into a resonant headphone with the deviation solveChain gives, to 1e-9 dB', async () => {
    const plot = document.createElement('headroom-response-plot');
    plot.curves = [{ label: 'A', setup: weakSource }];
    await whenDrawn(await mount(plot));
    const [hz, dbs] = plot.chart!.data as [number[], number[]];
    // The report's 301 frequencies, with 1 kHz itself added so the reference point is on the curve,
    // and 100 Hz and 10 kHz, which the chart's table reads (20 Hz and 20 kHz are the report's ends).
    expect(hz).toHaveLength(304);
    expect(hz).toEqual(expect.arrayContaining(responseFrequenciesHz()));
    const reference = abs(solveChain(weakSource, 1000).headphones[0]!.loadVoltage);
    hz.forEach((f, k) => {
      const expected = db(abs(solveChain(weakSource, f).headphones[0]!.loadVoltage) / reference);
      expect(Math.abs(dbs[k]! - expected)).toBeLessThan(1e-9);
    });
    expect(dbs[hz.indexOf(1000)]).toBe(0);
    // The resonance shows: several dB of bass lift from the 100 Ω divider, as the report says.
    const deviation = buildReport(weakSource).headphones[0]!.responseDeviationDb;
    expect(deviation.max - deviation.min).toBeGreaterThan(3);
    expect(Math.max(...dbs)).toBeCloseTo(deviation.max, 9);
    expect(Math.min(...dbs)).toBeCloseTo(deviation.min, 9);
    expect(plot.shadowRoot!.querySelector('.chart canvas')!.getAttribute('aria-label')).toMatch(/^Frequency response from 20 Hz to 20 kHz\. A · Resonant 32: /);

    // Taken out of the page it lets the chart go; put back, it draws it again.
    const stage = plot.parentElement!;
    plot.remove();
    expect(plot.chart).toBeNull();
    stage.append(plot);
    await whenDrawn(plot);
  });

  it('draws A and B per listener with a legend, and switches to absolute dB SPL with the toggle', async () => {
    const twoOnSplitter = setup({ ...weakSource, splitter: { cableResistanceOhms: 0.2 }, headphones: [resonant, resistiveHeadphone(300, 'Flat 300', 97)] });
    const plot = document.createElement('headroom-response-plot');
    plot.curves = [
      { label: 'A', setup: twoOnSplitter },
      { label: 'B', setup: { ...twoOnSplitter, amp: amp({ outputImpedanceOhms: 0.5 }) } },
    ];
    await whenDrawn(await mount(plot));
    const legend = [...plot.shadowRoot!.querySelectorAll('.u-legend .u-series th')].map((th) => th.textContent?.trim());
    expect(legend).toEqual(['A · 1. Resonant 32', 'A · 2. Flat 300', 'B · 1. Resonant 32', 'B · 2. Flat 300']);
    await shoot(plot, 'response-plot-light');

    plot.listener = 1;
    await plot.updateComplete;
    await whenDrawn(plot);
    expect([...plot.shadowRoot!.querySelectorAll('.u-legend .u-series th')].map((th) => th.textContent?.trim())).toEqual(['A · 2. Flat 300', 'B · 2. Flat 300']);
    plot.listener = null;
    await plot.updateComplete;

    const modes: string[] = [];
    plot.addEventListener('response-mode-change', (e) => modes.push(e.detail.mode));
    const absolute = [...plot.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes('dB SPL'))!;
    await userEvent.click(absolute);
    await plot.updateComplete;
    await whenDrawn(plot);
    expect(modes).toEqual(['absolute']);
    expect(absolute.getAttribute('aria-pressed')).toBe('true');
    const [hz, spl] = plot.chart!.data as [number[], number[]];
    hz.forEach((f, k) => {
      expect(spl[k]).toBeCloseTo(splDbAt(resonant, abs(solveChain(twoOnSplitter, f).headphones[0]!.loadVoltage)), 9);
    });
    expect(spl[hz.indexOf(1000)]).toBeCloseTo(buildReport(twoOnSplitter).headphones[0]!.splDb, 9);
  });

  it('offers crosstalk only with a shared return, and plots −R_g/(Z + Z_s + R_g) for a 16 Ω in-ear on a 2 Ω jack (−41.7 dB)', async () => {
    const plain = setup({ source: source({ outputImpedanceOhms: 2 }), headphones: [resistiveHeadphone(16, 'In-ear 16')] });
    const plot = document.createElement('headroom-response-plot');
    plot.curves = [{ label: 'A', setup: plain }];
    await whenDrawn(await mount(plot));
    const crosstalkButton = () => [...plot.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes('Crosstalk'));
    expect(crosstalkButton(), 'no shared return: no crosstalk view').toBeUndefined();

    // 0.05 Ω sleeve and a 0.1 Ω common wire (docs/model.md 14.4).
    const shared = { ...plain, format: 'headroom/setup@3' as const, source: { ...plain.source, groundResistanceOhms: 0.05 }, headphones: [{ ...plain.headphones[0]!, groundResistanceOhms: 0.1 }] };
    plot.curves = [{ label: 'A', setup: shared }];
    await plot.updateComplete;
    const modes: string[] = [];
    plot.addEventListener('response-mode-change', (e) => modes.push(e.detail.mode));
    await userEvent.click(crosstalkButton()!);
    await plot.updateComplete;
    await whenDrawn(plot);
    expect(modes).toEqual(['crosstalk']);
    expect(crosstalkButton()!.getAttribute('aria-pressed')).toBe('true');
    const [hz, leak] = plot.chart!.data as [number[], number[]];
    const expected = db(0.15 / (16 + 2 + 0.15));
    expect(expected.toFixed(1)).toBe('-41.7');
    // Resistive everywhere: the same leak at every frequency, to rounding.
    hz.forEach((_f, k) => expect(Math.abs(leak[k]! - expected)).toBeLessThan(1e-9));
    expect(leak[hz.indexOf(1000)]).toBeCloseTo(buildReport(shared).headphones[0]!.crosstalkDb!, 9);
    expect(plot.shadowRoot!.querySelector('.chart canvas')!.getAttribute('aria-label')).toMatch(/^Crosstalk \(the other channel re its own, for a signal in one channel\) from 20 Hz to 20 kHz\. A · In-ear 16: −41\.7 to −41\.7 dB\.$/);

    // Back to a setup without a shared return: the response again, and the button is gone.
    plot.curves = [{ label: 'A', setup: plain }];
    await plot.updateComplete;
    expect(crosstalkButton()).toBeUndefined();
    expect(plot.chart!.data[1]![hz.indexOf(1000)]).toBe(0);
  });

  it('draws new data with the same series into the same chart (setData), and rebuilds it only for new series', async () => {
    const plot = document.createElement('headroom-response-plot');
    plot.curves = [{ label: 'A', setup: weakSource }];
    await whenDrawn(await mount(plot));
    const chart = plot.chart!;
    // The same listener behind an amp: other numbers, the same series (A · Resonant 32).
    plot.curves = [{ label: 'A', setup: withAmp }];
    await plot.updateComplete;
    expect(plot.chart).toBe(chart);
    const [hz, dbs] = chart.data as [number[], number[]];
    const reference = abs(solveChain(withAmp, 1000).headphones[0]!.loadVoltage);
    expect(dbs[50]).toBeCloseTo(db(abs(solveChain(withAmp, hz[50]!).headphones[0]!.loadVoltage) / reference), 9);
    // An equal array handed down again changes nothing at all.
    plot.curves = [...plot.curves];
    await plot.updateComplete;
    expect(plot.chart).toBe(chart);
    // A second setup is a new series: a new chart.
    plot.curves = [
      { label: 'A', setup: weakSource },
      { label: 'B', setup: withAmp },
    ];
    await plot.updateComplete;
    expect(plot.chart).not.toBe(chart);
    expect(plot.chart!.series.map((series) => series.label)).toEqual(['Frequency', 'A · Resonant 32', 'B · Resonant 32']);
  });

  it('is a figure named by its title whose canvas is a named image, with the response at 20 Hz, 100 Hz, 1, 10 and 20 kHz in a table', async () => {
    const plot = document.createElement('headroom-response-plot');
    plot.curves = [
      { label: 'A', setup: weakSource },
      { label: 'B', setup: withAmp },
    ];
    await whenDrawn(await mount(plot));
    const root = plot.shadowRoot!;
    const figure = root.querySelector('figure')!;
    expect(root.getElementById(figure.getAttribute('aria-labelledby')!)!.textContent).toBe('Frequency response');
    expect(root.querySelector('.chart canvas')!.getAttribute('role')).toBe('img');
    const rows = [...root.querySelectorAll('[data-testid=figures] tbody tr')].map((row) => [...row.children].map((cell) => readable(cell.textContent)));
    expect(rows.map((row) => row[0])).toEqual(['20 Hz', '100 Hz', '1 kHz', '10 kHz', '20 kHz']);
    const expected = (chain: typeof weakSource, f: number) => db(abs(solveChain(chain, f).headphones[0]!.loadVoltage) / abs(solveChain(chain, 1000).headphones[0]!.loadVoltage));
    rows.forEach((row, k) => {
      const f = [20, 100, 1000, 10_000, 20_000][k]!;
      // Shown to 0.01 dB, with a true minus sign.
      expect(Number(row[1]!.replace('\u2212', '-'))).toBeCloseTo(expected(weakSource, f), 2);
      expect(Number(row[2]!.replace('\u2212', '-'))).toBeCloseTo(expected(withAmp, f), 2);
    });
  });

  it('follows its container down to a 390 px phone without overflowing the page, in dark colours', async () => {
    await page.viewport(390, 800);
    const stage = themedStage('dark');
    stage.style.padding = '12px';
    const plot = document.createElement('headroom-response-plot');
    plot.curves = [
      { label: 'A', setup: weakSource },
      { label: 'B', setup: withAmp },
    ];
    await whenDrawn(await mount(plot, stage));
    await frames(3);
    expect(plot.chart!.width).toBeLessThanOrEqual(390 - 24 - 26);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(390);
    await shoot(stage, 'response-plot-dark-390');

    stage.style.width = '300px';
    await frames(4);
    expect(plot.chart!.width).toBeLessThanOrEqual(300 - 24 - 26);
  });
});

describe('<headroom-impedance-plot>', () => {
  it('plots |Z| and phase of each headphone as the model gives them, |Z| at 1 kHz included', async () => {
    const curve: Headphone = {
      name: 'Measured',
      sensitivity: { value: 100, unit: 'dB/V' },
      impedance: { curve: [[20, 40, 10], [100, 60, 30], [1000, 33, 0], [20000, 45, 25]] },
    };
    const plot = document.createElement('headroom-impedance-plot');
    plot.headphones = [
      { name: 'Resonant 32', headphone: resonant },
      { name: 'Measured', headphone: curve },
      { name: 'Flat 300', headphone: resistiveHeadphone(300) },
    ];
    await whenDrawn(await mount(plot));
    const data = plot.chart!.data as number[][];
    const hz = data[0]!;
    const at1k = hz.indexOf(1000);
    expect(at1k).toBeGreaterThan(0);
    plot.headphones.forEach(({ headphone }, i) => {
      const magnitude = data[1 + 2 * i]!;
      const phase = data[2 + 2 * i]!;
      expect(magnitude[at1k]).toBe(impedanceMagnitudeAt1kHz(headphone));
      hz.forEach((f, k) => {
        const z = headphoneImpedanceAt(headphone.impedance, f);
        expect(magnitude[k]).toBe(abs(z));
        expect(phase[k]).toBe(argDeg(z));
      });
    });
    expect(data[3]![at1k]).toBeCloseTo(33, 12);
    expect(plot.shadowRoot!.querySelector('.chart canvas')!.getAttribute('aria-label')).toContain('Flat 300: 300 to 300 ohms');
    await shoot(plot, 'impedance-plot-light');
  });

  it('holds |Z| at 1 kHz and at its peak, and the phase range, in a table for screen readers', async () => {
    const plot = document.createElement('headroom-impedance-plot');
    plot.headphones = [
      { name: 'Resonant 32', headphone: resonant },
      { name: 'Flat 300', headphone: resistiveHeadphone(300) },
    ];
    await whenDrawn(await mount(plot));
    const rows = [...plot.shadowRoot!.querySelectorAll('[data-testid=figures] tbody tr')].map((row) => [...row.children].map((cell) => readable(cell.textContent)));
    const hz = plot.chart!.data[0] as number[];
    const magnitude = (plot.chart!.data[1] as number[]).map((v) => v);
    const peak = magnitude.indexOf(Math.max(...magnitude));
    expect(rows[0]![0]).toBe('Resonant 32');
    expect(rows[0]![1]).toBe(`${Number(impedanceMagnitudeAt1kHz(resonant).toPrecision(3))} Ω`);
    // The bass resonance: its peak and where it is (the plot's grid, 100 points a decade).
    expect(rows[0]![2]).toBe(`${Number(magnitude[peak]!.toPrecision(3))} Ω at ${readable(formatHz(hz[peak]!))}`);
    expect(rows[1]!.slice(1)).toEqual(['300 Ω', '300 Ω at 20 Hz', '0° to 0°']);
  });

  it('draws a subnormal impedance (5e-324 Ω) and a huge one with a bounded number of ticks', async () => {
    expect(oneTwoFive(5e-324, 1000).length).toBeLessThanOrEqual(3 * 7);
    expect(oneTwoFive(1, Number.MAX_VALUE).length).toBeLessThanOrEqual(3 * 10);
    expect(oneTwoFive(Number.NaN, 10)).toEqual([]);
    expect(ohmRange(5e-324, 5e-324)).toEqual([0.001, 0.005]);
    const plot = document.createElement('headroom-impedance-plot');
    plot.headphones = [{ name: 'Tiny', headphone: resistiveHeadphone(5e-324) }];
    await whenDrawn(await mount(plot));
    expect(plot.chart!.scales['ohm']!.min).toBe(0.001);
  });

  it('reads well in dark colours at phone width', async () => {
    await page.viewport(390, 800);
    const stage = themedStage('dark');
    stage.style.padding = '12px';
    const plot = document.createElement('headroom-impedance-plot');
    plot.headphones = [{ name: 'Resonant 32', headphone: resonant }];
    await whenDrawn(await mount(plot, stage));
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(390);
    await shoot(stage, 'impedance-plot-dark-390');
  });
});
