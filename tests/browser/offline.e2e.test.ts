/**
 * Offline after the first visit: the production build, served by `vite preview` from a
 * sub-path, registers its service worker (sw.js, scripts/vite-service-worker.ts), which
 * precaches the whole app. Then the server is stopped and the network cut, and the app must
 * still reload, show the model's numbers and play the demo track (rendered in the browser
 * with Tone.js) through the worklets — every request answered by the service worker, with no
 * console error, failed request or CSP violation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildReport } from '../../src/model/report.ts';
import { defaultPair } from '../../src/state/index.ts';
import { buildApp, DESKTOP, launchBrowser, openPage, previewBuild, readable, type BuiltApp, type RunningServer } from './e2e-support.ts';

/** A sub-path, as on GitHub Pages or a school's web server: the build's base is './'. */
const SUB_PATH = '/classroom/headroom/';

let browser: Browser;
let app: BuiltApp;
let server: RunningServer | null = null;

/** Both sides show the default pair's listeners with the SPL of the model's report. */
async function expectDefaultPair(page: Page): Promise<void> {
  const pair = defaultPair();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Headroom');
  for (const [side, chain] of [['A', pair.a], ['B', pair.b]] as const) {
    const report = buildReport(chain);
    const cards = page.locator(`[data-testid="side-${side}"] [data-testid="listener"]`);
    await cards.first().waitFor({ state: 'visible' });
    expect(await cards.count()).toBe(report.headphones.length);
    for (const [i, listener] of report.headphones.entries()) {
      expect(readable(await cards.nth(i).locator('[data-testid="spl"]').textContent())).toBe(`${listener.splDb.toFixed(1)} dB`);
    }
  }
}

function builtFiles(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

beforeAll(async () => {
  browser = await launchBrowser();
  app = await buildApp();
  server = await previewBuild(app.outDir, SUB_PATH);
});

afterAll(async () => {
  await server?.close();
  app?.dispose();
  await browser?.close();
});

describe('the production build offline', () => {
  it('writes sw.js listing every file of the build but the source maps, the worklet module among them', () => {
    const source = readFileSync(join(app.outDir, 'sw.js'), 'utf8');
    const listed = JSON.parse(/const FILES = (\[[\s\S]*?\]);/.exec(source)![1]!) as string[];
    const expected = builtFiles(app.outDir).filter((file) => !file.endsWith('.map') && file !== 'sw.js').sort();
    expect(listed).toEqual(expected);
    expect(listed).toEqual(expect.arrayContaining(['index.html', 'embed-example.html', 'favicon.svg', 'assets/headroom-sim.js']));
    expect(listed.some((file) => /^assets\/headroom\.worklet-.*\.js$/.test(file))).toBe(true);
  });

  it('after one visit, with the server stopped and the network cut, reloads, shows the default pair and plays the demo track', async () => {
    // Before the first visit: a cache of an older build of this copy of the app, and one of
    // another copy under another path of the same origin (made from the embed example, which registers no worker).
    const { page, problems } = await openPage(browser, server!.url, DESKTOP, 'embed-example.html');
    const stale = `headroom:${server!.url}:0000000000000000`;
    const otherCopy = `headroom:${new URL('/other/headroom/', server!.url).href}:0000000000000000`;
    await page.evaluate(async (names) => Promise.all(names.map((name) => caches.open(name))), [stale, otherCopy]);
    // The browser asks for the example page's favicon after its load event; navigating away
    // while that request is in flight aborts it, and the problem log would report it as a
    // failed request (three of four clean-clone CI runs on 2026-11-23: favicon.svg ERR_ABORTED).
    await page.waitForLoadState('networkidle');

    await page.goto(server!.url, { waitUntil: 'load' });
    await expectDefaultPair(page);

    // First visit: the worker installs (precaching everything), activates and takes control.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    const registration = await page.evaluate(async () => {
      const ready = await navigator.serviceWorker.ready;
      const names = await caches.keys();
      const urls = (await Promise.all(names.map(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url)))).flat();
      return { scope: ready.scope, script: ready.active?.scriptURL, names, urls };
    });
    expect(registration.scope).toBe(server!.url);
    expect(registration.script).toBe(new URL('sw.js', server!.url).href);
    // Activation deleted this copy's old cache and left the other copy's alone.
    expect(registration.names).toHaveLength(2);
    expect(registration.names).toContain(otherCopy);
    expect(registration.names).not.toContain(stale);
    expect(registration.names.find((name) => name !== otherCopy)).toMatch(new RegExp(`^headroom:${server!.url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:[0-9a-f]{16}$`));
    expect(registration.urls).toContain(new URL('index.html', server!.url).href);

    // The page prepares the demo track once it is idle, loading Tone's modules then: let them
    // arrive before the network goes (a request cut off in flight is logged as failed).
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => /PolySynth/.test(entry.name)), undefined, { timeout: 30_000 });
    await page.waitForLoadState('networkidle');

    // No network at all: the host is gone and the browser is offline.
    await server!.close();
    server = null;
    await page.context().setOffline(true);

    const notFromWorker: string[] = [];
    page.on('response', (response) => {
      if (!response.fromServiceWorker() && !/^(data|blob):/.test(response.url())) notFromWorker.push(response.url());
    });
    await page.reload({ waitUntil: 'load' });
    await expectDefaultPair(page);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);

    // The demo track renders in the browser, the worklet module comes from the cache.
    await page.getByTestId('play').click();
    await expect.poll(async () => page.getByTestId('play').getAttribute('aria-label'), { timeout: 30_000 }).toBe('Pause');
    const seek = page.getByTestId('seek');
    await expect.poll(async () => Number(await seek.inputValue()), { timeout: 30_000 }).toBeGreaterThan(0.5);

    // A link with a preset and an unknown path inside the app's folder open offline too.
    await page.goto(new URL('?preset=laptop-splitter-two-m50x', registration.scope).href, { waitUntil: 'load' });
    await expect.poll(() => page.getByLabel('Preset').inputValue()).toBe('laptop-splitter-two-m50x');

    expect(notFromWorker).toEqual([]);
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });
});
