/**
 * Shared pieces of the end-to-end tests: the Vite dev server and the production build's
 * preview server, headless system Chromium through playwright-core, and a page that records
 * everything that goes wrong (console errors, page errors, failed requests, requests that
 * leave the machine, Content-Security-Policy violations).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { build, createServer, preview } from 'vite';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/chromium-path.mjs';

export const root = resolve(fileURLToPath(import.meta.url), '../../..');
const configFile = join(root, 'vite.config.ts');

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

function urlOf(server: Server | null | undefined): string {
  const address = server?.address() as AddressInfo | null | undefined;
  if (!address || typeof address === 'string') throw new Error('server is not listening on a TCP port');
  return `http://127.0.0.1:${address.port}/`;
}

export async function startDevServer(cacheName: string): Promise<RunningServer> {
  const server = await createServer({
    root,
    configFile,
    // Its own optimizer cache, so it never races another Vite server of the test run.
    cacheDir: join(root, 'node_modules', `.vite-${cacheName}`),
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
  });
  await server.listen();
  return { url: urlOf(server.httpServer as Server | null), close: () => server.close() };
}

export async function startPreviewOfBuild(): Promise<RunningServer> {
  const outDir = mkdtempSync(join(tmpdir(), 'headroom-build-'));
  await build({ root, configFile, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    root,
    configFile,
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  return {
    url: urlOf(server.httpServer as Server),
    close: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS, headless: true });
}

/** Everything that went wrong while a page was open, as readable lines. */
export interface Problems {
  lines: string[];
}

export async function openPage(
  browser: Browser,
  baseUrl: string,
  options: BrowserContextOptions,
  path = '',
): Promise<{ page: Page; problems: Problems }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: Problems = { lines: [] };
  const origin = new URL(baseUrl).origin;
  await page.exposeFunction('__reportCspViolation', (line: string) => problems.lines.push(line));
  // Init scripts run through the DevTools protocol, outside the page's CSP.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation(line: string): void }).__reportCspViolation;
      report(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.lines.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.lines.push(`page error: ${error.message}`));
  // A navigation (a reload, a new address) cancels what the page it leaves was still loading —
  // the app loads the demo track's modules while idle — and that is no fault of the page.
  let leaving = false;
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) leaving = true;
  });
  page.on('load', () => (leaving = false));
  page.on('requestfailed', (request) => {
    if (leaving && !request.isNavigationRequest() && request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.lines.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
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

/** Text as a reader sees it: narrow no-break spaces and runs of whitespace become one space, true minus signs become '-'. */
export function readable(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u202f\u00a0]+/g, ' ').replace(/\u2212/g, '-').trim();
}

export async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** A production build in a temporary folder (kept until `dispose()`). */
export interface BuiltApp {
  outDir: string;
  dispose(): void;
}

export async function buildApp(): Promise<BuiltApp> {
  const outDir = mkdtempSync(join(tmpdir(), 'headroom-build-'));
  await build({ root, configFile, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return { outDir, dispose: () => rmSync(outDir, { recursive: true, force: true }) };
}

/**
 * `vite preview` of a build made by buildApp(), under `base` (e.g. '/classroom/headroom/':
 * the build's relative URLs must work from any sub-path). `url` ends with the base. Closing
 * the server leaves the build in place (stop the server to cut the app off the network).
 */
export async function previewBuild(outDir: string, base = '/'): Promise<RunningServer> {
  const server = await preview({
    root,
    configFile,
    base,
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  return { url: new URL(base, urlOf(server.httpServer as Server)).href, close: () => server.close() };
}
