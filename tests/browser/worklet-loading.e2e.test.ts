/**
 * The processors load in real headless Chromium the way the app loads them: the worklet entry
 * bundled by Vite (`?worker&url`, src/audio/worklet-url.ts) and added with
 * standardized-audio-context's `audioWorklet.addModule`, in the dev server and in the
 * production build (`vite build` + `vite preview`). The page is bench/page (bench/vite.config.ts).
 * On it, 1 s of a 1 kHz sine runs through phone → Magni 2 → Y splitter → HD 650 + DT 990
 * (bench/setups.ts: an amp and two network-impedance listeners), and each listener's level must
 * be the model's: 20·log10(√2·RMS) = splDb − calibrationDbSpl, because a 0 dBFS sine at the
 * output means calibrationDbSpl (compile.ts outputGain).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, createServer, preview, type PreviewServer, type ViteDevServer } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/chromium-path.mjs';
import { DEFAULT_CALIBRATION_DB_SPL } from '../../src/model/compile.ts';
import { buildReport } from '../../src/model/report.ts';
import { benchSetup } from '../../bench/setups.ts';
import type { LevelResult } from '../../bench/page/levels.ts';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const configFile = join(root, 'bench', 'vite.config.ts');
/** The bar for the 1 kHz level of every listener (issue 4, section 6). */
const LEVEL_TOLERANCE_DB = 0.05;

let browser: Browser;

function urlOf(server: Server | null | undefined): string {
  const address = server?.address() as AddressInfo | null | undefined;
  if (!address || typeof address === 'string') throw new Error('server is not listening on a TCP port');
  return `http://127.0.0.1:${address.port}/`;
}

/** Opens the bench page, runs the level check, and returns it with every problem the page reported. */
async function measureOn(baseUrl: string): Promise<{ result: LevelResult; problems: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(baseUrl, { waitUntil: 'load' });
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const result = await page.evaluate(() => window.headroomBench.levels());
  await context.close();
  return { result, problems };
}

function expectModelLevels({ result, problems }: { result: LevelResult; problems: string[] }): void {
  const report = buildReport(benchSetup());
  expect(result.errors).toEqual([]);
  expect(problems).toEqual([]);
  expect(result.listeners.map((l) => l.name)).toEqual(report.headphones.map((h) => h.name));
  for (const [i, listener] of result.listeners.entries()) {
    const expected = report.headphones[i]!.splDb - DEFAULT_CALIBRATION_DB_SPL;
    expect(listener.nonFinite, `${listener.name}: NaN or Inf samples`).toBe(0);
    for (const measured of listener.rmsDbfs) expect(Math.abs(measured - expected), `${listener.name}: ${measured} dB vs ${expected} dB`).toBeLessThanOrEqual(LEVEL_TOLERANCE_DB);
  }
}

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS, headless: true });
});

afterAll(async () => {
  await browser?.close();
});

describe('the processors on the Vite dev server', () => {
  let server: ViteDevServer;

  beforeAll(async () => {
    server = await createServer({
      configFile,
      logLevel: 'error',
      server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    });
    await server.listen();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('serve the worklet entry with its import statements first, which standardized-audio-context’s addModule requires', async () => {
    // addModule hoists only the LEADING import statements out of the module it wraps in a
    // function (split-import-statements.js); an import after anything else (a doc comment, a
    // declaration) stays inside the function: "SyntaxError: Unexpected token '{'". Vite's dev
    // server serves the entry as an ES module (the build bundles it, so it is not affected).
    const baseUrl = urlOf(server.httpServer as Server | null);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(baseUrl, { waitUntil: 'load' });
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    const url = await page.evaluate(() => window.headroomBench.workletUrl);
    await context.close();
    const source = await (await fetch(new URL(url, baseUrl))).text();
    const firstImport = source.search(/^import[\s{*'"]/m);
    const beforeImports = firstImport < 0 ? '' : source.slice(0, firstImport);
    // Vite's own `import "/@vite/env"` line comes first; after it, the entry's imports must follow directly.
    const afterEnv = source.replace(/^import\s+"[^"]*"\s*;?\s*/, '');
    const rest = afterEnv.slice(0, Math.max(0, afterEnv.search(/^import[\s{*'"]/m)));
    expect(beforeImports.trim() + rest.trim(), 'worklets/headroom.worklet.ts must start with its imports (move the doc comment below them)').toBe('');
  });

  it('load through ?worker&url and addModule and play each listener of an amp + splitter chain at the model’s 1 kHz level (±0.05 dB), with no errors or NaN', async () => {
    expectModelLevels(await measureOn(urlOf(server.httpServer as Server | null)));
  });
});

describe('the processors in the production build on vite preview', () => {
  let server: PreviewServer;
  let outDir: string;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'headroom-bench-build-'));
    await build({ configFile, logLevel: 'error', build: { outDir, emptyOutDir: true } });
    server = await preview({
      configFile,
      logLevel: 'error',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    });
  });

  afterAll(async () => {
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('load from the built bundle and play each listener at the model’s 1 kHz level (±0.05 dB), with no errors or NaN', async () => {
    expectModelLevels(await measureOn(urlOf(server.httpServer as Server)));
  });
});
