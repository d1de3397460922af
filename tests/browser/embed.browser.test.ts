/**
 * <headroom-sim> mounted in real Chromium (Vitest browser mode), the way another page embeds
 * it: by attribute. It must show the model's report of the preset or setup it is given, its
 * circuit, and for an invalid attribute the validator's message naming the field, not a crash.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { findPreset } from '../../src/model/catalog/presets.ts';
import { buildReport } from '../../src/model/report.ts';
import type { Setup } from '../../src/model/setup.ts';
import type { HeadroomSim } from '../../src/embed/index.ts';
import '../../src/embed/index.ts';
import { resistiveHeadphone, setup, source } from '../support/setups.ts';

function textOf(node: Element | ShadowRoot | null | undefined): string {
  return (node?.textContent ?? '').replace(/[\s\u202f\u00a0]+/g, ' ').replace(/\u2212/g, '-').trim();
}

async function mount(attributes: Record<string, string>): Promise<HeadroomSim> {
  const element = document.createElement('headroom-sim');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  await element.updateComplete;
  return element;
}

/** The SPL figures the embedded report view shows, in listener order. */
async function shownSpl(element: HeadroomSim): Promise<string[]> {
  const view = element.shadowRoot!.querySelector('headroom-report-view');
  expect(view, 'the element shows a report view').not.toBeNull();
  await view!.updateComplete;
  return [...view!.shadowRoot!.querySelectorAll('[data-testid="spl"]')].map((node) => textOf(node));
}

const expectedSpl = (chain: Setup): string[] => buildReport(chain).headphones.map((listener) => `${listener.splDb.toFixed(1)} dB`);

afterEach(() => {
  document.body.replaceChildren();
});

describe('<headroom-sim>', () => {
  it('preset="phone-hd600" shows the preset’s title, story, the report’s SPL and the circuit', async () => {
    const preset = findPreset('phone-hd600')!;
    const element = await mount({ preset: preset.id });
    const root = element.shadowRoot!;
    expect(textOf(root.querySelector('[data-testid="sim-title"]'))).toBe(preset.title);
    expect(textOf(root)).toContain(preset.story);
    expect(await shownSpl(element)).toEqual(expectedSpl(preset.setup));
    expect(root.querySelector('headroom-circuit')).not.toBeNull();
    expect(textOf(root.querySelector('[data-testid="sim-listen"]'))).toBe('Listen');
    expect(root.querySelector('[data-testid="sim-error"]')).toBeNull();
  });

  it('every preset shows the SPL of its own report', async () => {
    for (const id of ['laptop-splitter-two-m50x', 'band-interface-distribution-amp', 'iec-120-ohm-hf5']) {
      const preset = findPreset(id)!;
      const element = await mount({ preset: id });
      expect(await shownSpl(element), id).toEqual(expectedSpl(preset.setup));
      element.remove();
    }
  });

  it('a setup attribute (headroom/setup@1 JSON) shows that setup’s report, a chain title and a listener choice for two listeners', async () => {
    const chain = setup({
      source: source({ name: 'Embed laptop', outputImpedanceOhms: 10, maxOutputVrms: 1 }),
      splitter: { cableResistanceOhms: 0.2 },
      headphones: [resistiveHeadphone(38, 'Closed 38', 99), resistiveHeadphone(16, 'In-ear 16', 105)],
    });
    const element = await mount({ setup: JSON.stringify(chain) });
    expect(await shownSpl(element)).toEqual(expectedSpl(chain));
    expect(textOf(element.shadowRoot!.querySelector('[data-testid="sim-title"]'))).toBe('Embed laptop → 2 listeners');
    const options = [...element.shadowRoot!.querySelectorAll('select option')].map((option) => textOf(option));
    expect(options).toEqual(['1. Closed 38', '2. In-ear 16']);
  });

  it('setup wins over preset, and heading overrides the title', async () => {
    const chain = setup({ headphones: [resistiveHeadphone(32, 'Only one', 100)] });
    const element = await mount({ preset: 'phone-hd600', setup: JSON.stringify(chain), heading: 'My chain' });
    expect(await shownSpl(element)).toEqual(expectedSpl(chain));
    expect(textOf(element.shadowRoot!.querySelector('[data-testid="sim-title"]'))).toBe('My chain');
  });

  it('an invalid setup shows the message naming the field, the value and the range — no report, no crash', async () => {
    const chain = setup({ headphones: [resistiveHeadphone(32)] });
    const broken = { ...chain, headphones: [{ ...chain.headphones[0]!, impedance: { nominalOhms: -32 } }] };
    const element = await mount({ setup: JSON.stringify(broken) });
    const message = element.shadowRoot!.querySelector('[data-testid="sim-error"]');
    expect(message?.getAttribute('role')).toBe('alert');
    expect(textOf(message)).toContain('setup attribute: headphones[0].impedance.nominalOhms must be from 0.001 to 100000 ohms (got -32)');
    expect(element.shadowRoot!.querySelector('headroom-report-view')).toBeNull();
    expect(element.shadowRoot!.querySelector('[data-testid="sim-listen"]')).toBeNull();
  });

  it('JSON that does not parse, an unknown preset and no attribute at all each say what is wrong', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ setup: '{"format": "headroom/setup@1",' }, 'setup attribute: setup is not valid JSON'],
      [{ preset: 'no-such-preset' }, 'preset attribute: no preset "no-such-preset" (one of: phone-hd600,'],
      [{}, 'needs a setup attribute (headroom/setup@1 JSON) or a preset attribute'],
    ];
    for (const [attributes, text] of cases) {
      const element = await mount(attributes);
      expect(textOf(element.shadowRoot!.querySelector('[data-testid="sim-error"]'))).toContain(text);
      element.remove();
    }
  });

  it('follows attribute changes: valid → invalid → another preset', async () => {
    const element = await mount({ preset: 'phone-hd600' });
    element.setAttribute('setup', '{"format":"headroom/setup@1"}');
    await element.updateComplete;
    expect(textOf(element.shadowRoot!.querySelector('[data-testid="sim-error"]'))).toMatch(/setup attribute: signal/);
    element.removeAttribute('setup');
    element.setAttribute('preset', 'phone-amp-hd600');
    await element.updateComplete;
    expect(await shownSpl(element)).toEqual(expectedSpl(findPreset('phone-amp-hd600')!.setup));
  });

  it('styles itself inside its shadow root, with fallbacks when the page sets no --hr-* property', async () => {
    const element = await mount({ preset: 'phone-hd600' });
    const button = element.shadowRoot!.querySelector('[data-testid="sim-listen"]')!;
    // --hr-accent unset: the fallback accent #0b6bcb.
    expect(getComputedStyle(button).backgroundColor).toBe('rgb(11, 107, 203)');
    element.style.setProperty('--hr-accent', 'rgb(200, 0, 100)');
    expect(getComputedStyle(button).backgroundColor).toBe('rgb(200, 0, 100)');
    expect(getComputedStyle(element).display).toBe('block');
  });
});
