/**
 * The listening controls of the app mounted in real Chromium: each reports what the user
 * asked for as an event and never acts on a value out of range.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { HeadroomAbSwitch } from '../../src/ui/app/headroom-ab-switch.ts';
import type { HeadroomLevelControls } from '../../src/ui/app/headroom-level-controls.ts';
import type { HeadroomSourcePicker } from '../../src/ui/app/headroom-source-picker.ts';
import type { HeadroomTransport } from '../../src/ui/app/headroom-transport.ts';
import '../../src/ui/app/headroom-ab-switch.ts';
import '../../src/ui/app/headroom-level-controls.ts';
import '../../src/ui/app/headroom-source-picker.ts';
import '../../src/ui/app/headroom-transport.ts';
import type { UiEvent } from '../../src/ui/events.ts';

async function mount<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}): Promise<HTMLElementTagNameMap[K]> {
  const element = document.createElement(tag);
  Object.assign(element, props);
  document.body.append(element);
  await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return element;
}

function events<T extends Event>(target: EventTarget, type: string): T[] {
  const seen: T[] = [];
  target.addEventListener(type, (event) => seen.push(event as T));
  return seen;
}

const q = <T extends Element>(host: Element, selector: string): T => {
  const found = host.shadowRoot?.querySelector<T>(selector);
  expect(found, selector).toBeTruthy();
  return found!;
};

afterEach(() => document.body.replaceChildren());

describe('<headroom-transport>', () => {
  it('asks to play, then to pause, and seeks to the position the user drops the slider at', async () => {
    const transport: HeadroomTransport = await mount('headroom-transport', { duration: 9.6, position: 0 });
    const plays = events<UiEvent<'transport-play'>>(document, 'transport-play');
    const seeks = events<UiEvent<'transport-seek'>>(document, 'transport-seek');
    await userEvent.click(q(transport, '[data-testid=play]'));
    expect(plays.map((e) => e.detail.playing)).toEqual([true]);
    transport.playing = true;
    await transport.updateComplete;
    expect(q(transport, '[data-testid=play]').getAttribute('aria-label')).toBe('Pause');
    await userEvent.click(q(transport, '[data-testid=play]'));
    expect(plays.map((e) => e.detail.playing)).toEqual([true, false]);
    const seek = q<HTMLInputElement>(transport, '[data-testid=seek]');
    seek.value = '4.25';
    seek.dispatchEvent(new Event('change'));
    expect(seeks.map((e) => e.detail.seconds)).toEqual([4.25]);
  });

  it('a live input (no finite length) cannot be seeked or looped', async () => {
    const transport = await mount('headroom-transport', { duration: Infinity });
    expect(q<HTMLInputElement>(transport, '[data-testid=seek]').disabled).toBe(true);
    expect(q<HTMLButtonElement>(transport, '[data-testid=loop]').disabled).toBe(true);
    expect(transport.shadowRoot?.textContent).toContain('live');
  });
});

describe('<headroom-source-picker>', () => {
  it('a sine of 440 Hz at −20 dBFS is chosen with exactly the typed numbers', async () => {
    const picker: HeadroomSourcePicker = await mount('headroom-source-picker');
    const chosen = events<UiEvent<'source-choose'>>(document, 'source-choose');
    await userEvent.fill(q(picker, '[data-testid=sine-hz]'), '440');
    await userEvent.fill(q(picker, '[data-testid=sine-level]'), '-20');
    await userEvent.click(q(picker, '[data-kind=sine]'));
    expect(chosen.map((e) => e.detail.choice)).toEqual([{ kind: 'sine', hz: 440, levelDbfs: -20 }]);
  });

  it('a sine of 30 kHz is refused with the audible range, keeps the typed text and cannot be chosen', async () => {
    const picker = await mount('headroom-source-picker');
    const chosen = events<UiEvent<'source-choose'>>(document, 'source-choose');
    const hz = q<HTMLInputElement>(picker, '[data-testid=sine-hz]');
    await userEvent.fill(hz, '30000');
    expect(q(picker, '#sine-error').textContent).toContain('Sine frequency must be a number from 20 to 20000 Hz (got "30000")');
    expect(hz.value).toBe('30000');
    expect(hz.getAttribute('aria-invalid')).toBe('true');
    expect(q<HTMLButtonElement>(picker, '[data-kind=sine]').disabled).toBe(true);
    expect(chosen).toHaveLength(0);
  });

  it('shows an error from the app as an alert, the material still playing beside it, and lights the drop hint while files are dragged over the page', async () => {
    const picker: HeadroomSourcePicker = await mount('headroom-source-picker');
    picker.error = 'Cannot decode "take.wav": not audio';
    picker.current = 'Demo track';
    await picker.updateComplete;
    expect(q(picker, '[data-testid=source-error]').textContent).toContain('Cannot decode "take.wav"');
    expect(q(picker, '[data-testid=source-status]').textContent).toContain('Demo track');
    expect(q(picker, '[data-testid=drop]').classList.contains('over')).toBe(false);
    picker.dragging = true;
    await picker.updateComplete;
    expect(q(picker, '[data-testid=drop]').classList.contains('over')).toBe(true);
  });
});

describe('<headroom-ab-switch>', () => {
  it('asks for side B on its button and for the second listener of A in the listener choice', async () => {
    const ab: HeadroomAbSwitch = await mount('headroom-ab-switch', { listenersA: ['Anna', 'Ben'], listenersB: ['Anna'] });
    const sides = events<UiEvent<'side-change'>>(document, 'side-change');
    const listeners = events<UiEvent<'listener-change'>>(document, 'listener-change');
    await userEvent.click(q(ab, '[data-side=B]'));
    expect(sides.map((e) => e.detail.side)).toEqual(['B']);
    await userEvent.selectOptions(q(ab, '[data-testid=listener-A]'), '1');
    expect(listeners.map((e) => e.detail)).toEqual([{ side: 'A', index: 1 }]);
  });

  it('shows the loudness offset it applies when matching is on, and says so when it is off', async () => {
    const ab: HeadroomAbSwitch = await mount('headroom-ab-switch', { matchLoudness: true, loudnessOffsetDb: 4.9 });
    expect(q(ab, '[data-testid=loudness-offset]').textContent?.trim()).toBe('B +4.9 dB');
    ab.matchLoudness = false;
    await ab.updateComplete;
    expect(ab.shadowRoot?.textContent).toContain('off — you hear the level difference physics gives');
  });
});

describe('<headroom-level-controls>', () => {
  it('warns above 85 dB SPL simulated, and not at 85 dB', async () => {
    const controls: HeadroomLevelControls = await mount('headroom-level-controls', { simulatedSplDb: 85 });
    expect(controls.shadowRoot?.querySelector('[data-testid=spl-warning]')).toBeNull();
    controls.simulatedSplDb = 85.1;
    await controls.updateComplete;
    expect(q(controls, '[data-testid=spl-warning]').textContent).toContain('above 85 dB SPL');
  });

  it('a calibration of 170 dB SPL is refused with its range and not sent; 110 is sent', async () => {
    const controls = await mount('headroom-level-controls');
    const sent = events<UiEvent<'calibration-change'>>(document, 'calibration-change');
    const input = q<HTMLInputElement>(controls, '[data-testid=calibration]');
    await userEvent.fill(input, '170');
    input.dispatchEvent(new Event('change'));
    await controls.updateComplete;
    expect(q(controls, '#calibration-error').textContent).toBe('Calibration must be a number from 60 to 160 dB SPL (got "170")');
    expect(input.value).toBe('170');
    expect(sent).toHaveLength(0);
    await userEvent.fill(input, '110');
    input.dispatchEvent(new Event('change'));
    expect(sent.map((e) => e.detail.dbSpl)).toEqual([110]);
  });

  it('starts at a low listening level of −24 dB', async () => {
    const controls = await mount('headroom-level-controls');
    expect(q<HTMLInputElement>(controls, '[data-testid=listening-level]').value).toBe('-24');
  });
});
