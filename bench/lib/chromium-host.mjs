// The Chromium host of `npm run bench`: the bench page (bench/page) built by Vite with the
// app's config, served by `vite preview`, driven with playwright-core in the system Chromium.
import { join } from 'node:path';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/chromium-path.mjs';
import { withTimeout } from './stats.mjs';

export async function openChromiumBench(root, outDir) {
  const configFile = join(root, 'bench/vite.config.ts');
  await build({ configFile, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server = await preview({ configFile, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const address = server.httpServer.address();
  const url = `http://127.0.0.1:${address.port}/`;
  const browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS, headless: true });
  const version = browser.version();
  const problems = [];
  let page = null;

  async function freshPage() {
    if (page) await page.context().close();
    const context = await browser.newContext();
    page = await context.newPage();
    page.on('console', (message) => message.type() === 'error' && problems.push(`console error: ${message.text()}`));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
  }
  await freshPage();

  return {
    version,
    problems,
    /** One render in the page; a stalled one is abandoned with its page (the next run gets a fresh one). */
    async render(kind, seconds, limitSeconds) {
      const running = page.evaluate(([k, s]) => window.headroomBench.render(k, s), [kind, seconds]);
      let stalled = false;
      try {
        return await withTimeout(running, limitSeconds, `Chromium ${kind} render of ${seconds} s`, () => (stalled = true));
      } finally {
        if (stalled) {
          running.catch(() => {});
          await freshPage();
        }
      }
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
