/**
 * The real page in real headless Chromium: index.html served by the Vite dev server and the
 * production build served by `vite preview`, driven with playwright-core. Each load must be
 * free of console errors, page errors, failed requests and requests that leave the machine,
 * and must show the default preset's report. Screenshots go to test-results/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, createServer, preview, type PreviewServer, type ViteDevServer } from 'vite';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/chromium-path.mjs';
import { defaultPresetId, findPreset, presets } from '../../src/model/catalog/presets.ts';
import { buildReport } from '../../src/model/report.ts';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const configFile = join(root, 'vite.config.ts');
const screenshotDir = join(root, 'test-results', 'screenshots');

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

let browser: Browser;

function urlOf(server: Server | null | undefined): string {
  const address = server?.address() as AddressInfo | null | undefined;
  if (!address || typeof address === 'string') throw new Error('server is not listening on a TCP port');
  return `http://127.0.0.1:${address.port}/`;
}

/** Everything that went wrong while a page was open, as readable lines. */
interface Problems {
  lines: string[];
}

async function openPage(baseUrl: string, options: BrowserContextOptions, path = ''): Promise<{ page: Page; problems: Problems }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: Problems = { lines: [] };
  const origin = new URL(baseUrl).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') problems.lines.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.lines.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.lines.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.lines.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.lines.push(`request leaves the machine: ${url}`);
    }
  });
  await page.goto(new URL(path, baseUrl).href, { waitUntil: 'load' });
  return { page, problems };
}

/** The default preset's report is on screen: title, every listener's name and SPL, the clipping line. */
async function expectDefaultReport(page: Page): Promise<void> {
  const preset = findPreset(defaultPresetId);
  expect(preset, `defaultPresetId ${defaultPresetId} names a preset`).toBeDefined();
  const report = buildReport(preset!.setup);

  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Headroom');
  await page.getByRole('heading', { level: 2, name: preset!.title }).waitFor({ state: 'visible' });

  const listeners = page.locator('[data-testid="listener"]');
  expect(await listeners.count()).toBe(report.headphones.length);
  for (const [i, listener] of report.headphones.entries()) {
    const card = listeners.nth(i);
    expect(await card.locator('h4').textContent()).toContain(listener.name);
    const spl = card.locator('[data-testid="spl"]');
    expect(await spl.isVisible()).toBe(true);
    expect((await spl.textContent())?.replace(/\u202f/g, ' ')).toBe(`${listener.splDb.toFixed(1)} dB`);
  }

  const clipping = page.locator('[data-testid="clipping"]');
  expect(await clipping.isVisible()).toBe(true);
  const clippingText = (await clipping.textContent())?.replace(/[\s\u202f]+/g, ' ') ?? '';
  if (report.clipping.limitedBy === 'none') {
    expect(clippingText).toContain('No stage clips');
  } else {
    expect(clippingText).toContain(report.clipping.limitedBy === 'rail' ? 'voltage rail' : 'current limit');
    expect(clippingText).toContain(`${report.clipping.atSignalDbfs.toFixed(1).replace('-', '\u2212')} dBFS`);
  }
}

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS, headless: true });
  mkdirSync(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

describe('the page on the Vite dev server', () => {
  let server: ViteDevServer;
  let baseUrl: string;

  beforeAll(async () => {
    server = await createServer({
      root,
      configFile,
      // Its own optimizer cache, so it never races the browser project's Vite server.
      cacheDir: join(root, 'node_modules', '.vite-e2e'),
      logLevel: 'error',
      server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    });
    await server.listen();
    baseUrl = urlOf(server.httpServer as Server | null);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('loads with no console errors, failed or outside requests and shows the default preset’s report (desktop)', async () => {
    const { page, problems } = await openPage(baseUrl, DESKTOP);
    await expectDefaultReport(page);
    await page.screenshot({ path: join(screenshotDir, 'app-desktop.png'), fullPage: true });
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });

  it('fits a phone screen without sideways scrolling and still shows the report', async () => {
    const { page, problems } = await openPage(baseUrl, PHONE);
    await expectDefaultReport(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.screenshot({ path: join(screenshotDir, 'app-phone.png'), fullPage: true });
    expect(overflow).toBe(0);
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });

  it('switches to the preset picked in the select, keeps it in the URL and after a reload', async () => {
    const other = presets.find((p) => p.id !== defaultPresetId);
    expect(other, 'the catalog has more than one preset').toBeDefined();
    const { page, problems } = await openPage(baseUrl, DESKTOP);
    await page.getByRole('heading', { level: 1, name: 'Headroom' }).waitFor();
    await page.getByLabel('Preset').selectOption(other!.id);
    await page.getByRole('heading', { level: 2, name: other!.title }).waitFor({ state: 'visible' });
    expect(new URL(page.url()).searchParams.get('preset')).toBe(other!.id);
    const names = await page.locator('[data-testid="listener"] h4').allTextContents();
    expect(names.map((n) => n.replace(/^\d+/, ''))).toEqual(other!.setup.headphones.map((h) => h.name));
    await page.screenshot({ path: join(screenshotDir, `app-desktop-${other!.id}.png`), fullPage: true });

    await page.reload({ waitUntil: 'load' });
    await page.getByRole('heading', { level: 2, name: other!.title }).waitFor({ state: 'visible' });
    expect(await page.getByLabel('Preset').inputValue()).toBe(other!.id);
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });

  it('renders every preset, on desktop and phone, with each listener table inside its card and no errors', async () => {
    for (const options of [DESKTOP, PHONE]) {
      const { page, problems } = await openPage(baseUrl, options);
      await page.getByRole('heading', { level: 1, name: 'Headroom' }).waitFor();
      for (const preset of presets) {
        await page.getByLabel('Preset').selectOption(preset.id);
        await page.getByRole('heading', { level: 2, name: preset.title }).waitFor({ state: 'visible' });
        const cards = page.locator('[data-testid="listener"]');
        expect(await cards.count(), preset.id).toBe(preset.setup.headphones.length);
        const overflowing = await cards.evaluateAll((elements) =>
          elements.filter((card) => [card, ...card.querySelectorAll('table')].some((el) => el.scrollWidth > el.clientWidth + 1)).length,
        );
        const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect({ preset: preset.id, overflowing, pageOverflow }).toEqual({ preset: preset.id, overflowing: 0, pageOverflow: 0 });
      }
      expect(problems.lines).toEqual([]);
      await page.context().close();
    }
  });
});

describe('the production build on vite preview', () => {
  let server: PreviewServer;
  let baseUrl: string;
  let outDir: string;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'headroom-build-'));
    await build({ root, configFile, logLevel: 'error', build: { outDir, emptyOutDir: true } });
    server = await preview({
      root,
      configFile,
      logLevel: 'error',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    });
    baseUrl = urlOf(server.httpServer as Server);
  });

  afterAll(async () => {
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('loads the built bundle with no console errors and shows the default preset’s report in the dark theme', async () => {
    const { page, problems } = await openPage(baseUrl, { ...DESKTOP, colorScheme: 'dark' });
    await expectDefaultReport(page);
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await page.screenshot({ path: join(screenshotDir, 'app-desktop-dark-build.png'), fullPage: true });
    expect(background).toBe('rgb(17, 20, 24)');
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });
});
