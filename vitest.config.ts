/**
 * Test projects (run one with `npx vitest run --project <name>`):
 *   node     — everything under tests/ except tests/browser and the audio renders, in Node.
 *   audio    — tests/audio and tests/cli/render.test.ts: whole chains rendered through the real
 *              worklets in node-web-audio-api. They run last and one file at a time: that
 *              library's worklet thread stalls (0.1–0.3× real time) when other work keeps both
 *              cores busy, which docs/architecture.md ("Toolchain facts") and bench/ measured.
 *   browser  — tests/browser/**\/*.browser.test.ts: Vitest browser mode in headless system
 *              Chromium through Playwright (components mounted in a real page).
 *   e2e      — tests/browser/**\/*.e2e.test.ts: in Node, starts the Vite dev server and the
 *              production build's preview server and drives the real index.html with
 *              playwright-core in the same Chromium.
 * Chromium comes from scripts/chromium-path.mjs (the finder that scripts/ensure-chromium.mjs
 * uses before `vitest run` in `npm test`); Playwright's browser download is never used.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import viteConfig, { TONE_PARTS } from './vite.config.ts';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium-path.mjs';

const chromiumPath = findChromium();
if (!chromiumPath) {
  console.warn('vitest.config: no Chromium found, so the browser and e2e projects will fail. Run `node scripts/ensure-chromium.mjs`.');
}

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'node',
            environment: 'node',
            include: ['tests/**/*.test.ts'],
            exclude: ['tests/browser/**', 'tests/audio/**', 'tests/cli/render.test.ts', '**/node_modules/**'],
            // Speed goals live in `npm run bench`, not in test timeouts: on a loaded 2-core
            // machine a 3 s DSP test can take 10 s, and that is no failure.
            testTimeout: 60_000,
            // The soak renders 10 minutes of audio in `npm test` (about a minute here);
            // `npm run soak` renders the full hour (4–6 minutes on this machine).
            env: { SOAK_SECONDS: process.env.SOAK_SECONDS ?? '600' },
          },
        },
        {
          extends: true,
          test: {
            name: 'audio',
            environment: 'node',
            include: ['tests/audio/**/*.test.ts', 'tests/cli/render.test.ts'],
            sequence: { groupOrder: 1 },
            fileParallelism: false,
            testTimeout: 120_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'browser',
            include: ['tests/browser/**/*.browser.test.ts'],
            // A hang guard, not a speed goal: rendering material and running worklets in a
            // page takes seconds, several times longer when both cores are busy.
            testTimeout: 90_000,
            browser: {
              enabled: true,
              headless: true,
              provider: playwright({
                launchOptions: { executablePath: chromiumPath ?? undefined, args: CHROMIUM_ARGS },
                // A window large enough that a 1280×800 or 1920×1080 test frame is not scaled down:
                // reference screenshots are taken at the size the layout was laid out at.
                contextOptions: { viewport: { width: 1920, height: 1200 } },
              }),
              instances: [{ browser: 'chromium' }],
              // Screenshots of failed tests land here (ignored by git).
              screenshotDirectory: 'test-results/browser-failures',
              // Visual regression: toMatchScreenshot compares with the committed references in
              // tests/browser/references/<test file>/ (run `npx vitest run --project browser -u <file>`
              // to write new ones after a deliberate change, and look at them before committing).
              // Up to 0.1 % of the pixels may differ (a glyph's anti-aliasing); a layout break moves far more.
              expect: {
                toMatchScreenshot: {
                  comparatorName: 'pixelmatch',
                  comparatorOptions: { allowedMismatchedPixelRatio: 0.001 },
                  // A mismatch is retried until this, then fails with its diff (not at the test's timeout).
                  timeout: 15_000,
                  resolveScreenshotPath: ({ arg, ext, browserName, platform, root, testFileName }) =>
                    `${root}/tests/browser/references/${testFileName}/${arg}-${browserName}-${platform}${ext}`,
                },
              },
            },
          },
          // Pre-bundle Lit once so the first test does not trigger a dependency re-optimization reload.
          optimizeDeps: { include: ['lit', 'lit/decorators.js', 'lit/directives/live.js', 'lit/directives/repeat.js', 'zod', 'uplot', 'tone', 'standardized-audio-context', 'wavefile', 'uqr', ...TONE_PARTS] },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            environment: 'node',
            include: ['tests/browser/**/*.e2e.test.ts'],
            // Starting two servers, a build and a browser: generous, but each step is quick.
            testTimeout: 60_000,
            hookTimeout: 60_000,
          },
        },
      ],
    },
  }),
);
