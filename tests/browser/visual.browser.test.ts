/**
 * Visual regression of the whole app in real Chromium: the main views at 1280×800, the
 * classroom at 1024×768 and the phone at 390×844 are compared with the committed reference
 * screenshots (tests/browser/references/visual.browser.test.ts/; vitest.config.ts says how to
 * renew them after a deliberate change). A layout break — a column that wraps, a card that
 * runs over its neighbour, a section that loses its fold — moves far more than the 0.1 % of
 * pixels the comparison forgives.
 *
 * The app starts from the default pair (no link, nothing saved) and nothing plays, so every
 * pixel is the same on every run; the classroom's share link names this test server's port,
 * so its QR code and address are masked. The app's idle-time audio preparation is left out
 * (requestIdleCallback never calls back): it changes nothing on screen, and under Vitest's
 * browser mode the served worklet module does not load (tests/browser/worklet-test-url.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import '../../src/page.css';
import '../../src/ui/headroom-app.ts';
import type { HeadroomApp } from '../../src/ui/headroom-app.ts';
import { frames, shoot } from './views-support.ts';

/** Waits until the app and every component in it have rendered and the charts are drawn. */
async function settled(app: HeadroomApp): Promise<void> {
  const all = (root: ParentNode): Element[] => [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
  for (let round = 0; round < 5; round++) {
    await Promise.all(all(app.shadowRoot!).map((el) => (el as Partial<HeadroomApp>).updateComplete));
    await frames(3);
  }
  // The fonts are the system's; wait for them too, so text never reflows after the shot.
  await document.fonts.ready;
}

async function mountApp(width: number, height: number): Promise<HeadroomApp> {
  await page.viewport(width, height);
  const app = document.createElement('headroom-app');
  document.body.append(app);
  await settled(app);
  return app;
}

const section = (app: HeadroomApp, id: string): HTMLElement => app.shadowRoot!.querySelector<HTMLElement>(`#${id}`)!;

beforeEach(() => {
  vi.stubGlobal('requestIdleCallback', () => 0);
  // The default pair: no setups in the address, none saved by an earlier test.
  localStorage.clear();
  history.replaceState(null, '', location.pathname);
  document.body.style.margin = '0';
});

afterEach(async () => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
  await page.viewport(1000, 800);
});

describe('the app looks as it did', () => {
  it('at 1280×800: the header and Listen card, the setups, the plots', async () => {
    const app = await mountApp(1280, 800);
    await shoot(app.shadowRoot!.querySelector('header')!, 'desktop-header');
    await shoot(section(app, 'listen'), 'desktop-listen');
    await shoot(section(app, 'setups'), 'desktop-setups');
    await shoot(section(app, 'plots'), 'desktop-plots');
  });

  it('in the classroom at 1024×768', async () => {
    const app = await mountApp(1024, 768);
    app.shadowRoot!.querySelector<HTMLButtonElement>('[data-testid=classroom-open]')!.click();
    await settled(app);
    const classroom = app.shadowRoot!.querySelector('headroom-classroom')!;
    const share = classroom.shadowRoot!.querySelector('[data-testid=share]');
    expect(share, 'the classroom shows its share link').not.toBeNull();
    const dialog = app.shadowRoot!.querySelector<HTMLElement>('.classroom')!;
    await expect.element(dialog).toMatchScreenshot('classroom-1024', { screenshotOptions: { mask: [share!] } });
  });

  it('on a 390×844 phone, the whole page', async () => {
    const app = await mountApp(390, 844);
    // All of it: under five screens.
    await shoot(app, 'phone', 5);
  });
});
