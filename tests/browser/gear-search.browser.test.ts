/**
 * The setup editor's catalog search in real Chromium: an ARIA combobox over the whole catalog
 * (loaded on first use). Typing lists matches, ↓/↑ move, Enter or a click picks, Escape closes
 * then clears; a pick is the user's edit, so the editor sends `setup-change` with the part.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { catalog } from '../../src/model/catalog/full.ts';
import { findPreset } from '../../src/model/catalog/presets.ts';
import { parseSetup } from '../../src/model/setup.ts';
import type { HeadroomGearSearch } from '../../src/ui/setup-editor/gear-search.ts';
import { mountEditor } from './editor-support.ts';

const mount = mountEditor;

afterEach(() => {
  document.body.replaceWith(document.body.cloneNode(false));
});

const text = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/[\s\u202f\u00a0]+/g, ' ').trim();

/** The search of a section (0: source, 1: amp, 2…: listeners) and its parts. */
async function search(root: ShadowRoot, index: number) {
  const element = root.querySelectorAll<HeadroomGearSearch>('headroom-gear-search')[index]!;
  expect(element).toBeDefined();
  await element.updateComplete;
  const shadow = element.shadowRoot!;
  const input = shadow.querySelector<HTMLInputElement>('input[role="combobox"]')!;
  const listbox = shadow.querySelector<HTMLUListElement>('[role="listbox"]')!;
  const options = () => [...shadow.querySelectorAll<HTMLLIElement>('[role="option"]')];
  const status = () => text(shadow.querySelector('[role="status"]'));
  /** Types into the field and waits for the (lazily loaded) catalog to answer. */
  const type = async (query: string) => {
    await userEvent.fill(input, query);
    await expect.poll(() => status()).not.toMatch(/^(Loading|$)/);
    await element.updateComplete;
  };
  return { element, input, listbox, options, status, type };
}

const entry = (id: string) => [...catalog.headphones, ...catalog.sources, ...catalog.amps].find((e) => e.id === id)!;

describe('catalog search in the setup editor', () => {
  it('is a labelled combobox: typing lists matches, Enter picks the first and sends the setup with that part', async () => {
    const { root, sent } = await mount();
    const s = await search(root, 2);
    expect(s.input.labels?.[0]?.textContent).toMatch(/Find in the catalog/);
    expect(s.input.getAttribute('aria-expanded')).toBe('false');
    expect(s.input.getAttribute('aria-controls')).toBe(s.listbox.id);

    await s.type('andromeda');
    expect(s.input.getAttribute('aria-expanded')).toBe('true');
    expect(s.listbox.hidden).toBe(false);
    expect(s.options().map((o) => text(o))[0]).toMatch(/^Campfire Audio Andromeda 2020 in-ear · 112\.8 dB\/mW, 12\.8 Ω$/);
    expect(s.input.getAttribute('aria-activedescendant')).toBe(s.options()[0]!.id);
    expect(s.options()[0]!.getAttribute('aria-selected')).toBe('true');
    expect(s.status()).toBe('1 match.');

    await userEvent.keyboard('{Enter}');
    const andromeda = entry('campfire-audio-andromeda-2020');
    expect(sent).toHaveLength(1);
    expect(parseSetup(sent[0]).ok).toBe(true);
    expect(sent[0]!.headphones).toEqual([andromeda.part]);
    // The rest of the chain is as it was.
    expect(sent[0]!.source).toEqual(findPreset('phone-hd600')!.setup.source);
    // The list closes, the field empties, the select names the part, the summary shows the other published figure.
    expect(s.input.value).toBe('');
    expect(s.input.getAttribute('aria-expanded')).toBe('false');
    expect(s.status()).toBe('Campfire Audio Andromeda 2020 chosen.');
    const select = root.querySelector<HTMLSelectElement>('#headphones-0-choice')!;
    expect(select.value).toBe('campfire-audio-andromeda-2020');
    expect(text(select.selectedOptions[0]!.parentElement)).toContain('Campfire Audio Andromeda 2020');
    // The same reviewer quotes a second specification: 122.5 dB/mW at 8.7 Ω, 9.7 dB more at 1 V.
    expect(text(root.querySelector('[data-testid="headphone-summary"] [data-testid="alternatives"]'))).toBe(
      'Also published: 122.5 dB/mW (+9.7 dB), maker\'s figure; 8.7 Ω (−3.4 dB), maker\'s figure.',
    );
  });

  it('↓ and ↑ move through the matches (and wrap), Escape closes the list, a second Escape clears the text; nothing is sent', async () => {
    const { root, sent } = await mount();
    const s = await search(root, 2);
    await s.type('sennheiser hd 6');
    const count = s.options().length;
    expect(count).toBeGreaterThanOrEqual(3);
    expect(s.options().every((o) => /^Sennheiser HD ?6/.test(text(o)))).toBe(true);
    await userEvent.keyboard('{ArrowDown}');
    expect(s.input.getAttribute('aria-activedescendant')).toBe('match-1');
    expect(s.options()[1]!.getAttribute('aria-selected')).toBe('true');
    expect(s.options()[0]!.getAttribute('aria-selected')).toBe('false');
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    expect(s.input.getAttribute('aria-activedescendant')).toBe(`match-${count - 1}`);
    await userEvent.keyboard('{Escape}');
    expect(s.input.getAttribute('aria-expanded')).toBe('false');
    expect(s.listbox.hidden).toBe(true);
    expect(s.input.value).toBe('sennheiser hd 6');
    // ↓ opens it again where it was.
    await userEvent.keyboard('{ArrowDown}');
    expect(s.input.getAttribute('aria-expanded')).toBe('true');
    await userEvent.keyboard('{Escape}{Escape}');
    expect(s.input.value).toBe('');
    expect(sent).toHaveLength(0);
  });

  it('finds by kind and by letters typed together, says when nothing matches, and a click picks', async () => {
    const { root, sent } = await mount();
    const source = await search(root, 0);
    await source.type('zzzz');
    expect(source.status()).toBe('No match.');
    expect(source.input.getAttribute('aria-expanded')).toBe('false');
    await source.type('dongle');
    expect(source.status()).toMatch(/^\d+ matches/);
    await source.type('dragonflycobalt');
    expect(source.options()).toHaveLength(1);
    await userEvent.click(source.options()[0]!);
    const cobalt = entry('audioquest-dragonfly-cobalt');
    const sentSource = sent.at(-1)!.source;
    expect({ ...sentSource, volumeDb: undefined }).toEqual({ ...cobalt.part, volumeDb: undefined });
    expect(root.querySelector<HTMLSelectElement>('#source-choice')!.value).toBe('audioquest-dragonfly-cobalt');

    const amp = await search(root, 1);
    await amp.type('hpa4');
    await userEvent.keyboard('{Enter}');
    const hpa4 = entry('benchmark-hpa4');
    expect(sent.at(-1)!.amp).toEqual({ ...hpa4.part, outputs: 'shared' });
    expect(root.querySelector<HTMLSelectElement>('#amp-choice')!.value).toBe('benchmark-hpa4');
    // One figure per field, cited once: no other figure is published for this amp.
    expect(text(root.querySelector('#amp-choice')!.closest('fieldset')!.querySelector('[data-testid="alternatives"]'))).toBe('');
  });

  it('a picked part’s headroom/setup@3 figures (noise, a shared return) reach the setup, which is then written as @3', async () => {
    const { root, sent } = await mount();
    const amp = await search(root, 1);
    await amp.type('zen air can 18');
    await userEvent.keyboard('{Enter}');
    expect(sent.at(-1)!.format).toBe('headroom/setup@3');
    expect(sent.at(-1)!.amp).toMatchObject({ name: 'iFi ZEN Air CAN (+18 dB)', noise: { dynamicRangeDb: 114, weighting: 'A' } });
    expect(text(root.querySelector('[data-testid="amp-gear"] summary'))).toContain('hiss 114 dB below full output (A-weighted)');

    const source = await search(root, 0);
    await source.type('nexus shared');
    await userEvent.keyboard('{Enter}');
    expect(sent.at(-1)!.source).toMatchObject({ outputImpedanceOhms: 2.7, groundResistanceOhms: 0.4 });
    // Custom values start from the part in use, the figures of its “Hiss and shared ground” fold included.
    await userEvent.selectOptions(root.querySelector<HTMLSelectElement>('#source-choice')!, 'custom');
    await userEvent.fill(root.querySelector<HTMLInputElement>('#source-outputImpedanceOhms')!, '3');
    expect(sent.at(-1)!.source).toMatchObject({ outputImpedanceOhms: 3, groundResistanceOhms: 0.4 });
    // Back to a part without them: the setup is @1 again, the oldest format that holds it.
    await userEvent.selectOptions(root.querySelector<HTMLSelectElement>('#amp-choice')!, 'none');
    await userEvent.selectOptions(root.querySelector<HTMLSelectElement>('#source-choice')!, 'iphone-6-jack');
    expect(sent.at(-1)!.format).toBe('headroom/setup@1');
    expect(sent.at(-1)!.source.groundResistanceOhms).toBeUndefined();
  });

  it('an edit of a headroom/setup@3 preset keeps its hiss figures', async () => {
    const { root, sent } = await mount(structuredClone(findPreset('laptop-hiss-se846')!.setup));
    await userEvent.fill(root.querySelector<HTMLInputElement>('#signal-levelDbfs')!, '-30');
    const setup = sent.at(-1)!;
    expect(setup.format).toBe('headroom/setup@3');
    expect(setup).toEqual({ ...findPreset('laptop-hiss-se846')!.setup, signal: { levelDbfs: -30 } });
  });

  it('fits a 390 px phone: the field and the open list stay inside the editor', async () => {
    const { editor, root } = await mount();
    editor.style.width = '390px';
    editor.style.display = 'block';
    const s = await search(root, 2);
    await s.type('in-ear');
    const host = editor.getBoundingClientRect();
    expect(host.width).toBe(390);
    for (const box of [s.input.getBoundingClientRect(), s.listbox.getBoundingClientRect(), ...s.options().map((o) => o.getBoundingClientRect())]) {
      expect(box.left).toBeGreaterThanOrEqual(host.left - 0.5);
      expect(box.right).toBeLessThanOrEqual(host.right + 0.5);
    }
    expect(s.options().length).toBe(8);
    expect(s.status()).toMatch(/^\d+ matches; the first 8 shown\.$/);
  });
});
