/**
 * <headroom-setup-editor> and the listener's own gear, in real Chromium: hiss and shared-return
 * fields (headroom/setup@3) with the schema's ranges, and a measured impedance curve imported
 * from a real export file (the fixtures of tests/fixtures/curves, read by the model's parser)
 * with the file button or by dropping it on the listener.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { findPreset } from '../../src/model/catalog/presets.ts';
import magnitudeOnly from '../fixtures/curves/magnitude-only.csv?raw';
import rewThreeWay from '../fixtures/curves/rew-three-way-iem.txt?raw';
import { mountEditor } from './editor-support.ts';

const mount = mountEditor;

const text = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/[\s\u202f\u00a0]+/g, ' ').trim();
const q = <T extends Element>(root: ShadowRoot, selector: string): T => {
  const found = root.querySelector<T>(selector);
  expect(found, selector).not.toBeNull();
  return found!;
};

/** Chooses a file on the listener's hidden file input, as the file dialog does. */
async function chooseFile(root: ShadowRoot, index: number, name: string, content: string): Promise<void> {
  const input = q<HTMLInputElement>(root, `[data-testid="curve-file-${index}"]`);
  const transfer = new DataTransfer();
  transfer.items.add(new File([content], name, { type: 'text/plain' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await expect.poll(() => root.querySelector(`[data-testid="curve-note-${index}"]`)).not.toBeNull();
}

afterEach(() => {
  document.body.replaceWith(document.body.cloneNode(false));
});

describe('<headroom-setup-editor>: hiss and shared ground', () => {
  it('a source hiss of 5 µV (A-weighted) and a 0.1 Ω headphone return reach the setup, which is then written as headroom/setup@3', async () => {
    const { editor, root, sent } = await mount();
    const fold = q<HTMLDetailsElement>(root, '[data-testid="source-gear"]');
    expect(fold.open, 'closed while the part states nothing').toBe(false);
    fold.open = true;
    await userEvent.selectOptions(q(root, '#source-noise-kind'), 'uVrms');
    await editor.updateComplete;
    await userEvent.fill(q<HTMLInputElement>(root, '#source-noise-uVrms'), '5');
    expect(sent.at(-1)!.format).toBe('headroom/setup@3');
    expect(sent.at(-1)!.source.noise).toEqual({ uVrms: 5, weighting: 'A' });

    q<HTMLDetailsElement>(root, '[data-testid="headphones-0-gear"]').open = true;
    await userEvent.fill(q<HTMLInputElement>(root, '#headphones-0-groundResistanceOhms'), '0.1');
    expect(sent.at(-1)!.headphones[0]!.groundResistanceOhms).toBe(0.1);
    // The catalog headphone stays the catalog headphone, with its return added.
    expect(sent.at(-1)!.headphones[0]!.name).toBe('Sennheiser HD 600');

    // Back to none: the oldest format that holds the setup again.
    await userEvent.selectOptions(q(root, '#source-noise-kind'), 'none');
    await userEvent.clear(q<HTMLInputElement>(root, '#headphones-0-groundResistanceOhms'));
    expect(sent.at(-1)!.format).toBe('headroom/setup@1');
    expect(sent.at(-1)!.source.noise).toBeUndefined();
    // Clearing a figure never folds its fields away while the user is in them.
    await editor.updateComplete;
    expect(q<HTMLDetailsElement>(root, '[data-testid="headphones-0-gear"]').open).toBe(true);
    expect(q<HTMLDetailsElement>(root, '[data-testid="source-gear"]').open).toBe(true);
  });

  it('a dynamic range of 10 dB is refused with the field’s range (20 to 200 dB), keeps the text and sends nothing', async () => {
    const { editor, root, sent } = await mount();
    q<HTMLDetailsElement>(root, '[data-testid="source-gear"]').open = true;
    await userEvent.selectOptions(q(root, '#source-noise-kind'), 'dynamicRangeDb');
    await editor.updateComplete;
    const before = sent.length;
    await userEvent.fill(q<HTMLInputElement>(root, '#source-noise-dynamicRangeDb'), '10');
    expect(sent.length).toBe(before);
    const field = q<HTMLInputElement>(root, '#source-noise-dynamicRangeDb');
    expect(field.value).toBe('10');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(text(q(root, '#source-noise-dynamicRangeDb-error'))).toMatch(/20 to 200\sdB/);
  });

  it('a hiss kind chosen with no number names the field as required and sends nothing', async () => {
    const { editor, root, sent } = await mount();
    q<HTMLDetailsElement>(root, '[data-testid="source-gear"]').open = true;
    const before = sent.length;
    await userEvent.selectOptions(q(root, '#source-noise-kind'), 'uVrms');
    await editor.updateComplete;
    expect(sent.length).toBe(before);
    expect(text(q(root, '#source-noise-uVrms-error'))).toContain('Is required (a number)');
  });

  it('a negative splitter return is refused with the range of a resistance', async () => {
    const { editor, root, sent } = await mount();
    await userEvent.click(q(root, 'input[name="splitter-mode"][value="passive"]'));
    await editor.updateComplete;
    q<HTMLDetailsElement>(root, '[data-testid="splitter-gear"]').open = true;
    const before = sent.length;
    await userEvent.fill(q<HTMLInputElement>(root, '#splitter-groundResistanceOhms'), '-1');
    expect(sent.length).toBe(before);
    expect(text(q(root, '#splitter-groundResistanceOhms-error'))).toMatch(/^Must be 0 \(no shared return\) or from 0\.001/);
    await userEvent.fill(q<HTMLInputElement>(root, '#splitter-groundResistanceOhms'), '0.2');
    expect(sent.at(-1)!.splitter).toMatchObject({ groundResistanceOhms: 0.2 });
  });
});

describe('<headroom-setup-editor>: importing a measured impedance curve', () => {
  it('a REW export with phase becomes the headphone’s curve; its name and sensitivity stay', async () => {
    const { root, sent } = await mount();
    await chooseFile(root, 0, 'three-way.txt', rewThreeWay);
    const headphone = sent.at(-1)!.headphones[0]!;
    expect(headphone.name).toBe('Sennheiser HD 600');
    // The HD 600's catalog sensitivity, unchanged (docs/catalog.md).
    expect(headphone.sensitivity).toEqual(findPreset('phone-hd600')!.setup.headphones[0]!.sensitivity);
    expect(headphone.impedance.curve).toHaveLength(270);
    expect(headphone.impedance.curve![0]).toEqual([10, 10.0029, 0.99]);
    const note = text(q(root, '[data-testid="curve-note-0"]'));
    expect(note).toContain('Imported 270 points from “three-way.txt” (a REW export), phase as measured.');
    expect(text(q(root, '[data-testid="headphone-summary"]'))).toContain('measured curve, 270 points');
  });

  it('a file without phase says that the phase was derived (minimum phase of |Z|)', async () => {
    const { root, sent } = await mount();
    await chooseFile(root, 0, 'hd.csv', magnitudeOnly);
    expect(sent.at(-1)!.headphones[0]!.impedance.curve!.length).toBeGreaterThan(100);
    const note = text(q(root, '[data-testid="curve-note-0"]'));
    expect(note).toContain('phase derived');
    expect(note).toContain('minimum phase of |Z|');
  });

  it('a bad row names its line and the field’s range, and changes nothing', async () => {
    const { root, sent } = await mount();
    const before = sent.length;
    await chooseFile(root, 0, 'broken.csv', '# hz, ohms\n20, 32\n1000, -3\n20000, 40\n');
    expect(sent.length).toBe(before);
    const note = q(root, '[data-testid="curve-note-0"]');
    expect(note.getAttribute('role')).toBe('alert');
    expect(text(note)).toBe('“broken.csv” was not imported: Line 3: |Z| must be > 0 Ω and ≤ 1000000 Ω (got -3). Nothing was changed.');
    expect(q<HTMLSelectElement>(root, '#headphones-0-choice').value).toBe('sennheiser-hd-600');
  });

  it('dropping a curve file on the second listener imports it there only', async () => {
    const start = structuredClone(findPreset('phone-hd600')!.setup);
    start.headphones.push(structuredClone(start.headphones[0]!));
    start.splitter = { cableResistanceOhms: 0.1 };
    const { root, sent } = await mount(start);
    const transfer = new DataTransfer();
    transfer.items.add(new File([rewThreeWay], 'iem.txt', { type: 'text/plain' }));
    q(root, '[data-testid="listener-1"]').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await expect.poll(() => sent.at(-1)?.headphones[1]?.impedance.curve?.length).toBe(270);
    expect(sent.at(-1)!.headphones[0]!.impedance.curve).toBeUndefined();
  });
});
