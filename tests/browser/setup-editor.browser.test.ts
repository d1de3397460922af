/**
 * <headroom-setup-editor> in real Chromium (Vitest browser mode): the user edits a setup,
 * the element sends `setup-change` with a valid setup and nothing else; invalid text stays
 * in its field with the schema's message and the allowed range.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { amps, headphones } from '../../src/model/catalog/index.ts';
import { findPreset } from '../../src/model/catalog/presets.ts';
import { parseSetup, type Setup } from '../../src/model/setup.ts';
import { solveSpecSheet } from '../../src/model/spec-sheet.ts';
import type { HeadroomSetupEditor } from '../../src/ui/setup-editor/headroom-setup-editor.ts';
import '../../src/ui/setup-editor/headroom-setup-editor.ts';
import { resistiveHeadphone, setup } from '../support/setups.ts';

interface Mounted {
  editor: HeadroomSetupEditor;
  root: ShadowRoot;
  /** Setups sent with setup-change, as seen on document.body (so the event bubbles out of the shadow root). */
  sent: Setup[];
}

async function mount(initial: Setup = structuredClone(findPreset('phone-hd600')!.setup), label = 'A'): Promise<Mounted> {
  const editor = document.createElement('headroom-setup-editor');
  editor.setup = initial;
  editor.label = label;
  const sent: Setup[] = [];
  document.body.addEventListener('setup-change', (event) => sent.push(event.detail.setup));
  document.body.append(editor);
  await editor.updateComplete;
  expect(editor.shadowRoot, 'renders into a shadow root').not.toBeNull();
  return { editor, root: editor.shadowRoot!, sent };
}

function el<T extends Element>(root: ShadowRoot, selector: string): T {
  const found = root.querySelector<T>(selector);
  expect(found, `element ${selector}`).not.toBeNull();
  return found!;
}

const text = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/[\s\u202f\u00a0]+/g, ' ').trim();
const last = (sent: Setup[]): Setup => {
  expect(sent.length, 'at least one setup-change').toBeGreaterThan(0);
  return sent[sent.length - 1]!;
};

afterEach(() => {
  // A fresh, empty body for each test: cloning drops the setup-change listener too.
  document.body.replaceWith(document.body.cloneNode(false));
});

describe('<headroom-setup-editor>', () => {
  it('shows the setup it is given: its source, no amp, no splitter, one listener and the levels', async () => {
    const { root } = await mount();
    expect(text(root.querySelector('h2'))).toBe('Setup A');
    expect(el<HTMLSelectElement>(root, '#source-choice').value).toBe('iphone-6-jack');
    expect(el<HTMLSelectElement>(root, '#amp-choice').value).toBe('none');
    expect(el<HTMLInputElement>(root, 'input[name="splitter-mode"][value="none"]').checked).toBe(true);
    expect(el<HTMLSelectElement>(root, '#headphones-0-choice').value).toBe('sennheiser-hd-600');
    expect(el<HTMLInputElement>(root, '#signal-levelDbfs').value).toBe('-10');
    expect(el<HTMLInputElement>(root, '#source-volumeDb').value).toBe('0');
  });

  it('choosing a catalog headphone sends a valid setup with that headphone’s figures', async () => {
    const { root, sent } = await mount();
    await userEvent.selectOptions(el(root, '#headphones-0-choice'), 'sennheiser-hd-650');
    const hd650 = headphones.find((h) => h.id === 'sennheiser-hd-650')!.part;
    const setupSent = last(sent);
    expect(sent).toHaveLength(1);
    expect(parseSetup(setupSent).ok).toBe(true);
    expect(setupSent.headphones).toEqual([hd650]);
    // The rest of the chain is unchanged.
    expect(setupSent.source).toEqual(findPreset('phone-hd600')!.setup.source);
    expect(text(el(root, '[data-testid="headphone-summary"]'))).toContain('103 dB/V');
  });

  it('typing −3 Ω as an impedance shows the schema’s message with the allowed range, keeps the text and sends nothing', async () => {
    const { root, sent } = await mount();
    await userEvent.selectOptions(el(root, '#headphones-0-choice'), 'custom');
    const input = el<HTMLInputElement>(root, '#headphones-0-impedance-nominalOhms');
    expect(input.value).toBe('300');
    const before = sent.length;

    await userEvent.fill(input, '-3');
    const error = el(root, '#headphones-0-impedance-nominalOhms-error');
    expect(text(error)).toBe('Must be from 0.001 to 100000 ohms (got -3).');
    expect(input.value).toBe('-3');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('headphones-0-impedance-nominalOhms-error');
    expect(sent).toHaveLength(before);
    // The message sits at its field only, not in the list of messages without a field.
    expect(root.querySelector('[data-testid="other-errors"]')).toBeNull();
    expect(text(el(root, '[data-testid="status"]'))).toBe('1 value to fix; until then Setup A keeps its last valid values.');

    // The typographic minus is read as a minus too, and still kept as typed.
    await userEvent.fill(input, '\u22123');
    expect(input.value).toBe('\u22123');
    expect(text(el(root, '#headphones-0-impedance-nominalOhms-error'))).toContain('got -3');
    expect(sent).toHaveLength(before);

    await userEvent.fill(input, '32');
    expect(root.querySelector('#headphones-0-impedance-nominalOhms-error')).toBeNull();
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(last(sent).headphones[0]!.impedance).toEqual({ nominalOhms: 32 });
  });

  it('text that is not a number gets the schema’s message and the range, never a clamp', async () => {
    const { root, sent } = await mount();
    const level = el<HTMLInputElement>(root, '#signal-levelDbfs');
    await userEvent.fill(level, 'loud');
    expect(text(el(root, '#signal-levelDbfs-error'))).toBe('Must be a number (got "loud"). Allowed: −120 to 0 dBFS.');
    await userEvent.fill(level, '6');
    expect(text(el(root, '#signal-levelDbfs-error'))).toBe('Must be from -120 to 0 dBFS (got 6).');
    expect(level.value).toBe('6');
    await userEvent.fill(level, '');
    expect(text(el(root, '#signal-levelDbfs-error'))).toBe('Is required (a number). Allowed: −120 to 0 dBFS.');
    expect(sent).toHaveLength(0);
    await userEvent.fill(level, '-20');
    expect(last(sent).signal).toEqual({ levelDbfs: -20 });
  });

  it('adds listeners up to 8, then disables the add button and says why; one listener cannot be removed', async () => {
    const { root, sent } = await mount();
    const add = el<HTMLButtonElement>(root, '[data-testid="add-listener"]');
    const remove = el<HTMLButtonElement>(root, '[data-testid="remove-listener-0"]');
    expect(remove.disabled).toBe(true);
    expect(text(root.getElementById(remove.getAttribute('aria-describedby')!))).toBe('A setup needs at least one listener.');
    for (let i = 2; i <= 8; i++) {
      await userEvent.click(add);
      expect(root.querySelectorAll('fieldset.listener')).toHaveLength(i);
      expect(last(sent).headphones).toHaveLength(i);
    }
    expect(add.disabled).toBe(true);
    const reason = root.getElementById(add.getAttribute('aria-describedby')!);
    expect(text(reason)).toBe('8 listeners is the most a setup can have.');
    expect(sent).toHaveLength(7);
    // Every added listener is a copy of the last: the HD 600.
    expect(new Set(last(sent).headphones.map((h) => h.impedance.nominalOhms))).toEqual(new Set([300]));

    await userEvent.click(el(root, '[data-testid="remove-listener-3"]'));
    expect(root.querySelectorAll('fieldset.listener')).toHaveLength(7);
    // Focus stays in the list (on the previous listener's remove button), not lost to the page.
    await expect.poll(() => root.activeElement?.getAttribute('data-testid')).toBe('remove-listener-2');
    expect(add.disabled).toBe(false);
    expect(last(sent).headphones).toHaveLength(7);
  });

  it('a spec-sheet amp from two power ratings uses exactly the solver’s rail, current limit and output impedance', async () => {
    const { root, sent } = await mount();
    await userEvent.selectOptions(el(root, '#amp-choice'), 'spec-sheet');
    expect(sent).toHaveLength(0); // no ratings yet
    await userEvent.fill(el(root, '#ratings-0-powerMw'), '613');
    await userEvent.fill(el(root, '#ratings-0-loadOhms'), '32');
    await userEvent.fill(el(root, '#ratings-1-powerMw'), '88');
    await userEvent.fill(el(root, '#ratings-1-loadOhms'), '600');

    const solved = solveSpecSheet([
      { powerMw: 613, loadOhms: 32 },
      { powerMw: 88, loadOhms: 600 },
    ]);
    if (!solved.ok) throw new Error(solved.errors.join('; '));
    const fit = solved.value;
    const amp = last(sent).amp!;
    expect(amp.outputImpedanceOhms).toBe(fit.outputImpedanceOhms);
    expect(amp.maxOutputVrms).toBe(fit.maxOutputVrms);
    expect(amp.maxOutputCurrentMa).toBe(fit.maxOutputCurrentMa);
    expect(amp.outputs).toBe('shared');
    expect(parseSetup(last(sent)).ok).toBe(true);

    const shown = el(root, '[data-testid="spec-sheet-fit"]');
    expect(text(shown.querySelector('[data-fit="rail"]'))).toBe(`${Number(fit.maxOutputVrms!.toPrecision(4))} Vrms`);
    expect(text(shown.querySelector('[data-fit="current"]'))).toBe(`${Number(fit.maxOutputCurrentMa!.toPrecision(4))} mA`);
    expect(text(shown.querySelector('[data-fit="zo"]'))).toBe(`${Number(fit.outputImpedanceOhms.toPrecision(4))} Ω`);
    expect(shown.querySelector('[data-testid="fit-warning"]')).toBeNull();
  });

  it('shows the solver’s warning when the ratings follow neither limit, and still uses the fit', async () => {
    const ratings = [
      { powerMw: 1800, loadOhms: 16 },
      { powerMw: 1200, loadOhms: 32 },
      { powerMw: 260, loadOhms: 300 },
    ];
    const solved = solveSpecSheet(ratings);
    if (!solved.ok || !solved.value.warning) throw new Error('these ratings are meant to fit poorly');
    const { root, sent } = await mount();
    await userEvent.selectOptions(el(root, '#amp-choice'), 'spec-sheet');
    await userEvent.click(el(root, 'fieldset.ratings .row button'));
    for (const [i, r] of ratings.entries()) {
      await userEvent.fill(el(root, `#ratings-${i}-powerMw`), String(r.powerMw));
      await userEvent.fill(el(root, `#ratings-${i}-loadOhms`), String(r.loadOhms));
    }
    expect(text(el(root, '[data-testid="fit-warning"]'))).toBe(`Warning: ${solved.value.warning}.`);
    expect(last(sent).amp!.outputImpedanceOhms).toBe(solved.value.outputImpedanceOhms);
  });

  it('names a rating out of the solver’s range next to it and sends nothing', async () => {
    const { root, sent } = await mount();
    await userEvent.selectOptions(el(root, '#amp-choice'), 'spec-sheet');
    await userEvent.fill(el(root, '#ratings-0-powerMw'), '-5');
    await userEvent.fill(el(root, '#ratings-0-loadOhms'), '32');
    await userEvent.fill(el(root, '#ratings-1-powerMw'), '100');
    await userEvent.fill(el(root, '#ratings-1-loadOhms'), '300');
    expect(text(el(root, '#ratings-0-powerMw-error'))).toBe('Must be > 0 (got -5). Allowed: > 0 and ≤ 1000000 mW.');
    expect(sent).toHaveLength(0);
  });

  it('a catalog amp sends its figures; a distribution amp sends independent outputs; a passive Y sends its cable', async () => {
    const { root, sent } = await mount();
    await userEvent.selectOptions(el(root, '#amp-choice'), 'schiit-magni-2');
    expect(last(sent).amp).toEqual(amps.find((a) => a.id === 'schiit-magni-2')!.part);

    await userEvent.click(el(root, 'input[name="splitter-mode"][value="distribution"]'));
    expect(last(sent).amp!.outputs).toBe('independent');
    expect(last(sent).splitter).toBeNull();

    await userEvent.click(el(root, 'input[name="splitter-mode"][value="passive"]'));
    expect(last(sent).amp!.outputs).toBe('shared');
    expect(last(sent).splitter).toEqual({ cableResistanceOhms: 0.064 });
    await userEvent.fill(el(root, '#splitter-cableResistanceOhms'), '0.5');
    expect(last(sent).splitter).toEqual({ cableResistanceOhms: 0.5 });
  });

  it('choosing a distribution amp without an amp brings in the catalog’s distribution amp', async () => {
    const { root, sent } = await mount();
    await userEvent.click(el(root, 'input[name="splitter-mode"][value="distribution"]'));
    const distribution = amps.find((a) => a.kind === 'distribution')!;
    expect(el<HTMLSelectElement>(root, '#amp-choice').value).toBe(distribution.id);
    expect(last(sent).amp).toEqual({ ...distribution.part, outputs: 'independent' });
  });

  it('a custom source edits every field of the schema; a blank optional field means none', async () => {
    const { root, sent } = await mount();
    await userEvent.selectOptions(el(root, '#source-choice'), 'custom');
    await userEvent.fill(el(root, '#source-name'), 'Bench generator');
    await userEvent.fill(el(root, '#source-outputImpedanceOhms'), '50');
    await userEvent.fill(el(root, '#source-maxOutputVrms'), '2');
    await userEvent.fill(el(root, '#source-maxOutputCurrentMa'), '');
    await userEvent.fill(el(root, '#source-couplingCapacitorUf'), '220');
    await userEvent.fill(el(root, '#source-volumeDb'), '-6');
    expect(last(sent).source).toEqual({
      name: 'Bench generator',
      outputImpedanceOhms: 50,
      maxOutputVrms: 2,
      couplingCapacitorUf: 220,
      volumeDb: -6,
    });
    expect('maxOutputCurrentMa' in last(sent).source, 'a blank current limit is left out').toBe(false);
  });

  it('keeps invalid text when the parent passes back the setup it was sent, and shows a new setup when given one', async () => {
    const { editor, root, sent } = await mount();
    await userEvent.fill(el(root, '#signal-levelDbfs'), '-12');
    editor.setup = last(sent); // the parent's echo
    await editor.updateComplete;
    await userEvent.fill(el(root, '#source-volumeDb'), '3');
    editor.setup = last(sent);
    await editor.updateComplete;
    expect(el<HTMLInputElement>(root, '#source-volumeDb').value).toBe('3');
    expect(root.querySelector('#source-volumeDb-error')).not.toBeNull();

    editor.setup = setup({ headphones: [resistiveHeadphone(16, 'New'), resistiveHeadphone(32, 'Other')] });
    await editor.updateComplete;
    expect(el<HTMLInputElement>(root, '#source-volumeDb').value).toBe('0');
    expect(root.querySelectorAll('fieldset.listener')).toHaveLength(2);
    expect(el<HTMLInputElement>(root, '#headphones-1-name').value).toBe('Other');
  });

  it('keeps a loaded headphone with a network impedance that is not in the catalog as it is', async () => {
    const custom = { name: 'Prototype', sensitivity: { value: 110, unit: 'dB/V' as const }, impedance: { network: { reOhms: 20, leMh: 0.02 } } };
    const { root, sent } = await mount(setup({ headphones: [custom] }));
    expect(el<HTMLSelectElement>(root, '#headphones-0-choice').value).toBe('loaded');
    await userEvent.fill(el(root, '#headphones-0-name'), 'Prototype 2');
    expect(last(sent).headphones[0]).toEqual({ ...custom, name: 'Prototype 2' });
  });

  it('labels every control, is usable at 390 px, and reaches the controls by keyboard', async () => {
    const { editor, root, sent } = await mount(structuredClone(findPreset('band-interface-distribution-amp')!.setup));
    editor.style.width = '390px';
    editor.style.display = 'block';
    await userEvent.selectOptions(el(root, '#amp-choice'), 'custom');
    await userEvent.selectOptions(el(root, '#headphones-0-choice'), 'custom');
    const controls = [...root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')];
    expect(controls.length).toBeGreaterThan(20);
    for (const control of controls) {
      const labelled = (control.labels?.length ?? 0) > 0 || control.hasAttribute('aria-label');
      expect(labelled, `${control.id || control.name} has a label`).toBe(true);
    }
    const host = editor.getBoundingClientRect();
    expect(host.width).toBe(390);
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      expect(box.right, `${control.id || control.name} fits in 390 px`).toBeLessThanOrEqual(host.right + 0.5);
    }
    // Keyboard: focus the level field, Tab to the next field, type a value.
    el<HTMLInputElement>(root, '#signal-levelDbfs').focus();
    await userEvent.keyboard('{Tab}');
    expect(root.activeElement?.id).toBe('source-volumeDb');
    await userEvent.keyboard('{Control>}a{/Control}-20');
    expect(last(sent).source.volumeDb).toBe(-20);
  });
});
