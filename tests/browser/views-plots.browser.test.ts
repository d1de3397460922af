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
    // The report's 301 frequencies, with 1 kHz itself added so the reference point is on the curve.
    expect(hz).toHaveLength(302);
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
    expect(plot.shadowRoot!.querySelector('.chart')!.getAttribute('aria-label')).toMatch(/^Frequency response from 20 Hz to 20 kHz\. A · Resonant 32: /);

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
    expect(plot.shadowRoot!.querySelector('.chart')!.getAttribute('aria-label')).toContain('Flat 300: 300 to 300 ohms');
    await shoot(plot, 'impedance-plot-light');
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
