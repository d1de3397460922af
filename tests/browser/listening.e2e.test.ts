/**
 * Listening in the real app (Vite dev server, headless system Chromium): the sound the page
 * plays agrees with the model. Every assertion reads what the user sees — the transport, the
 * simulated level of the heard listener, the meters, the ABX result — after real clicks.
 *
 * Levels are compared on a steady 1 kHz sine at the setups' own test level, so the simulated
 * SPL the page shows must be the model's SPL for that listener. Tolerance 0.3 dB: the meters
 * average 33 ms windows of the rendered output (a whole number of 1 kHz cycles, so a window's
 * RMS is exact to < 0.05 dB) and the page shows one decimal.
 */
import { readFileSync } from 'node:fs';
import { WaveFile } from 'wavefile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildReport } from '../../src/model/report.ts';
import { findLesson } from '../../src/teach/lessons/index.ts';
import { encodeUrlState, exportPairJson, type SetupPair } from '../../src/state/index.ts';
import { DESKTOP, launchBrowser, openPage, readable, startDevServer, type RunningServer } from './e2e-support.ts';
import { resistiveHeadphone, setup, source } from '../support/setups.ts';

const LEVEL_TOLERANCE_DB = 0.3;
let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startDevServer('e2e-listening');
});

afterAll(async () => {
  await server?.close();
  await browser?.close();
});

function pairQuery(pair: SetupPair): string {
  const query = encodeUrlState(pair);
  if (!query.ok) throw new Error(query.errors.join('; '));
  return `?${query.value}`;
}

/** The simulated SPL the page shows for the heard listener, once it is steady. */
async function steadySpl(page: Page): Promise<number> {
  const read = async (): Promise<number> => {
    const text = readable(await page.getByTestId('simulated-spl').textContent());
    const match = /(-?\d+(\.\d+)?) dB SPL/.exec(text);
    return match ? Number(match[1]) : Number.NaN;
  };
  let previous = Number.NaN;
  for (let i = 0; i < 60; i++) {
    await page.waitForTimeout(250);
    const now = await read();
    if (Number.isFinite(now) && Math.abs(now - previous) < 0.05) return now;
    previous = now;
  }
  throw new Error(`the simulated level did not settle (last ${previous})`);
}

async function playSine(page: Page, hz: number, levelDbfs: number): Promise<void> {
  await page.getByTestId('sine-hz').fill(String(hz));
  await page.getByTestId('sine-level').fill(String(levelDbfs));
  await page.locator('[data-kind="sine"]').click();
  await expect.poll(async () => readable(await page.getByTestId('source-status').textContent()), { timeout: 30_000 }).toContain('Sine');
  if ((await page.getByTestId('play').getAttribute('aria-label')) === 'Play') await page.getByTestId('play').click();
  await expect.poll(async () => page.getByTestId('play').getAttribute('aria-label'), { timeout: 30_000 }).toBe('Pause');
}

/** Listener 1 of each side: 32 Ω alone (A) and with a second equal 32 Ω on a passive Y (B), from `ohms`. */
function splitterPair(ohms: number): SetupPair {
  const chain = { source: source({ name: `${ohms} Ω source`, outputImpedanceOhms: ohms, maxOutputVrms: 2 }), signal: { levelDbfs: -12 } };
  return {
    a: setup({ ...chain, headphones: [resistiveHeadphone(32, 'Anna', 100)] }),
    b: setup({ ...chain, splitter: { cableResistanceOhms: 0 }, headphones: [resistiveHeadphone(32, 'Anna', 100), resistiveHeadphone(32, 'Ben', 100)] }),
  };
}

describe('listening in the app', () => {
  it('plays the demo track: Play starts it, the position advances and the meters of A and B move', async () => {
    const { page, problems } = await openPage(browser, server.url, DESKTOP);
    await page.getByTestId('play').click();
    await expect.poll(async () => Number(await page.getByTestId('seek').inputValue()), { timeout: 30_000 }).toBeGreaterThan(1);
    expect(readable(await page.getByTestId('source-status').textContent())).toContain('Demo track');
    for (const side of ['A', 'B']) {
      const meter = page.locator(`[data-testid="meter-${side}"] [role="meter"]`).first();
      await expect.poll(async () => Number(await meter.getAttribute('aria-valuenow')), { timeout: 10_000 }).toBeGreaterThan(-60);
    }
    await page.getByTestId('play').click();
    await expect.poll(async () => page.getByTestId('play').getAttribute('aria-label')).toBe('Play');
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });

  it('A/B: the heard level of a 1 kHz sine is the model’s SPL of A, then of B after the B key, then of A after the A button', async () => {
    const pair: SetupPair = {
      a: setup({ source: source({ name: 'Phone', outputImpedanceOhms: 10, maxOutputVrms: 1 }), signal: { levelDbfs: -12 }, headphones: [resistiveHeadphone(300, 'High-Z can', 97)] }),
      b: setup({ source: source({ name: 'Phone', outputImpedanceOhms: 10, maxOutputVrms: 1 }), signal: { levelDbfs: -12 }, headphones: [resistiveHeadphone(16, 'In-ear', 106)] }),
    };
    const expected = { A: buildReport(pair.a).headphones[0]!.splDb, B: buildReport(pair.b).headphones[0]!.splDb };
    const { page, problems } = await openPage(browser, server.url, DESKTOP, pairQuery(pair));
    await playSine(page, 1000, -12);
    expect(Math.abs((await steadySpl(page)) - expected.A)).toBeLessThan(LEVEL_TOLERANCE_DB);
    await page.locator('body').press('b');
    await expect.poll(async () => page.locator('headroom-ab-switch [data-side="B"]').getAttribute('aria-pressed')).toBe('true');
    expect(Math.abs((await steadySpl(page)) - expected.B)).toBeLessThan(LEVEL_TOLERANCE_DB);
    await page.locator('headroom-ab-switch [data-side="A"]').click();
    expect(Math.abs((await steadySpl(page)) - expected.A)).toBeLessThan(LEVEL_TOLERANCE_DB);
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });

  for (const { ohms, dropDb } of [
    { ohms: 100, dropDb: 4.9 },
    { ohms: 1, dropDb: 0.26 },
  ]) {
    it(`a second equal 32 Ω listener on a passive splitter from a ${ohms} Ω source drops the shown and the heard level by the model’s ${dropDb} dB`, async () => {
      const pair = splitterPair(ohms);
      const model = buildReport(pair.a).headphones[0]!.splDb - buildReport(pair.b).headphones[0]!.splDb;
      // The closed form: 32 ∥ 32 = 16 Ω, so 20·log10((32/(32+R)) / (16/(16+R))).
      const closedForm = 20 * Math.log10(32 / (32 + ohms) / (16 / (16 + ohms)));
      expect(model).toBeCloseTo(closedForm, 9);
      expect(model).toBeCloseTo(dropDb, 1);

      const { page, problems } = await openPage(browser, server.url, DESKTOP, pairQuery(pair));
      const shown = async (side: 'A' | 'B'): Promise<number> =>
        Number(readable(await page.locator(`[data-testid="side-${side}"] [data-testid="listener"] [data-testid="spl"]`).first().textContent()).replace(' dB', ''));
      expect(Math.abs((await shown('A')) - (await shown('B')) - model)).toBeLessThanOrEqual(0.1 + 1e-9);

      await playSine(page, 1000, -12);
      const heardA = await steadySpl(page);
      await page.locator('headroom-ab-switch [data-side="B"]').click();
      const heardB = await steadySpl(page);
      expect(Math.abs(heardA - heardB - model)).toBeLessThan(LEVEL_TOLERANCE_DB);
      expect(problems.lines).toEqual([]);
      await page.context().close();
    });
  }

  it('a file the browser cannot decode shows an error naming it and the demo track keeps playing', async () => {
    const { page, problems } = await openPage(browser, server.url, DESKTOP);
    await page.getByTestId('play').click();
    await expect.poll(async () => Number(await page.getByTestId('seek').inputValue()), { timeout: 30_000 }).toBeGreaterThan(0.5);
    await page.locator('headroom-source-picker input[type="file"]').setInputFiles({ name: 'not-audio.wav', mimeType: 'audio/wav', buffer: Buffer.from('RIFF????WAVEjunk that is no audio at all') });
    const error = page.getByTestId('source-error');
    await error.waitFor({ state: 'visible', timeout: 30_000 });
    expect(readable(await error.textContent())).toContain('Cannot decode "not-audio.wav"');
    expect(readable(await page.getByTestId('source-status').textContent())).toContain('Demo track');
    expect(await page.getByTestId('play').getAttribute('aria-label')).toBe('Pause');
    const before = Number(await page.getByTestId('seek').inputValue());
    await expect.poll(async () => Number(await page.getByTestId('seek').inputValue()), { timeout: 10_000 }).toBeGreaterThan(before);
    // The page logs nothing for a file it refused: the message on screen is the report.
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });

  it('exports a stretch of B as a 32-bit float WAV per listener whose level is the model’s SPL at the calibration', async () => {
    const pair = splitterPair(100);
    const { page, problems } = await openPage(browser, server.url, { ...DESKTOP, acceptDownloads: true }, pairQuery(pair));
    await playSine(page, 1000, -12);
    await page.getByTestId('stretch-start').fill('0');
    await page.getByTestId('stretch-end').fill('1');
    const downloads: Promise<import('playwright-core').Download>[] = [];
    page.on('download', (download) => downloads.push(Promise.resolve(download)));
    await page.getByTestId('export-wav-B').click();
    await expect.poll(() => downloads.length, { timeout: 60_000 }).toBe(2);
    const files = await Promise.all(downloads);
    expect(files.map((f) => f.suggestedFilename())).toEqual(['b-1-Anna.wav', 'b-2-Ben.wav']);
    const report = buildReport(pair.b);
    for (const [i, file] of files.entries()) {
      const wav = new WaveFile(readFileSync((await file.path())!));
      expect(wav.bitDepth).toBe('32f');
      const samples = wav.getSamples(false, Float64Array) as unknown as Float64Array[];
      const rate = (wav.fmt as { sampleRate: number }).sampleRate;
      expect(samples).toHaveLength(2);
      expect(samples[0]!.length).toBe(rate);
      // Whole 1 kHz cycles after the first 10 ms: the RMS of a steady sine, re a full-scale sine (+3.01 dB).
      const steady = samples[0]!.subarray(Math.round(rate * 0.01), Math.round(rate * 0.01) + rate / 2);
      const rms = Math.sqrt(steady.reduce((sum, v) => sum + v * v, 0) / steady.length);
      const splDb = 20 * Math.log10(rms * Math.SQRT2) + 120;
      expect(Math.abs(splDb - report.headphones[i]!.splDb)).toBeLessThan(0.05);
    }
    expect(readable(await page.getByTestId('export-message').textContent())).toBe('Rendered 2 WAV files of B.');
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });

  it('exports the pair as a JSON file and imports one back, with a clear message for a file that is not a pair', async () => {
    const { page, problems } = await openPage(browser, server.url, { ...DESKTOP, acceptDownloads: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pair').click()]);
    expect(download.suggestedFilename()).toBe('headroom-setups.json');
    expect(JSON.parse(readFileSync((await download.path())!, 'utf8')).format).toBe('headroom/setup-pair@1');

    const pair = splitterPair(1);
    const input = page.locator('headroom-export-panel input[type="file"]');
    await input.setInputFiles({ name: 'class.json', mimeType: 'application/json', buffer: Buffer.from(exportPairJson(pair)) });
    await expect.poll(async () => readable(await page.getByTestId('export-message').textContent())).toBe('Loaded A and B from "class.json".');
    const names = await page.locator('[data-testid="side-B"] [data-testid="listener"] h4').allTextContents();
    expect(names.map((n) => readable(n).replace(/^\d+/, ''))).toEqual(['Anna', 'Ben']);

    await input.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"headroom/setup-pair@1","a":{}}') });
    await expect.poll(async () => readable(await page.getByTestId('export-message').textContent())).toContain('"notes.json" was not loaded: a.');
    expect(await page.locator('[data-testid="side-B"] [data-testid="listener"]').count()).toBe(2);
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });

  it('in classroom mode, a lesson’s listen step plays its setups on the side it names, and leaving the classroom brings back the user’s own', async () => {
    const lesson = findLesson('splitters')!;
    const listenStep = lesson.steps.findIndex((step) => step.kind === 'listen');
    const step = lesson.steps[listenStep]!;
    expect(step.kind === 'listen' && step.pair).toBeTruthy();
    const { page, problems } = await openPage(browser, server.url, DESKTOP);
    const own = await page.locator('[data-testid="side-B"] [data-testid="listener"] h4').allTextContents();
    await page.getByTestId('classroom-open').click();
    const classroom = page.locator('headroom-classroom');
    await classroom.getByTestId('lesson-pick').selectOption('splitters');
    for (let i = 0; i < listenStep; i++) await classroom.getByTestId('next-step').click();
    await classroom.getByTestId('listen').click();
    await expect.poll(async () => page.getByTestId('play').getAttribute('aria-label'), { timeout: 30_000 }).toBe('Pause');
    if (step.kind !== 'listen' || !step.pair) throw new Error('the splitters lesson listens to a pair');
    const heard = step.hear.side;
    expect(await classroom.getByTestId(`side-${heard}`).getAttribute('aria-pressed')).toBe('true');
    expect(readable(await classroom.getByTestId('playing').textContent())).toContain(`the lesson’s setups (step ${listenStep + 1})`);
    // The app under the projector plays the lesson's pair.
    const names = await page.locator('[data-testid="side-B"] [data-testid="listener"] h4').allTextContents();
    expect(names).toHaveLength(step.pair.b.headphones.length);
    names.forEach((name, i) => expect(readable(name)).toContain(step.pair.b.headphones[i]!.name));
    await classroom.getByTestId('classroom-close').click();
    // While playing, each heading also carries the live "Clean"/"Clipping" badge.
    const withoutBadge = (names: string[]) => names.map((name) => readable(name).replace(/(Clean|Clipping)$/, ''));
    await expect.poll(async () => withoutBadge(await page.locator('[data-testid="side-B"] [data-testid="listener"] h4').allTextContents())).toEqual(withoutBadge(own));
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });

  it('a blind ABX run of 16 trials ends with a score and a p-value, and the heard side stays hidden until then', async () => {
    const { page, problems } = await openPage(browser, server.url, DESKTOP);
    const abx = page.locator('headroom-abx');
    for (let trial = 1; trial <= 16; trial++) {
      await expect.poll(async () => readable(await abx.getByTestId('progress').textContent())).toBe(`Trial ${trial} of 16`);
      await abx.locator('[data-action="play-x"]').click();
      expect(await page.getByTestId('side-hidden').isVisible()).toBe(true);
      expect(await abx.getByTestId('p-value').count()).toBe(0);
      await abx.locator(`[data-action="answer-${trial % 2 === 0 ? 'a' : 'b'}"]`).click();
      await abx.locator('[data-action="next"]').click();
    }
    const pValue = abx.getByTestId('p-value');
    await pValue.waitFor({ state: 'visible' });
    expect(readable(await pValue.textContent())).toMatch(/^p = (0\.\d+|1|[\d.]+ × 10-\d+)/);
    const score = readable(await abx.getByTestId('score').textContent());
    expect(score).toMatch(/^\d+\/16$/);
    expect(readable(await abx.getByTestId('d-prime').textContent())).not.toBe('');
    expect(await page.getByTestId('side-hidden').count()).toBe(0);
    expect(problems.lines).toEqual([]);
    await page.context().close();
    // 16 trials of four clicks each: about 10 s alone, several times that on a loaded machine.
  }, 240_000);
});
