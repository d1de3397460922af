/**
 * <headroom-input-panel> in real Chromium: its readouts are the model's input report, a typed
 * value out of range shows the contract's message with the allowed range and reaches neither
 * an event nor the engine, Play makes the engine (in the click) and plays the plucked string,
 * and it looks finished in light and dark, at desktop width and at 390 px (screenshots in
 * test-results/screenshots/input-*.png).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../../src/ui/input/headroom-input-panel.ts';
import type { HeadroomInputPanel } from '../../src/ui/input/headroom-input-panel.ts';
import { TYPICAL_LATENCY } from '../../src/model/catalog/input.ts';
import { buildInputReport } from '../../src/model/input/report.ts';
import type { InputReport } from '../../src/model/report-contract.ts';
import { example, testInputWorkletUrl } from './input-harness.ts';
import { frames, mount, shoot, shootPage, textOf, themedStage, type Scheme } from './views-support.ts';
import type { UiEvent } from '../../src/ui/events.ts';

// Rendering through worklets on a 2-core machine shared with other jobs: generous, each test takes a few seconds.
vi.setConfig({ testTimeout: 60_000 });

afterEach(() => {
  document.body.replaceChildren();
});

async function panel(scheme: Scheme = 'light', width = 1100): Promise<HeadroomInputPanel> {
  // As wide as the stage (element screenshots are clipped to the viewport's width, not its height).
  await page.viewport(width, 800);
  const element = document.createElement('headroom-input-panel');
  await mount(element, themedStage(scheme, width));
  await frames(3);
  return element;
}


const root = (p: HeadroomInputPanel) => p.shadowRoot!;
const cell = (p: HeadroomInputPanel, key: string, side: 'A' | 'B') => root(p).querySelector<HTMLTableCellElement>(`td[data-readout="${key}"][data-side="${side}"]`)!;

function reportValue(report: InputReport, key: string): number | null {
  const [part, field] = key.split('.') as [keyof InputReport, string];
  const section = report[part] as unknown as Record<string, number | null> | null;
  return section ? (section[field] ?? null) : null;
}

async function type(p: HeadroomInputPanel, id: string, text: string): Promise<HTMLInputElement> {
  const input = root(p).querySelector<HTMLInputElement>(`#${id}`)!;
  await userEvent.clear(input);
  if (text) await userEvent.type(input, text);
  await p.updateComplete;
  return input;
}

describe('<headroom-input-panel>', () => {
  it('shows the model’s input report for A (hi-Z) and B (line input): every readout is the report’s number', async () => {
    const p = await panel();
    const expected = {
      A: buildInputReport({ ...example('strat-into-hi-z'), latency: TYPICAL_LATENCY }),
      B: buildInputReport({ ...example('strat-into-line-input'), latency: TYPICAL_LATENCY }),
    };
    const cells = [...root(p).querySelectorAll<HTMLTableCellElement>('td[data-readout]')];
    expect(cells.length).toBeGreaterThanOrEqual(20);
    for (const td of cells) {
      const side = td.dataset['side'] as 'A' | 'B';
      const want = reportValue(expected[side], td.dataset['readout']!);
      expect(td.dataset['value'], `${side} ${td.dataset['readout']}`).toBe(want === null ? '' : String(want));
    }
    // What a teacher reads off: the hi-Z resonance survives, the line input has none and a 1 kHz corner.
    expect(textOf(cell(p, 'instrument.resonanceHz', 'A'))).toBe('4.46 kHz');
    expect(textOf(cell(p, 'instrument.peakDb', 'A'))).toBe('+3.07 dB');
    expect(textOf(cell(p, 'instrument.resonanceHz', 'B'))).toBe('none (damped)');
    expect(textOf(cell(p, 'instrument.minus3DbHz', 'B'))).toBe('1.06 kHz');
    expect(textOf(cell(p, 'latency.roundTripSamples', 'A'))).toBe('313.6');
    console.info(`panel readouts: ${cells.length} cells equal the report; A resonance ${textOf(cell(p, 'instrument.resonanceHz', 'A'))}, B −3 dB ${textOf(cell(p, 'instrument.minus3DbHz', 'B'))}`);
    // The plot draws both curves.
    const plot = root(p).querySelector('headroom-input-response-plot')!;
    await frames(3);
    expect(plot.chart?.series.length).toBe(3);
    await shootPage('input-panel-light');
    await shoot(plot, 'input-panel-light-plot');
    await shoot(root(p).querySelector('#input-readouts')!, 'input-panel-light-readouts');
    await shoot(root(p).querySelector('#input-bar')!, 'input-panel-light-bar');
  });

  it('an out-of-range value shows the contract’s message and the allowed range, and emits nothing', async () => {
    const p = await panel('light', 390);
    const events: UiEvent<'input-change'>[] = [];
    p.addEventListener('input-change', (e) => events.push(e));
    const input = await type(p, 'a-input-instrument-pickup-inductanceH', '-1');
    const error = root(p).querySelector('#a-input-instrument-pickup-inductanceH-error');
    expect(textOf(error)).toBe('Must be from 0.0001 to 100 H (got -1).');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('a-input-instrument-pickup-inductanceH-error');
    expect(input.value).toBe('-1');
    expect(events).toEqual([]);
    expect(p.choices.A).toBeNull();
    expect(root(p).querySelector<HTMLButtonElement>('[data-testid="input-play"]')!.disabled).toBe(true);
    // The readouts keep nothing invalid: A shows dashes, B its figures.
    expect(textOf(cell(p, 'instrument.resonanceHz', 'A'))).toBe('—');
    await shootPage('input-panel-390-error');

    await type(p, 'a-input-instrument-pickup-inductanceH', '4.7');
    expect(root(p).querySelector('#a-input-instrument-pickup-inductanceH-error')).toBeNull();
    expect(events.length).toBeGreaterThan(0);
    expect(events.at(-1)!.detail.choice.input.instrument!.pickup.inductanceH).toBe(4.7);
    expect(events.every((e) => e.detail.choice.input.instrument!.pickup.inductanceH > 0)).toBe(true);
  });

  it('the microphone path: a condenser without phantom power reads “no signal”, in dark at 390 px', async () => {
    const p = await panel('dark', 390);
    const events: UiEvent<'input-change'>[] = [];
    p.addEventListener('input-change', (e) => events.push(e));
    const radio = root(p).querySelector<HTMLInputElement>('fieldset[data-side="A"] input[type="radio"][value="microphone"]')!;
    await userEvent.click(radio);
    await p.updateComplete;
    expect(textOf(cell(p, 'microphone.levelDbfsAt94DbSpl', 'A'))).toBe('−31.7 dBFS');
    expect(textOf(cell(p, 'microphone.clipSplDb', 'A'))).toBe('125.6 dB SPL');
    await userEvent.click(root(p).querySelector<HTMLInputElement>('[data-testid="input-phantom-A"]')!);
    await p.updateComplete;
    expect(events.at(-1)!.detail.choice.input.microphone!.phantomPower).toBe(false);
    const report = buildInputReport(events.at(-1)!.detail.choice.input).microphone!;
    expect(report.hasSignal).toBe(false);
    expect(textOf(cell(p, 'microphone.levelDbfsAt94DbSpl', 'A'))).toBe('no signal (no phantom power)');
    expect(cell(p, 'microphone.noiseFloorDbfs', 'A').dataset['value']).toBe(String(report.noiseFloorDbfs));
    await shootPage('input-panel-dark-390-microphone');
  });

  it('Play makes the engine in the click and plays the plucked string through A; B and edits reach it live; removing the panel releases it', async () => {
    const p = await panel('dark', 1100);
    p.workletUrl = await testInputWorkletUrl();
    const play = root(p).querySelector<HTMLButtonElement>('[data-testid="input-play"]')!;
    await userEvent.click(play);
    // Rendering the plucked string with Tone.js takes 1–5 s here, longer on a loaded machine.
    for (let i = 0; i < 450 && !p.engine?.playing; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    const engine = p.engine!;
    expect(engine.playing).toBe(true);
    expect(engine.context.state).toBe('running');
    expect(engine.material?.name).toMatch(/^Plucked string/);
    expect(engine.listeningLevelDb).toBe(-24);
    await p.updateComplete;
    expect(textOf(play)).toBe('❚❚ Pause');

    await userEvent.click(root(p).querySelector<HTMLButtonElement>('[data-testid="input-side-B"]')!);
    expect(engine.side).toBe('B');
    await type(p, 'b-input-instrument-cable-lengthM', '6');
    expect(engine.pair.b.input.instrument!.cable.lengthM).toBe(6);
    await type(p, 'b-input-instrument-cable-lengthM', '-6');
    expect(engine.pair.b.input.instrument!.cable.lengthM).toBe(6);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const scope = new Float32Array(engine.analyser.fftSize);
    engine.analyser.getFloatTimeDomainData(scope);
    expect(scope.some((v) => v !== 0)).toBe(true);
    await shootPage('input-panel-dark-playing');

    p.remove();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(engine.isDisposed).toBe(true);
    expect(engine.context.state).toBe('closed');
  });
});
