/**
 * The real page in real headless Chromium: index.html served by the Vite dev server and the
 * production build served by `vite preview`, driven with playwright-core. Every load must be
 * free of console errors, page errors, failed requests, requests that leave the machine and
 * CSP violations, and must show the model's numbers for both setups of the pair.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { findPreset, presets } from '../../src/model/catalog/presets.ts';
import { buildReport } from '../../src/model/report.ts';
import { defaultPair, encodeUrlState, type SetupPair } from '../../src/state/index.ts';
import { DESKTOP, launchBrowser, openPage, PHONE, pageOverflow, readable, startDevServer, startPreviewOfBuild, type RunningServer } from './e2e-support.ts';
import { resistiveHeadphone, setup, source } from '../support/setups.ts';

let browser: Browser;

/** Each side shows its listeners with the SPL of the model's report, in order. */
async function expectPairReports(page: Page, pair: SetupPair): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Headroom');
  for (const [side, chain] of [['A', pair.a], ['B', pair.b]] as const) {
    // On a phone the model's numbers start folded: open them as a reader does.
    const fold = page.locator(`[data-testid="fold-side${side}"]`);
    if (!(await fold.evaluate((details) => (details as HTMLDetailsElement).open))) await fold.locator('summary').click();
    const report = buildReport(chain);
    const cards = page.locator(`[data-testid="side-${side}"] [data-testid="listener"]`);
    await cards.first().waitFor({ state: 'visible' });
    expect(await cards.count(), `side ${side} listener cards`).toBe(report.headphones.length);
    for (const [i, listener] of report.headphones.entries()) {
      const card = cards.nth(i);
      expect(await card.locator('h4').textContent()).toContain(listener.name);
      expect(readable(await card.locator('[data-testid="spl"]').textContent())).toBe(`${listener.splDb.toFixed(1)} dB`);
    }
  }
}

const presetPair = (id: string): SetupPair => {
  const preset = findPreset(id)!;
  return { a: preset.setup, b: findPreset(preset.pairedWith ?? id)!.setup };
};

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the page on the Vite dev server', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startDevServer('e2e-app');
  });

  afterAll(async () => {
    await server?.close();
  });

  it('loads with no errors and shows the default pair: a phone driving the HD 600 alone (A) and through an amp (B)', async () => {
    const { page, problems } = await openPage(browser, server.url, DESKTOP);
    await expectPairReports(page, defaultPair());
    expect(readable(await page.locator('[data-testid="side-A"] h3').first().textContent())).toContain('Sennheiser HD 600');
    expect(readable(await page.locator('[data-testid="side-B"] h3').first().textContent())).toContain('Magni');
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });

  it('fits a phone screen without sideways scrolling and still shows both setups', async () => {
    const { page, problems } = await openPage(browser, server.url, PHONE);
    await expectPairReports(page, defaultPair());
    expect(await pageOverflow(page)).toBe(0);
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });

  it('loads both setups of the preset picked in the select, keeps it in the URL and after a reload', async () => {
    const other = presets.find((p) => p.id === 'laptop-splitter-two-m50x')!;
    const { page, problems } = await openPage(browser, server.url, DESKTOP);
    await page.getByLabel('Preset').selectOption(other.id);
    await expectPairReports(page, presetPair(other.id));
    expect(new URL(page.url()).searchParams.get('preset')).toBe(other.id);
    await page.reload({ waitUntil: 'load' });
    await expectPairReports(page, presetPair(other.id));
    expect(await page.getByLabel('Preset').inputValue()).toBe(other.id);
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });

  it('renders every preset pair on desktop and phone with each listener table inside its card and no page overflow', async () => {
    for (const options of [DESKTOP, PHONE]) {
      const { page, problems } = await openPage(browser, server.url, options);
      for (const preset of presets) {
        await page.getByLabel('Preset').selectOption(preset.id);
        await expectPairReports(page, presetPair(preset.id));
        const overflowing = await page.locator('[data-testid="listener"]').evaluateAll((elements) =>
          elements.filter((card) => [card, ...card.querySelectorAll('table')].some((el) => el.scrollWidth > el.clientWidth + 1)).length,
        );
        expect({ preset: preset.id, overflowing, pageOverflow: await pageOverflow(page) }).toEqual({ preset: preset.id, overflowing: 0, pageOverflow: 0 });
      }
      expect(problems.lines).toEqual([]);
      await page.context().close();
    }
  });

  it('a link with setups A and B opens exactly those setups, and the URL still holds them after a reload', async () => {
    const pair: SetupPair = {
      a: setup({ source: source({ name: 'Link source', outputImpedanceOhms: 47, maxOutputVrms: 2 }), signal: { levelDbfs: -10 }, headphones: [resistiveHeadphone(80, 'Link can', 98)] }),
      b: setup({ source: source({ name: 'Link source', outputImpedanceOhms: 1, maxOutputVrms: 2 }), signal: { levelDbfs: -10 }, headphones: [resistiveHeadphone(80, 'Link can', 98)] }),
    };
    const query = encodeUrlState(pair);
    expect(query.ok).toBe(true);
    const { page, problems } = await openPage(browser, server.url, DESKTOP, `?${query.ok ? query.value : ''}`);
    await expectPairReports(page, pair);
    await page.reload({ waitUntil: 'load' });
    await expectPairReports(page, pair);
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });

  it('names carrying markup and script from a link are shown as text and never run or become elements', async () => {
    const payloads = ['<img src=x onerror="window.__pwned=1">', '"><script>window.__pwned=2</script>', '<svg onload="window.__pwned=3">'];
    const pair: SetupPair = {
      a: setup({ source: source({ name: payloads[1]! }), headphones: [resistiveHeadphone(32, payloads[0]!)] }),
      b: setup({ headphones: [resistiveHeadphone(32, payloads[2]!)] }),
    };
    const query = encodeUrlState(pair);
    const { page, problems } = await openPage(browser, server.url, DESKTOP, `?${query.ok ? query.value : ''}`);
    await expectPairReports(page, pair);
    expect(readable(await page.locator('[data-testid="side-A"] h3').first().textContent())).toContain(payloads[0]!);
    // Plots, circuits and the editor have rendered the names too by now.
    await page.locator('headroom-circuit').first().waitFor({ state: 'visible' });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"], script:not([src]), svg[onload]').count()).toBe(0);
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });

  it('a link with an invalid setup says which parameter and field are wrong, shows the saved setups and overwrites nothing', async () => {
    const { page, problems } = await openPage(browser, server.url, DESKTOP, '?preset=laptop-splitter-two-m50x');
    // Make a saved state the way a user does: change the pair (here by picking a preset).
    await page.getByLabel('Preset').selectOption('iec-120-ohm-hf5');
    await expectPairReports(page, presetPair('iec-120-ohm-hf5'));
    const saved = await page.evaluate(() => localStorage.getItem('headroom:state'));
    expect(saved).toContain('headroom/saved-state@2');

    const bad: SetupPair = { a: setup(), b: setup({ headphones: [resistiveHeadphone(32)] }) };
    const query = new URLSearchParams(encodeUrlState(bad).ok ? (encodeUrlState(bad) as { value: string }).value : '');
    const broken = JSON.stringify({ ...bad.b, headphones: [{ ...resistiveHeadphone(32), impedance: { nominalOhms: -3 } }] });
    query.set('b', Buffer.from(broken).toString('base64url'));
    await page.goto(new URL(`?${query}`, server.url).href, { waitUntil: 'load' });
    const message = page.locator('[data-testid="app-message"]').first();
    await message.waitFor({ state: 'visible' });
    expect(readable(await message.textContent())).toContain('URL parameter "b": headphones[0].impedance.nominalOhms must be from 0.001 to 100000 ohms (got -3)');
    await expectPairReports(page, presetPair('iec-120-ohm-hf5'));
    expect(await page.evaluate(() => localStorage.getItem('headroom:state'))).toBe(saved);
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });
});

describe('the production build on vite preview', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startPreviewOfBuild();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('loads the built bundle with no errors or CSP violations and shows the default pair in the dark theme', async () => {
    const { page, problems } = await openPage(browser, server.url, { ...DESKTOP, colorScheme: 'dark' });
    await expectPairReports(page, defaultPair());
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe('rgb(17, 20, 24)');
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });

  it('plays the demo track from the build under its Content-Security-Policy: the worklets load and the position advances', async () => {
    const { page, problems } = await openPage(browser, server.url, DESKTOP);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self' blob:");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    await page.getByTestId('play').click();
    await expect.poll(async () => page.getByTestId('play').getAttribute('aria-label'), { timeout: 30_000 }).toBe('Pause');
    const seek = page.getByTestId('seek');
    await expect.poll(async () => Number(await seek.inputValue()), { timeout: 30_000 }).toBeGreaterThan(0.5);
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });
});
