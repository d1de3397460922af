/**
 * <headroom-derivations> in real Chromium: for a splitter setup, each step that ends in a
 * report figure shows a result equal to the report's (to 1e-9 in its data-value, and as
 * written), formulas use <var>, <sub> and true minus signs, and the panel fits a phone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { findPreset } from '../../src/model/catalog/presets.ts';
import { buildReport } from '../../src/model/report.ts';
import type { Setup } from '../../src/model/setup.ts';
import { formatNumber } from '../../src/teach/derivations.ts';
import '../../src/ui/teach/headroom-derivations.ts';
import type { HeadroomDerivations } from '../../src/ui/teach/headroom-derivations.ts';
import { mount, shootPage, textOf, themedStage, type Scheme } from './views-support.ts';

beforeEach(async () => {
  await page.viewport(1000, 800);
});

afterEach(async () => {
  document.body.replaceChildren();
  await page.viewport(1000, 800);
});

const splitterSetup = (): Setup => structuredClone(findPreset('laptop-splitter-two-m50x')!.setup);

async function mountDerivations(chain: Setup, listener?: number, scheme: Scheme = 'light', widthPx?: number): Promise<HeadroomDerivations> {
  const element = document.createElement('headroom-derivations');
  element.setup = chain;
  element.report = buildReport(chain);
  if (listener !== undefined) element.listener = listener;
  return mount(element, themedStage(scheme, widthPx));
}

const FIELDS = ['loadVoltageVrms', 'powerMw', 'splDb', 'levelChangeDb', 'maxCleanSplDb'] as const;


describe('<headroom-derivations>', () => {
  it('arrives at the report’s voltage, power, SPL, change vs alone and max clean SPL for listener 2 on a Y splitter', async () => {
    const chain = splitterSetup();
    const element = await mountDerivations(chain, 1);
    const root = element.shadowRoot!;
    const figures = buildReport(chain).headphones[1]!;
    for (const field of FIELDS) {
      const tags = [...root.querySelectorAll(`[data-testid="report-match"][data-field="${field}"]`)];
      expect(tags.length, field).toBeGreaterThanOrEqual(1);
      for (const tag of tags) {
        const result = tag.closest('.result')!.querySelector('strong')!;
        expect(Math.abs(Number(result.getAttribute('data-value')) - figures[field]), field).toBeLessThan(1e-9);
        expect(textOf(result)).toContain(formatNumber(figures[field]));
        expect(textOf(tag)).toContain(`✓ report’s`);
        expect(textOf(tag)).toContain(formatNumber(figures[field]));
      }
    }
    // The splitter's parallel load and the cable's second divider are on screen.
    expect(textOf(root.querySelector('[data-step="parallel"] .formula'))).toBe('Zload = (Zhp1 + Rcable) ∥ (Zhp2 + Rcable) = 1 / Σ 1/(Zi + Rcable)');
    expect(textOf(root.querySelector('[data-step="parallel"] .substituted'))).toContain('(38 + 0.064) ∥ (38 + 0.064) Ω');
    expect(root.querySelector('[data-step="cable"]')).not.toBeNull();
    expect(root.querySelectorAll('.formula var').length).toBeGreaterThan(20);
    expect(root.querySelector('[data-step="source-emf"] .substituted sup')).not.toBeNull();
    // A true minus sign for the −10 dBFS signal, never a hyphen.
    expect(textOf(root.querySelector('[data-step="source-emf"] .substituted'))).toContain('10−10/20');
    expect(root.querySelectorAll('.report.off')).toHaveLength(0);
  });

  it('lets the reader pick another listener and follows the choice', async () => {
    const chain = structuredClone(findPreset('band-interface-distribution-amp')!.setup);
    const element = await mountDerivations(chain);
    const select = element.shadowRoot!.querySelector('select')!;
    await userEvent.selectOptions(select, '3');
    await element.updateComplete;
    const figures = buildReport(chain).headphones[3]!;
    const spl = element.shadowRoot!.querySelector('[data-step="spl"] strong')!;
    expect(Math.abs(Number(spl.getAttribute('data-value')) - figures.splDb)).toBeLessThan(1e-9);
    expect(textOf(element.shadowRoot!.querySelector('.intro'))).toContain('AKG K240 Studio');
  });

  it('says the power is |Z|-based and gives the real power for a complex load', async () => {
    const chain = structuredClone(findPreset('iec-120-ohm-hf5')!.setup);
    const element = await mountDerivations(chain);
    expect(textOf(element.shadowRoot!.querySelector('[data-step="power"] .note'))).toMatch(/real part, V²·cos φ \/ \|Z\|/);
  });

  it('fits a 390 px phone and looks finished in both themes (screenshots)', async () => {
    await page.viewport(390, 844);
    await mountDerivations(splitterSetup(), 0, 'dark', 390);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(390);
    await shootPage('teach-derivations-phone-dark');
    await page.viewport(1000, 800);
    document.body.replaceChildren();
    await mountDerivations(splitterSetup(), 0, 'light', 1000);
    await shootPage('teach-derivations-splitter-light');
  });
});
