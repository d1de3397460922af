/**
 * <headroom-claims> in real Chromium: a verdict for every claim for the default pair (the
 * same verdicts the model gives in Node), each demonstration button sends a `load-pair` event
 * whose pair parses as two valid setups, and the list fits a 390 px phone in both themes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { parseSetup } from '../../src/model/setup.ts';
import { defaultPair, pairFromPreset } from '../../src/state/setup-pair.ts';
import { claims } from '../../src/teach/claims/index.ts';
import '../../src/ui/teach/headroom-claims.ts';
import type { HeadroomClaims } from '../../src/ui/teach/headroom-claims.ts';
import { mount, shoot, shootPage, textOf, themedStage, type Scheme } from './views-support.ts';
import type { UiEvent } from '../../src/ui/events.ts';

beforeEach(async () => {
  await page.viewport(1000, 800);
});

afterEach(async () => {
  document.body.replaceChildren();
  await page.viewport(1000, 800);
});

async function mountClaims(scheme: Scheme = 'light', widthPx?: number, pair = defaultPair()): Promise<HeadroomClaims> {
  const element = document.createElement('headroom-claims');
  element.pair = pair;
  return mount(element, themedStage(scheme, widthPx));
}

const VERDICT = { true: 'True', false: 'False', depends: 'Depends' } as const;


describe('<headroom-claims>', () => {
  it('shows each of the nine claims as a heading with the model’s verdict for setups A and B of the default pair', async () => {
    const element = await mountClaims();
    const root = element.shadowRoot!;
    const pair = defaultPair();
    const items = [...root.querySelectorAll('li.claim')];
    expect(items.map((li) => li.getAttribute('data-claim'))).toEqual(claims.map((c) => c.id));
    for (const claim of claims) {
      const item = root.querySelector(`li.claim[data-claim="${claim.id}"]`)!;
      expect(textOf(item.querySelector('h3'))).not.toBe('');
      const sides = [...item.querySelectorAll('.side')];
      expect(sides.map((s) => s.getAttribute('data-side'))).toEqual(['a', 'b']);
      const expected = [claim.evaluate(pair.a).verdict, claim.evaluate(pair.b).verdict];
      expect(sides.map((s) => s.getAttribute('data-verdict')), claim.id).toEqual(expected);
      expect(sides.map((s) => textOf(s.querySelector('[data-testid="verdict"]')))).toEqual(expected.map((v) => VERDICT[v]));
      expect(textOf(item.querySelector('.when'))).toMatch(/^True when \/ false when/);
      expect(sides[0]!.querySelectorAll('dt').length).toBe(claim.evaluate(pair.a).numbers.length);
    }
    // The "need an amp above N Ω" claim reads its N: the phone drives the HD 600 but not the DT 880 600.
    const needAmp = root.querySelector('li.claim[data-claim="need-amp-above-n-ohms"]')!;
    expect(textOf(needAmp.querySelector('h3'))).toBe('“You need an amp above 100 Ω”');
    const rows = [...needAmp.querySelectorAll('.side dt')].map((dt) => `${textOf(dt)} = ${textOf(dt.nextElementSibling)}`);
    expect(rows).toContain('beyerdynamic DT 880 600 Ω, 614 Ω, 98.0 dB/V = 98.1 dB SPL');
  });

  it('shows one verdict for "Setups A and B" when both setups are the same', async () => {
    const same = pairFromPreset('band-interface-distribution-amp');
    if (!same.ok) throw new Error(same.errors.join('; '));
    const root = (await mountClaims('light', undefined, same.value)).shadowRoot!;
    const sides = [...root.querySelectorAll('li.claim[data-claim="splitter-halves-volume"] .side')];
    expect(sides).toHaveLength(1);
    expect(textOf(sides[0]!.querySelector('h4'))).toMatch(/^Setups A and B/);
  });

  it('sends a bubbling, composed load-pair event with a valid pair and a title when a demonstration is loaded', async () => {
    const element = await mountClaims();
    const received: UiEvent<'load-pair'>[] = [];
    document.body.addEventListener('load-pair', (event) => received.push(event));
    const claim = claims.find((c) => c.id === 'splitter-halves-volume')!;
    const demo = claim.demonstrations[2]!;
    const button = element.shadowRoot!.querySelectorAll<HTMLButtonElement>('li.claim[data-claim="splitter-halves-volume"] button')[2]!;
    expect(button.getAttribute('aria-label')).toBe(`Load a demonstration: ${demo.label}`);
    expect(textOf(button)).toBe('Load a demonstration');
    await userEvent.click(button);
    expect(received).toHaveLength(1);
    const { pair, title } = received[0]!.detail;
    expect(received[0]!.bubbles && received[0]!.composed).toBe(true);
    expect(title).toContain(demo.label);
    expect(parseSetup(pair.a).ok && parseSetup(pair.b).ok).toBe(true);
    expect(pair).toEqual(demo.pair);
    expect(pair).not.toBe(demo.pair); // a copy: the app may edit it
  });

  it('re-judges "you need an amp above N Ω" when N changes', async () => {
    const element = await mountClaims();
    const input = element.shadowRoot!.querySelector<HTMLInputElement>('li.claim[data-claim="need-amp-above-n-ohms"] input')!;
    await userEvent.fill(input, '500');
    input.dispatchEvent(new Event('change'));
    await element.updateComplete;
    const item = element.shadowRoot!.querySelector('li.claim[data-claim="need-amp-above-n-ohms"]')!;
    expect(textOf(item.querySelector('h3'))).toBe('“You need an amp above 500 Ω”');
    // Above 500 Ω only the DT 880 600 is left, and the phone cannot drive it to 100 dB SPL.
    expect(item.querySelector('.side')!.getAttribute('data-verdict')).toBe('true');
  });

  it('fits a 390 px phone in the dark theme without sideways scrolling, and looks finished (screenshots)', async () => {
    await page.viewport(390, 844);
    const element = await mountClaims('dark', 390);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(390);
    for (const item of element.shadowRoot!.querySelectorAll('li.claim')) {
      expect(item.getBoundingClientRect().width).toBeLessThanOrEqual(390 - 32 + 0.5);
    }
    await shoot(element.shadowRoot!.querySelector('li.claim[data-claim="splitter-halves-volume"] .side')!, 'teach-claims-phone-dark-side');
    await shootPage('teach-claims-phone-dark');
    await page.viewport(1000, 800);
    document.body.replaceChildren();
    await mountClaims('light', 1000);
    await shootPage('teach-claims-desktop-light');
  });
});
