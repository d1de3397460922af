/**
 * The embed example page (embed-example.html) in real headless Chromium, from the production
 * build on `vite preview` and from the dev server: both <headroom-sim> elements (one by
 * preset, one by setup JSON) show the model's numbers under the page's Content-Security-
 * Policy, Listen plays the demo track through the worklets, and nothing goes wrong — no
 * console error, failed request, request off the machine or CSP violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { findPreset } from '../../src/model/catalog/presets.ts';
import { buildReport } from '../../src/model/report.ts';
import { parseSetupJson, type Setup } from '../../src/model/setup.ts';
import { DESKTOP, launchBrowser, openPage, PHONE, pageOverflow, readable, startDevServer, startPreviewOfBuild, type RunningServer } from './e2e-support.ts';

let browser: Browser;

/** The element's shown SPL per listener equals the model's report of `chain`. */
async function expectSimReport(sim: Locator, chain: Setup): Promise<void> {
  const spl = sim.locator('headroom-report-view [data-testid="spl"]');
  await spl.first().waitFor({ state: 'visible' });
  const expected = buildReport(chain).headphones.map((listener) => `${listener.splDb.toFixed(1)} dB`);
  expect((await spl.allTextContents()).map(readable)).toEqual(expected);
  await sim.locator('headroom-circuit svg').first().waitFor({ state: 'visible' });
}

/** Both examples: the preset phone-hd600, and the setup JSON written in the page itself. */
async function expectBothExamples(page: Page): Promise<void> {
  await expect.poll(() => page.locator('h1').textContent()).toContain('Embedding a simulation');
  await expectSimReport(page.locator('#example-preset'), findPreset('phone-hd600')!.setup);
  const json = await page.locator('#example-setup').getAttribute('setup');
  const parsed = parseSetupJson(json ?? '');
  expect(parsed.ok).toBe(true);
  await expectSimReport(page.locator('#example-setup'), (parsed as { value: Setup }).value);
  expect(readable(await page.locator('#example-setup [data-testid="sim-title"]').textContent())).toBe('Two students on one laptop');
  expect(await page.locator('[data-testid="sim-error"]').count()).toBe(0);
}

/** Seconds into the demo track from the element's readout "Demo track 0:01.2 / 0:09.6". */
async function position(sim: Locator): Promise<number> {
  const match = /(\d+):(\d+(?:\.\d)?) \//.exec(readable(await sim.locator('[data-testid="sim-position"]').textContent()));
  return match ? Number(match[1]) * 60 + Number(match[2]) : 0;
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('embed-example.html from the production build', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startPreviewOfBuild();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('renders both elements with the model’s numbers under the page’s CSP, with no errors', async () => {
    const { page, problems } = await openPage(browser, server.url, DESKTOP, 'embed-example.html');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self' blob:");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|style-src [^;]*unsafe-inline/);
    expect(await page.locator('script[type="module"]').getAttribute('src')).toBe('./assets/headroom-sim.js');
    await expectBothExamples(page);
    expect(await pageOverflow(page)).toBe(0);

    // An invalid setup added by the host page: the validator's message in place, nothing thrown.
    await page.evaluate(() => {
      const sim = document.createElement('headroom-sim');
      sim.id = 'example-invalid';
      sim.setAttribute('setup', JSON.stringify({ format: 'headroom/setup@1', signal: { levelDbfs: 3 }, source: { name: 'x', outputImpedanceOhms: 2, maxOutputVrms: 1, volumeDb: 0 }, amp: null, splitter: null, headphones: [] }));
      document.querySelector('#attributes')!.append(sim);
    });
    const invalid = page.locator('#example-invalid [data-testid="sim-error"]');
    await invalid.waitFor({ state: 'visible' });
    expect(readable(await invalid.textContent())).toContain('setup attribute: signal.levelDbfs must be from -120 to 0 dBFS (got 3)');
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });

  it('Listen plays the demo track through the setup; starting the other element pauses the first', async () => {
    const { page, problems } = await openPage(browser, server.url, DESKTOP, 'embed-example.html');
    await expectBothExamples(page);
    const first = page.locator('#example-preset');
    const second = page.locator('#example-setup');
    await first.getByTestId('sim-listen').click();
    await expect.poll(async () => readable(await first.getByTestId('sim-listen').textContent()), { timeout: 30_000 }).toBe('Pause');
    await expect.poll(() => position(first), { timeout: 30_000 }).toBeGreaterThan(0.5);
    await first.getByTestId('sim-listen').scrollIntoViewIfNeeded();

    await second.getByTestId('sim-listen').click();
    await expect.poll(async () => readable(await second.getByTestId('sim-listen').textContent()), { timeout: 30_000 }).toBe('Pause');
    expect(readable(await first.getByTestId('sim-listen').textContent())).toBe('Listen');
    await expect.poll(() => position(second), { timeout: 30_000 }).toBeGreaterThan(0.5);
    await second.getByTestId('sim-listen').click();
    await expect.poll(async () => readable(await second.getByTestId('sim-listen').textContent())).toBe('Listen');

    // A paused element's audio is suspended; Listen resumes it where it stopped.
    const stoppedAt = await position(first);
    await page.waitForTimeout(500);
    await first.getByTestId('sim-listen').click();
    await expect.poll(async () => readable(await first.getByTestId('sim-listen').textContent()), { timeout: 30_000 }).toBe('Pause');
    await expect.poll(() => position(first), { timeout: 30_000 }).toBeGreaterThan(stoppedAt + 0.5);
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });

  it('plays one setup through one chain, and an element removed while its audio starts lets that audio go', async () => {
    const { page, problems } = await openPage(browser, server.url, DESKTOP, 'about:blank');
    // Every audio context and worklet node the page makes, as the page makes them.
    await page.context().addInitScript(() => {
      const seen = { contexts: [] as AudioContext[], nodes: [] as string[] };
      (window as unknown as { __audio: typeof seen }).__audio = seen;
      const NativeContext = window.AudioContext;
      window.AudioContext = class extends NativeContext {
        constructor(options?: AudioContextOptions) {
          super(options);
          seen.contexts.push(this);
        }
      };
      const NativeNode = window.AudioWorkletNode;
      window.AudioWorkletNode = class extends NativeNode {
        constructor(context: BaseAudioContext, name: string, options?: AudioWorkletNodeOptions) {
          super(context, name, options);
          seen.nodes.push(name);
        }
      };
    });
    await page.goto(new URL('embed-example.html', server.url).href, { waitUntil: 'load' });
    await expectBothExamples(page);
    const audio = () => page.evaluate(() => {
      const seen = (window as unknown as { __audio: { contexts: AudioContext[]; nodes: string[] } }).__audio;
      return { states: seen.contexts.map((c) => c.state), chains: seen.nodes.filter((name) => name === 'headroom-chain').length };
    });
    const first = page.locator('#example-preset');
    await first.getByTestId('sim-listen').click();
    await expect.poll(async () => readable(await first.getByTestId('sim-listen').textContent()), { timeout: 30_000 }).toBe('Pause');
    expect(await audio()).toEqual({ states: ['running'], chains: 1 });

    // The second element's worklets arrive 1.5 s late; it leaves the page meanwhile.
    await page.route('**/*worklet*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.locator('#example-setup').getByTestId('sim-listen').click();
    await expect.poll(async () => (await audio()).states.length).toBe(2);
    await page.evaluate(() => document.querySelector('#example-setup')!.remove());
    // Its context is closed once its engine exists; the first element's is paused, not closed.
    await expect.poll(async () => (await audio()).states[1], { timeout: 30_000 }).toBe('closed');
    expect((await audio()).states[0]).not.toBe('closed');
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });

  it('fits a phone screen in the dark theme without sideways scrolling', async () => {
    const { page, problems } = await openPage(browser, server.url, { ...PHONE, colorScheme: 'dark' }, 'embed-example.html');
    await expectBothExamples(page);
    expect(await pageOverflow(page)).toBe(0);
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });
});

describe('embed-example.html on the Vite dev server', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startDevServer('e2e-embed');
  });

  afterAll(async () => {
    await server?.close();
  });

  it('renders both elements with no errors', async () => {
    const { page, problems } = await openPage(browser, server.url, DESKTOP, 'embed-example.html');
    await expectBothExamples(page);
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });
});
