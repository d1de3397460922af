/**
 * The package as a user gets it: `npm pack` (which builds dist/ first, scripts/build-package.mjs),
 * then `npm install --offline` of the tarball into an empty folder, with nothing else there.
 * The package has no required dependencies (everything it runs is bundled), so the offline
 * install needs nothing from the network or the cache. In that folder: `npx headroom --help`,
 * `report --preset phone-hd600` and `render` work, and a page that does `import 'headroom/embed'`
 * (through an import map, as a bundler would resolve it) shows <headroom-sim> with the model's
 * numbers and plays through the worklet it loads from the package.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { findPreset } from '../../src/model/catalog/presets.ts';
import { buildReport } from '../../src/model/report.ts';
import { pcm16, sine, wavBytes } from '../support/bad-audio-files.ts';
import { DESKTOP, launchBrowser, openPage, readable, root } from './e2e-support.ts';

const exec = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

let work: string;
let app: string;
let tarball: string;

async function inApp(command: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return exec(command, args, { cwd: app, env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'headroom-package-'));
  const packed = await exec(NPM, ['pack', '--pack-destination', work, '--json'], { cwd: root, timeout: 180_000, maxBuffer: 16 << 20 });
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info!.filename);
  expect(info!.files.map((f) => f.path).filter((path) => path.endsWith('.ts'))).toEqual([]);
  app = join(work, 'app');
  await exec('mkdir', [app]);
  await exec(NPM, ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: app, timeout: 180_000 });
}, 400_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the packed package, installed into an empty folder', () => {
  it('npx headroom --help, report --preset phone-hd600 and render work there', async () => {
    expect(await readdir(join(app, 'node_modules'))).toContain('headroom');
    expect((await inApp(NPX, ['--no', '--', 'headroom', '--help'])).stdout).toContain('headroom render <setup.json> <input.wav> -o <dir>');
    const report = await inApp(NPX, ['--no', '--', 'headroom', 'report', '--preset', 'phone-hd600']);
    const expected = buildReport(findPreset('phone-hd600')!.setup).headphones[0]!;
    expect(report.stdout).toContain(`${expected.splDb.toFixed(1)} dB`);
    await writeFile(join(app, 'tone.wav'), wavBytes({ channels: 1, sampleRateHz: 48_000, bitsPerSample: 16, data: pcm16(4800, 1, sine(1000, 48_000)) }));
    const render = await inApp(NPX, ['--no', '--', 'headroom', 'render', '--preset', 'phone-hd600', 'tone.wav', '-o', 'out']);
    expect(render.stdout).toContain('out/1-sennheiser-hd-600.wav');
    // 0.1 s of stereo float: the 58-byte header and 4800 frames of 8 bytes.
    expect((await stat(join(app, 'out', '1-sennheiser-hd-600.wav'))).size).toBe(58 + 4800 * 8);
    expect((await readdir(join(app, 'out'))).sort()).toEqual(['1-sennheiser-hd-600.wav', 'summary.json']);
  }, 120_000);

  it('resolves headroom/embed to the bundled element, with its worklet beside it', async () => {
    const { stdout } = await inApp(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('headroom/embed'))"]);
    const embed = new URL(stdout.trim());
    expect(embed.pathname).toMatch(/node_modules\/headroom\/dist\/embed\/headroom-sim\.js$/);
    expect(await readFile(new URL('headroom.worklet.js', embed), 'utf8')).toContain('headroom-chain');
  }, 60_000);
});

describe('import "headroom/embed" in a page, from the installed package', () => {
  let browser: Browser;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    await writeFile(
      join(app, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>headroom/embed</title><link rel="icon" href="data:,">
<script type="importmap">{"imports":{"headroom/embed":"./node_modules/headroom/dist/embed/headroom-sim.js"}}</script>
<script type="module">import 'headroom/embed';</script></head>
<body><headroom-sim id="sim" preset="phone-hd600"></headroom-sim></body></html>`,
    );
    const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };
    server = createServer((request, response) => {
      const path = normalize(join(app, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
      if (!path.startsWith(app)) return void response.writeHead(403).end();
      const file = path.endsWith('/') ? join(path, 'index.html') : path;
      readFile(file).then(
        (body) => response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body),
        () => response.writeHead(404).end(),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as { port: number };
    url = `http://127.0.0.1:${address.port}/`;
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('shows the element with the model’s numbers and plays through the worklet loaded from the package', async () => {
    const { page, problems } = await openPage(browser, url, DESKTOP);
    const worklets: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('.worklet.js')) worklets.push(new URL(request.url()).pathname);
    });
    const sim = page.locator('#sim');
    const spl = sim.locator('headroom-report-view [data-testid="spl"]').first();
    await spl.waitFor({ state: 'visible' });
    expect(readable(await spl.textContent())).toBe(`${buildReport(findPreset('phone-hd600')!.setup).headphones[0]!.splDb.toFixed(1)} dB`);
    await sim.getByTestId('sim-listen').click();
    await expect.poll(async () => readable(await sim.getByTestId('sim-listen').textContent()), { timeout: 30_000 }).toBe('Pause');
    expect(worklets).toContain('/node_modules/headroom/dist/embed/headroom.worklet.js');
    // The demo track advances: the worklet runs.
    await expect
      .poll(async () => Number(/0:(\d+\.\d)/.exec(readable(await sim.getByTestId('sim-position').textContent()))?.[1] ?? 0), { timeout: 30_000 })
      .toBeGreaterThan(0.5);
    expect(problems.lines).toEqual([]);
    await page.context().close();
  }, 90_000);
});
