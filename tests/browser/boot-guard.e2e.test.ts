/**
 * The app survives its own saved state (src/state/boot-guard.ts, src/boot/boot-guard.ts), in
 * real Chromium: a visit that freezes before its first render leaves its "booting" mark, and
 * the next visit starts on the defaults, says why, and offers the set-aside setups as a file.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildReport } from '../../src/model/report.ts';
import { BOOT_MARK_KEY, RECOVERED_KEY, UNFINISHED_VISIT, UNREADABLE_SAVED } from '../../src/state/boot-guard.ts';
import { defaultPair, importPairJson, pairFromPreset, serializeSavedState, STORAGE_KEY, type SetupPair } from '../../src/state/index.ts';
import { DESKTOP, launchBrowser, openPage, PHONE, readable, startDevServer, startPreviewOfBuild, type RunningServer } from './e2e-support.ts';

let browser: Browser;
const laptopPair = () => (pairFromPreset('laptop-splitter-two-m50x') as { value: SetupPair }).value;

async function expectDefaults(page: Page): Promise<void> {
  const spl = page.locator('[data-testid="side-A"] [data-testid="listener"] [data-testid="spl"]').first();
  // Attached, not visible: on a phone the model's numbers start folded.
  await spl.waitFor({ state: 'attached' });
  expect(readable(await spl.textContent())).toBe(`${buildReport(defaultPair().a).headphones[0]!.splDb.toFixed(1)} dB`);
  expect(await page.locator('[data-testid="side-A"] [data-testid="listener"]').count()).toBe(defaultPair().a.headphones.length);
}

const storageItem = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);

/**
 * A visit whose app module never finishes evaluating: the page's main thread spins, as a
 * frozen tab does (the page cannot even answer evaluate() any more), and the user closes it.
 */
async function freezingVisit(context: BrowserContext, url: string): Promise<void> {
  const page = await context.newPage();
  let served!: () => void;
  const appRequested = new Promise<void>((resolve) => (served = resolve));
  await page.route('**/src/ui/headroom-app.ts*', async (route) => {
    await route.fulfill({ contentType: 'text/javascript', body: 'for (;;) {}' });
    served();
  });
  await page.goto(url, { waitUntil: 'commit' });
  await appRequested;
  // Time for the module graph to start evaluating (the guard first, then the spinning app).
  await new Promise((resolve) => setTimeout(resolve, 2000));
  await page.close({ runBeforeUnload: false });
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the boot guard on the dev server', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startDevServer('e2e-boot');
  });

  afterAll(async () => {
    await server?.close();
  });

  it('after a visit that froze before its first render, the next starts on the defaults, says why and offers the saved setups as a file', async () => {
    const { page, problems } = await openPage(browser, server.url, DESKTOP);
    await expectDefaults(page);
    // A finished visit clears its mark.
    await expect.poll(() => storageItem(page, BOOT_MARK_KEY), { timeout: 10_000 }).toBeNull();
    const pair = laptopPair();
    await page.evaluate(([key, text]) => localStorage.setItem(key!, text!), [STORAGE_KEY, serializeSavedState(pair)]);

    await freezingVisit(page.context(), new URL('?preset=laptop-splitter-two-m50x', server.url).href);

    const next = await page.context().newPage();
    await next.goto(new URL('?preset=laptop-splitter-two-m50x', server.url).href, { waitUntil: 'load' });
    const notice = next.getByTestId('recovery-notice');
    await notice.waitFor({ state: 'visible' });
    expect(readable(await notice.textContent())).toContain(UNFINISHED_VISIT);
    await expectDefaults(next);
    // The link that may have caused it is not loaded again, and nothing is saved over the copy.
    expect(new URL(next.url()).searchParams.has('preset')).toBe(false);
    expect(await storageItem(next, STORAGE_KEY)).toBeNull();
    expect(await storageItem(next, RECOVERED_KEY)).toContain('laptop-splitter');
    await expect.poll(() => storageItem(next, BOOT_MARK_KEY), { timeout: 10_000 }).toBeNull();

    const download = next.waitForEvent('download');
    await next.getByTestId('recovery-download').click();
    const file = await readFile((await (await download).path())!, 'utf8');
    expect(importPairJson(file)).toEqual({ ok: true, value: pair });
    await notice.waitFor({ state: 'detached' });
    expect(await storageItem(next, RECOVERED_KEY)).toBeNull();
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });

  it('a reload while the page is still loading is not an unfinished visit: the saved setups open, with no notice', async () => {
    const { page, problems } = await openPage(browser, server.url, DESKTOP);
    await expectDefaults(page);
    const pair = laptopPair();
    await page.evaluate(([key, text]) => localStorage.setItem(key!, text!), [STORAGE_KEY, serializeSavedState(pair)]);
    // A visit whose app has not arrived yet (an empty module: nothing renders, nothing fails),
    // left by a reload while the guard's mark is set.
    await page.route('**/src/ui/headroom-app.ts*', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => storageItem(page, BOOT_MARK_KEY), { timeout: 10_000 }).not.toBeNull();
    await page.unroute('**/src/ui/headroom-app.ts*');
    await page.reload({ waitUntil: 'load' });
    const listeners = page.locator('[data-testid="side-A"] [data-testid="listener"]');
    await expect.poll(() => listeners.count(), { timeout: 20_000 }).toBe(pair.a.headphones.length);
    expect(await page.getByTestId('recovery-notice').count()).toBe(0);
    expect(await storageItem(page, RECOVERED_KEY)).toBeNull();
    // The reload cancels what the stalled visit was still fetching (its icon); nothing else.
    expect(problems.lines.filter((line) => !line.endsWith('(net::ERR_ABORTED)'))).toEqual([]);
    await page.context().close();
  });

  it('saved setups that no longer validate: defaults, the field and range named, the copy offered until discarded', async () => {
    const { page } = await openPage(browser, server.url, PHONE);
    const bad = serializeSavedState(defaultPair()).replaceAll('"nominalOhms":300', '"nominalOhms":1e-300');
    await page.evaluate(([key, text]) => localStorage.setItem(key!, text!), [STORAGE_KEY, bad]);
    await page.reload({ waitUntil: 'load' });
    const notice = page.getByTestId('recovery-notice');
    await notice.waitFor({ state: 'visible' });
    const text = readable(await notice.textContent());
    expect(text).toContain('Saved state: a.headphones[0].impedance.nominalOhms must be from 0.001 to 100000 ohms (got 1e-300)');
    expect(text).toContain(UNREADABLE_SAVED);
    await expectDefaults(page);
    // Still offered on the next visit, gone once discarded.
    await page.reload({ waitUntil: 'load' });
    await notice.waitFor({ state: 'visible' });
    await page.getByTestId('recovery-dismiss').click();
    await notice.waitFor({ state: 'detached' });
    await page.reload({ waitUntil: 'load' });
    await expectDefaults(page);
    expect(await page.getByTestId('recovery-notice').count()).toBe(0);
    await page.context().close();
  });
});

describe('the boot guard in the production build', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startPreviewOfBuild();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('a leftover mark sets the saved setups aside before the built app reads them', async () => {
    const { page, problems } = await openPage(browser, server.url, { viewport: { width: 1024, height: 768 } });
    await expectDefaults(page);
    await page.evaluate(([state, text, mark]) => {
      localStorage.setItem(state!, text!);
      localStorage.setItem(mark!, '2026-01-01T00:00:00.000Z');
    }, [STORAGE_KEY, serializeSavedState(laptopPair()), BOOT_MARK_KEY]);
    await page.reload({ waitUntil: 'load' });
    await page.getByTestId('recovery-notice').waitFor({ state: 'visible' });
    await expectDefaults(page);
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });
});
