/**
 * <headroom-report-view> and <headroom-preset-picker> mounted in real Chromium (Vitest browser
 * mode). The view must show the report's numbers as they are, the chain in order and the
 * clipping line; these tests build setups whose numbers are known by hand.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { buildReport } from '../../src/model/report.ts';
import type { Setup } from '../../src/model/setup.ts';
import type { HeadroomReportView } from '../../src/ui/headroom-report-view.ts';
import type { HeadroomPresetPicker } from '../../src/ui/headroom-preset-picker.ts';
import '../../src/ui/headroom-report-view.ts';
import '../../src/ui/headroom-preset-picker.ts';
import { amp, resistiveHeadphone, setup, source } from '../support/setups.ts';
import { shoot } from './views-support.ts';

/** Text as a reader sees it: narrow no-break spaces and runs of whitespace become one space. */
function textOf(node: Element | ShadowRoot | null | undefined): string {
  return (node?.textContent ?? '').replace(/[\s\u202f\u00a0]+/g, ' ').trim();
}

async function mountView(chain: Setup, heading = 'Test chain', story = 'What this chain shows.'): Promise<HeadroomReportView> {
  const view = document.createElement('headroom-report-view');
  view.heading = heading;
  view.story = story;
  view.setup = chain;
  view.report = buildReport(chain);
  document.body.append(view);
  await view.updateComplete;
  return view;
}

const shadow = (el: Element): ShadowRoot => {
  expect(el.shadowRoot, 'component renders into a shadow root').not.toBeNull();
  return el.shadowRoot!;
};

afterEach(() => {
  document.body.replaceChildren();
});

describe('<headroom-report-view>', () => {
  it('shows a 32 Ω headphone on an ideal 1 Vrms source at 1.00 V, 31.3 mW and 100.0 dB SPL, unchanged vs alone and flat', async () => {
    // 0 Ω source, 1 Vrms EMF at 0 dBFS: the load sees 1 V; P = 1²/32 Ω = 31.25 mW; 100 dB/V + 20·log10(1) = 100 dB.
    const chain = setup({ headphones: [resistiveHeadphone(32, 'Test IEM', 100)] });
    const root = shadow(await mountView(chain));
    const card = root.querySelector('[data-testid="listener"]');
    expect(textOf(card)).toContain('Test IEM');
    expect(textOf(card?.querySelector('[data-testid="spl"]'))).toBe('100.0 dB');
    expect(textOf(card)).toContain('1.00 Vrms');
    expect(textOf(card)).toContain('31.3 mW');
    expect(textOf(card)).toMatch(/Change vs alone 0\.0 dB/);
    // A resistive load on a 0 Ω source has no response deviation at all.
    expect(textOf(card)).toContain('Response Flat (0.00 dB)');
  });

  it('shows the heading, the story and the chain in order source → amp → splitter → headphones with key figures', async () => {
    const chain = setup({
      source: source({ name: 'Phone jack', outputImpedanceOhms: 2, maxOutputVrms: 1, volumeDb: -6 }),
      amp: amp({ name: 'Desk amp', gainDb: 12, outputImpedanceOhms: 0.5, maxOutputVrms: 7, maxOutputCurrentMa: 250 }),
      splitter: { cableResistanceOhms: 0.2 },
      headphones: [resistiveHeadphone(300, 'HD 600', 97), resistiveHeadphone(32, 'IEM', 110)],
    });
    const root = shadow(await mountView(chain, 'Two on a splitter', 'Both listeners share one output.'));
    expect(textOf(root.querySelector('h2'))).toBe('Two on a splitter');
    expect(textOf(root.querySelector('.story'))).toBe('Both listeners share one output.');

    const stages = [...root.querySelectorAll('.chain > .stage')].map((li) => li.getAttribute('data-stage'));
    expect(stages).toEqual(['source', 'amp', 'splitter', 'headphones']);
    const stageText = (name: string) => textOf(root.querySelector(`[data-stage="${name}"]`));
    expect(stageText('source')).toContain('Phone jack');
    expect(stageText('source')).toContain('2 Ω output impedance');
    expect(stageText('source')).toContain('volume −6.0 dB');
    expect(stageText('amp')).toContain('+12 dB gain');
    expect(stageText('amp')).toContain('7 Vrms rail, 250 mA peak');
    expect(stageText('splitter')).toContain('0.2 Ω per branch');
    expect(stageText('headphones')).toContain('HD 600 300 Ω, 97 dB/V');
    expect(stageText('headphones')).toContain('IEM 32 Ω, 110 dB/V');
  });

  it('shows one table per listener with the report’s voltage, power, SPL, change vs alone, max clean SPL and response extremes', async () => {
    const chain = setup({
      source: source({ outputImpedanceOhms: 10 }),
      splitter: { cableResistanceOhms: 0 },
      headphones: [resistiveHeadphone(32, 'Left'), resistiveHeadphone(32, 'Right')],
    });
    const view = await mountView(chain);
    const report = view.report!;
    const cards = [...shadow(view).querySelectorAll('[data-testid="listener"]')];
    expect(cards).toHaveLength(2);
    cards.forEach((card, i) => {
      const listener = report.headphones[i]!;
      const text = textOf(card);
      expect(text).toContain(i === 0 ? 'Left' : 'Right');
      expect(card.querySelectorAll('tbody tr')).toHaveLength(6);
      expect(textOf(card.querySelector('[data-testid="spl"]'))).toBe(`${listener.splDb.toFixed(1)} dB`);
      // Two 32 Ω loads in parallel on 10 Ω: each gets 16/26 of the EMF instead of 32/42 alone.
      expect(listener.levelChangeDb).toBeCloseTo(20 * Math.log10((16 / 26) / (32 / 42)), 6);
      expect(text).toContain(`Change vs alone ${listener.levelChangeDb.toFixed(1).replace('-', '−')} dB`);
      expect(text).toContain(`Max clean SPL ${listener.maxCleanSplDb.toFixed(1)} dB`);
      expect(text).toContain(`Power ${listener.powerMw.toFixed(1)} mW`);
      expect(card.querySelector('svg.response-plot polyline')?.getAttribute('points')?.split(' ')).toHaveLength(301);
    });
  });

  it('shows where the response is lowest and highest, with their frequencies, for an inductive in-ear on a 10 Ω source', async () => {
    const inEar: Setup['headphones'][number] = {
      name: 'Inductive IEM',
      sensitivity: { value: 105, unit: 'dB/V' },
      impedance: { network: { reOhms: 16, leMh: 0.05 } },
    };
    const view = await mountView(setup({ source: source({ outputImpedanceOhms: 10 }), headphones: [inEar] }));
    const deviation = view.report!.headphones[0]!.responseDeviationDb;
    // The voice-coil inductance raises |Z| with frequency, so the top of the band is loudest:
    // |Z/(Z + 10 Ω)| at 20 kHz over the same at 1 kHz, with Z = 16 Ω + jω·0.05 mH.
    const divider = (hz: number) => {
      const x = 2 * Math.PI * hz * 0.05e-3;
      return Math.hypot(16, x) / Math.hypot(26, x);
    };
    expect(deviation.maxHz).toBe(20_000);
    expect(deviation.max).toBeCloseTo(20 * Math.log10(divider(20_000) / divider(1000)), 6);
    const text = textOf(shadow(view).querySelector('[data-testid="listener"]'));
    expect(text).toContain(`+${deviation.max.toFixed(2)} dB at 20 kHz`);
    // The lowest point is the bottom of the band, a hair under 0 dB; it reads 0.00, never −0.00.
    expect(deviation.minHz).toBe(20);
    expect(Math.abs(deviation.min)).toBeLessThan(0.005);
    expect(text).toContain(' 0.00 dB at 20 Hz');
    expect(textOf(shadow(view).querySelector('[data-stage="headphones"]'))).toContain('16 Ω + 0.05 mH voice coil, 105 dB/V');
  });

  it('states which limit clips first, at which stage and signal level, and flags a signal already past it', async () => {
    // 0 dBFS into an amp whose 1 Vrms rail sees 2 Vrms of EMF: the rail is reached 6.02 dB below full scale.
    const chain = setup({
      signal: { levelDbfs: 0 },
      amp: amp({ name: 'Small amp', gainDb: 20 * Math.log10(2), maxOutputVrms: 1 }),
      headphones: [resistiveHeadphone(300)],
    });
    const view = await mountView(chain);
    expect(view.report!.clipping).toMatchObject({ limitedBy: 'rail', stage: 'amp' });
    const line = shadow(view).querySelector('[data-testid="clipping"]');
    expect(line?.classList.contains('over')).toBe(true);
    expect(textOf(line)).toBe(
      `Clipping Limited by the voltage rail of the amp (Small amp) at ${view.report!.clipping.atSignalDbfs.toFixed(1).replace('-', '−')} dBFS, the test signal is already 6.0 dB past it.`,
    );
  });

  it('says no stage clips when the report finds no limit up to 0 dBFS', async () => {
    const view = await mountView(setup({ signal: { levelDbfs: -20 } }));
    expect(view.report!.clipping.limitedBy).toBe('none');
    const line = shadow(view).querySelector('[data-testid="clipping"]');
    expect(line?.classList.contains('ok')).toBe(true);
    expect(textOf(line)).toContain('No stage clips');
  });

  it('lists identical headphones once in the chain with a count, but gives each listener its own table', async () => {
    const same = resistiveHeadphone(32, 'K371', 114);
    const view = await mountView(setup({ splitter: { cableResistanceOhms: 0.1 }, headphones: [same, same, same, resistiveHeadphone(300, 'HD 600', 97)] }));
    const phones = [...shadow(view).querySelectorAll('[data-stage="headphones"] .phones > li')].map((li) => textOf(li));
    expect(phones).toEqual(['K371 ×3 32 Ω, 114 dB/V', 'HD 600 300 Ω, 97 dB/V']);
    expect(shadow(view).querySelectorAll('[data-testid="listener"]')).toHaveLength(4);
  });

  it('leaves out the amp and the splitter when the chain has none', async () => {
    const root = shadow(await mountView(setup()));
    const stages = [...root.querySelectorAll('.chain > .stage')].map((li) => li.getAttribute('data-stage'));
    expect(stages).toEqual(['source', 'headphones']);
  });

  it('shows each listener’s live clipping state when the audio reports one', async () => {
    const chain = setup({ splitter: { cableResistanceOhms: 0 }, headphones: [resistiveHeadphone(32, 'Left'), resistiveHeadphone(32, 'Right')] });
    const view = await mountView(chain);
    expect(shadow(view).querySelectorAll('[data-testid="live-clipping"]')).toHaveLength(0);
    view.liveClipping = [false, true];
    await view.updateComplete;
    const badges = [...shadow(view).querySelectorAll('[data-testid="listener"]')].map((card) => card.querySelector('[data-testid="live-clipping"]'));
    expect(badges.map((b) => textOf(b))).toEqual(['Clean', 'Clipping']);
    expect(badges[1]!.classList.contains('over')).toBe(true);
    await page.viewport(1000, 800);
    await shoot(shadow(view).querySelectorAll('[data-testid="listener"]')[1]!, 'report-view-listener-clipping');
  });

  it('shows no hiss, crosstalk or curve-fit row for a setup without those figures', async () => {
    const root = shadow(await mountView(setup()));
    for (const id of ['hiss', 'crosstalk', 'fit-error']) expect(root.querySelector(`[data-testid="${id}"]`), id).toBeNull();
  });

  it('shows a listener’s hiss in plain words: 30 dB SPL(A) of white hiss is audible in a quiet room, 6 dB SPL(A) is not', async () => {
    // A 0 Ω source into a 100 dB/V headphone: the hiss is 100 + 20·log10(V_noise) dB SPL(A) (docs/model.md 14.3).
    const hissAt = (dbA: number) => setup({ format: 'headroom/setup@3', source: source({ noise: { uVrms: 10 ** ((dbA - 100) / 20) * 1e6, weighting: 'A' } }) });
    const loud = shadow(await mountView(hissAt(30)));
    const above = buildReport(hissAt(30)).headphones[0]!.hissAboveThresholdDb!;
    expect(textOf(loud.querySelector('[data-testid="hiss"]'))).toBe(`Hiss 30.0 dB SPL(A) — audible in a quiet room, ${above.toFixed(1)} dB above the threshold of hearing`);
    document.body.replaceChildren();
    const quiet = shadow(await mountView(hissAt(-5)));
    expect(textOf(quiet.querySelector('[data-testid="hiss"]'))).toMatch(/^Hiss −5\.0 dB SPL\(A\) — inaudible, \d+\.\d dB below the threshold of hearing$/);
  });

  it('shows the crosstalk at 1 kHz and what the shared return costs: −41.7 dB and −0.14 dB for a 16 Ω in-ear on a 2 Ω jack', async () => {
    // −R_g/(Z + Z_s + R_g) with R_g = 0.05 + 0.1 Ω; the loss is 20·log10((16 + 2)/(16 + 2 + 2·0.15)) (docs/model.md 14.4).
    const chain = setup({
      format: 'headroom/setup@3',
      source: source({ outputImpedanceOhms: 2, groundResistanceOhms: 0.05 }),
      headphones: [{ ...resistiveHeadphone(16, 'In-ear 16'), groundResistanceOhms: 0.1 }],
    });
    const root = shadow(await mountView(chain));
    const crosstalk = 20 * Math.log10(0.15 / 18.15);
    const loss = 20 * Math.log10(18 / 18.3);
    expect(crosstalk.toFixed(1)).toBe('-41.7');
    expect(textOf(root.querySelector('[data-testid="crosstalk"]'))).toBe(
      `Crosstalk −41.7 dB at 1 kHz leak into the other channel through shared returns Shared return: ${loss.toFixed(2).replace('-', '−')} dB in every level above`,
    );
  });

  it('shows how closely a measured curve’s fitted model follows it', async () => {
    const curve: [number, number, number][] = [20, 100, 1000, 10_000, 20_000].map((f) => [f, 32 + f / 2000, 0]);
    const chain = setup({ source: source({ outputImpedanceOhms: 10 }), headphones: [{ name: 'Measured', sensitivity: { value: 100, unit: 'dB/V' }, impedance: { curve } }] });
    const report = buildReport(chain);
    const root = shadow(await mountView(chain));
    expect(textOf(root.querySelector('[data-testid="fit-error"]'))).toContain(`Curve fit ${report.headphones[0]!.impedanceFitErrorDb!.toFixed(2)} dB`);
  });

  it('shows a placeholder instead of numbers when it has no report', async () => {
    const view = document.createElement('headroom-report-view');
    document.body.append(view);
    await view.updateComplete;
    expect(textOf(shadow(view))).toBe('No setup to show.');
  });
});

describe('<headroom-preset-picker>', () => {
  it('lists the presets, selects the given one and sends preset-change with the picked id', async () => {
    const picker = document.createElement('headroom-preset-picker') as HeadroomPresetPicker;
    picker.presets = [
      { id: 'a', title: 'Phone alone' },
      { id: 'b', title: 'Phone and amp' },
    ];
    picker.selected = 'a';
    document.body.append(picker);
    await picker.updateComplete;
    const select = shadow(picker).querySelector('select')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Phone alone', 'Phone and amp']);
    expect(select.value).toBe('a');

    const picked: string[] = [];
    document.body.addEventListener('preset-change', (event) => picked.push(event.detail.id));
    await userEvent.selectOptions(select, 'b');
    expect(picked).toEqual(['b']);
  });
});
