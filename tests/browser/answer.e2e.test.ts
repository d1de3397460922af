/**
 * Issue 17's three jobs in the production build, in real headless Chromium:
 *
 * - the answer for the buyer: each setup's verdict, the listening target kept with the state;
 * - a fair blind test: ABX starts the sound itself and starts loudness-matched;
 * - lessons and claims never lose the user's setups, and a replaced pair can be undone;
 * - the classroom's QR code, read back from the rendered page with jsQR, opens the same
 *   setups, lesson and step in a fresh browser; and the projector layout at 1024×768,
 *   1280×720, 1280×800 and 1920×1080 (and the phone's first screen at 390×844) has every
 *   part inside the screen and nothing on top of anything else.
 *
 * Screenshots go to test-results/screenshots/answer-*.png.
 */
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { findPreset } from '../../src/model/catalog/presets.ts';
import { buildReport } from '../../src/model/report.ts';
import { pairFromPreset, type SetupPair } from '../../src/state/index.ts';
import { claims } from '../../src/teach/claims/index.ts';
import { findLesson, lessons } from '../../src/teach/lessons/index.ts';
import { eightAndEightCatalogPair } from '../support/setups.ts';
import { DESKTOP, launchBrowser, openPage, PHONE, pageOverflow, readable, startPreviewOfBuild, type RunningServer } from './e2e-support.ts';

let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startPreviewOfBuild();
});

afterAll(async () => {
  await server?.close();
  await browser?.close();
});

const presetPair = (id: string): SetupPair => {
  const pair = pairFromPreset(id);
  if (!pair.ok) throw new Error(pair.errors.join('; '));
  return pair.value;
};

/** The names of side's listener cards, in order (without their number and live badge). */
async function listenerNames(page: Page, side: 'A' | 'B'): Promise<string[]> {
  const headings = page.locator(`[data-testid="side-${side}"] [data-testid="listener"] h4`);
  const names = await headings.evaluateAll((list) =>
    list.map((h4) =>
      [...h4.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE || (n instanceof Element && !n.matches('.index, .live')))
        .map((n) => n.textContent)
        .join(''),
    ),
  );
  return names.map(readable);
}

/** Both sides show exactly this pair: listener names and the model's test-tone SPL, in order. */
async function expectShowing(page: Page, pair: SetupPair): Promise<void> {
  for (const [side, setup] of [['A', pair.a], ['B', pair.b]] as const) {
    const report = buildReport(setup);
    await expect.poll(() => listenerNames(page, side), { timeout: 15_000 }).toEqual(report.headphones.map((h) => h.name));
    const spl = await page.locator(`[data-testid="side-${side}"] [data-testid="spl"]`).allTextContents();
    expect(spl.map(readable)).toEqual(report.headphones.map((h) => `${h.splDb.toFixed(1)} dB`));
  }
}

const savedCopy = (page: Page): Promise<string | null> => page.evaluate(() => localStorage.getItem('headroom:state'));

describe('the answer for the buyer', () => {
  it('each setup opens with the model’s verdict for 110 dB SPL peaks, the preset’s story, and a test-tone label on every SPL; a new target is kept with the saved setups', async () => {
    const { page, problems } = await openPage(browser, server.url, DESKTOP);
    const phone = findPreset('phone-hd600')!;
    const withAmp = findPreset('phone-amp-hd600')!;
    const a = page.locator('[data-testid="side-A"]');
    await expect.poll(async () => readable(await a.getByTestId('verdict').first().textContent())).toBe(readable(buildReport(phone.setup).headphones[0]!.advice.summary).replace(/^/, 'Improve '));
    expect(readable(await page.locator('[data-testid="side-B"]').getByTestId('verdict').first().textContent())).toBe(readable(buildReport(withAmp.setup).headphones[0]!.advice.summary));
    expect(readable(await a.getByTestId('story').textContent())).toBe(readable(phone.story));
    // Beside A/B too, for the heard listener.
    expect(readable(await page.getByTestId('ab-advice-A').textContent())).toMatch(/^7\.7 dB short of voltage for 110 dB SPL peaks: .* an amp giving ≥ 2\.45 V into 300 Ω fixes it\.$/);
    expect(readable(await a.locator('[data-testid="listener"]').first().textContent())).toContain('1 kHz sine, not the music');

    const target = page.getByTestId('target-spl');
    await target.fill('140');
    expect(readable(await page.getByTestId('target-error').textContent())).toBe('The target must be a number from 60 to 130 dB SPL (got "140"); the advice keeps 110 dB SPL.');
    await target.fill('100');
    await expect.poll(async () => readable(await a.getByTestId('verdict').first().textContent())).toMatch(/^Fine: clean up to 102\.3 dB SPL \(target 100 dB SPL\)/);
    expect(JSON.parse((await savedCopy(page))!)).toMatchObject({ format: 'headroom/saved-state@2', targetSplDb: 100 });
    await page.reload();
    expect(await page.getByTestId('target-spl').inputValue()).toBe('100');
    expect(problems.lines).toEqual([]);
    await page.context().close();
  });
});

describe('a fair blind test', () => {
  it('Play A in the blind test starts the sound from a paused transport, loudness-matched, with the offset the model predicts; Space pauses it', async () => {
    const { page, problems } = await openPage(browser, server.url, DESKTOP);
    expect(await page.getByTestId('play').getAttribute('aria-label')).toBe('Play');
    const abx = page.locator('headroom-abx');
    expect(await abx.getByTestId('abx-match').isChecked()).toBe(true);
    await abx.locator('[data-action="play-a"]').click();
    await expect.poll(async () => page.getByTestId('play').getAttribute('aria-label'), { timeout: 30_000 }).toBe('Pause');
    expect(await page.getByTestId('match-loudness').isChecked()).toBe(true);
    // B (the amp) plays 15.6 dB louder at every frequency (both responses flat): BS.1770 measures the same difference, and the match turns B down by it.
    const [splA, splB] = [presetPair('phone-hd600').a, presetPair('phone-hd600').b].map((s) => buildReport(s).headphones[0]!.splDb);
    const offset = async (): Promise<number> => {
      const match = /([+−-])(\d+\.\d) dB/.exec(readable(await abx.getByTestId('abx-offset').textContent()).replace('-', '−'));
      return match ? (match[1] === '+' ? 1 : -1) * Number(match[2]) : Number.NaN;
    };
    // The display has 0.1 dB steps; the gated loudness of two copies of one signal differs by their gain exactly.
    await expect.poll(async () => Math.abs((await offset()) - (splA! - splB!)), { timeout: 30_000 }).toBeLessThan(0.15);
    // Focus is on Play A, which was just clicked: Space pauses instead of pressing it again.
    await page.keyboard.press(' ');
    await expect.poll(async () => page.getByTestId('play').getAttribute('aria-label')).toBe('Play');
    await page.keyboard.press(' ');
    await expect.poll(async () => page.getByTestId('play').getAttribute('aria-label')).toBe('Pause');
    expect(problems.lines).toEqual([]);
    await page.context().close();
  }, 90_000);
});

describe('the user’s own setups', () => {
  it('a lesson’s setups never change the saved pair or the URL, and “Back to my setups” restores the renamed pair exactly', async () => {
    const { page, problems } = await openPage(browser, server.url, DESKTOP, '?preset=laptop-splitter-two-m50x');
    // The user renames B's source: their own pair, saved.
    await page.locator('[data-testid="side-B"] summary', { hasText: 'Edit setup' }).click();
    await page.locator('[data-testid="side-B"] #source-choice').selectOption('custom');
    await page.locator('[data-testid="side-B"] input[name="source.name"]').fill('My laptop');
    await expect.poll(() => savedCopy(page)).toContain('My laptop');
    const saved = await savedCopy(page);
    const url = page.url();
    const own = JSON.parse(saved!).pair as SetupPair;

    const lesson = findLesson('voltage-divider')!;
    const listen = lesson.steps.findIndex((s) => s.kind === 'listen');
    await page.locator('headroom-lessons [data-lesson="voltage-divider"]').click();
    for (let i = 0; i < listen; i++) await page.locator('headroom-lesson [data-testid="next"]').click();
    await page.locator('headroom-lesson [data-testid="listen"]').click();
    await expect.poll(async () => readable(await page.getByTestId('playing').textContent())).toContain(`lesson “${lesson.title}”, step ${listen + 1}`);
    await expectShowing(page, lesson.steps[listen]!.pair!);
    expect(await savedCopy(page)).toBe(saved);
    expect(page.url()).toBe(url);
    expect(await page.getByTestId('preset').inputValue()).toBe('');

    await page.getByTestId('back-to-mine').click();
    await expectShowing(page, own);
    expect(readable(await page.locator('[data-testid="side-B"] h3').first().textContent())).toContain('My laptop');
    expect(await savedCopy(page)).toBe(saved);
    expect(page.url()).toBe(url);
    expect(problems.lines).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('a claim’s demonstration never changes the saved pair; “Back to my setups” restores it', async () => {
    const { page, problems } = await openPage(browser, server.url, DESKTOP, '?preset=nexus-5x-dt880-600');
    await page.getByTestId('preset').selectOption('iec-120-ohm-hf5');
    const saved = await savedCopy(page);
    const own = presetPair('iec-120-ohm-hf5');
    await page.locator('#claims summary').click();
    const claim = claims[0]!;
    await page.locator('headroom-claims button[aria-label^="Load a demonstration"]').first().click();
    await expectShowing(page, claim.demonstrations[0]!.pair);
    expect(readable(await page.getByTestId('playing').textContent())).toContain(readable(`the demonstration “${claim.text.replace(/\.$/, '')}: ${claim.demonstrations[0]!.label}”`));
    expect(await savedCopy(page)).toBe(saved);
    await page.getByTestId('back-to-mine').click();
    await expectShowing(page, own);
    expect(await savedCopy(page)).toBe(saved);
    expect(problems.lines).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('a preset that replaced the user’s pair is undone by the Undo button and by Ctrl+Z; the list says Custom for a pair that is no preset', async () => {
    const { page, problems } = await openPage(browser, server.url, DESKTOP, '?preset=laptop-m50x-alone');
    await page.locator('[data-testid="side-A"] summary', { hasText: 'Edit setup' }).click();
    await page.locator('[data-testid="side-A"] #source-choice').selectOption('custom');
    await page.locator('[data-testid="side-A"] input[name="source.name"]').fill('Custom laptop');
    await expect.poll(() => page.getByTestId('preset').inputValue()).toBe('');
    expect(readable(await page.getByTestId('preset').locator('option:checked').textContent())).toBe('Custom (not a preset)');
    const custom = JSON.parse((await savedCopy(page))!).pair as SetupPair;

    await page.getByTestId('preset').selectOption('phone-hd600');
    await expectShowing(page, presetPair('phone-hd600'));
    expect(readable(await page.getByTestId('undo-notice').textContent())).toContain('Loaded the preset “Phone → HD 600, no amp”');
    await page.getByTestId('undo').click();
    await expectShowing(page, custom);
    expect(JSON.parse((await savedCopy(page))!).pair).toEqual(custom);

    await page.getByTestId('preset').selectOption('dac-iem-hf5');
    await expectShowing(page, presetPair('dac-iem-hf5'));
    await page.locator('h1').click();
    await page.keyboard.press('Control+z');
    await expectShowing(page, custom);
    expect(JSON.parse((await savedCopy(page))!).pair).toEqual(custom);
    expect(problems.lines).toEqual([]);
    await page.context().close();
  }, 90_000);
});

/** Reads the QR code as the page draws it: a screenshot of the element, decoded by jsQR. */
async function readQr(page: Page): Promise<{ text: string; version: number }> {
  const qr = page.locator('headroom-classroom [data-testid="qr"]');
  await qr.waitFor({ state: 'visible' });
  const png = await qr.screenshot();
  const decoder = await browser.newPage();
  const { width, height, data } = await decoder.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [image.width, image.height];
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    return { width: image.width, height: image.height, data: Array.from(context.getImageData(0, 0, image.width, image.height).data) };
  }, png.toString('base64'));
  await decoder.close();
  const code = jsQR(Uint8ClampedArray.from(data), width, height);
  expect(code, 'jsQR found a code in the screenshot').not.toBeNull();
  return { text: code!.data, version: code!.version };
}


describe('the classroom link', () => {
  it('a lesson step playing its own setups is a short link (QR version ≤ 10) that opens that step and its setups on a phone, with Play and A/B on the first screen', async () => {
    const { page, problems } = await openPage(browser, server.url, DESKTOP);
    const lesson = findLesson('splitters')!;
    const listen = lesson.steps.findIndex((s) => s.kind === 'listen');
    await page.getByTestId('classroom-open').click();
    const classroom = page.locator('headroom-classroom');
    await classroom.getByTestId('lesson-pick').selectOption('splitters');
    for (let i = 0; i < listen; i++) await classroom.getByTestId('next-step').click();
    await classroom.getByTestId('listen').click();
    const step = listen + 1;
    const expected = new URL(`?lesson=splitters&step=${step}`, server.url).href;
    await expect.poll(async () => (await readQr(page)).text, { timeout: 15_000 }).toBe(expected);
    expect((await readQr(page)).version).toBeLessThanOrEqual(10);
    expect(readable(await classroom.getByTestId('playing').textContent())).toContain(`the lesson’s setups (step ${step})`);
    await page.context().close();

    // A fresh browser: nothing saved, only the link.
    const phone = await openPage(browser, expected, PHONE);
    const p = phone.page;
    await expect.poll(async () => readable(await p.locator('headroom-lesson [data-testid="progress"]').textContent())).toBe(`Step ${step} of ${lesson.steps.length}`);
    await expectShowing(p, lesson.steps[listen]!.pair!);
    await expectFirstScreen(p, ['headroom-app'], ['h3.step-title', '[data-testid="bar-play"]', '[data-testid="bar-side-A"]', '[data-testid="bar-side-B"]']);
    expect(await pageOverflow(p)).toBe(0);
    expect(problems.lines).toEqual([]);
    expect(phone.problems.lines).toEqual([]);
    await p.context().close();
  }, 120_000);

  it('the user’s saved custom pair of 8 + 8 listeners (a bare address) is encoded in the QR (version ≤ 15), which opens the same setups, lesson and step in a fresh browser', async () => {
    const pair = eightAndEightCatalogPair();
    const { page, problems } = await openPage(browser, server.url, DESKTOP);
    await page.evaluate((text) => localStorage.setItem('headroom:state', text), JSON.stringify({ format: 'headroom/saved-state@2', savedAt: new Date().toISOString(), pair, targetSplDb: 110 }));
    await page.goto(server.url);
    await expectShowing(page, pair);
    expect(new URL(page.url()).search).toBe('');
    await page.getByTestId('classroom-open').click();
    const classroom = page.locator('headroom-classroom');
    await classroom.getByTestId('lesson-pick').selectOption('bridging');
    await classroom.getByTestId('next-step').click();
    await classroom.getByTestId('next-step').click();
    let qr = { text: '', version: 0 };
    await expect.poll(async () => (qr = await readQr(page)).text, { timeout: 15_000 }).toMatch(/[?&]lesson=bridging&step=3&p=1/);
    expect(qr.version).toBeLessThanOrEqual(15);
    await page.context().close();

    const fresh = await openPage(browser, qr.text, DESKTOP);
    await expectShowing(fresh.page, pair);
    expect(readable(await fresh.page.locator('headroom-lesson [data-testid="progress"]').textContent())).toBe(`Step 3 of ${findLesson('bridging')!.steps.length}`);
    expect(await fresh.page.evaluate(() => localStorage.getItem('headroom:state'))).toBeNull();
    expect(problems.lines).toEqual([]);
    expect(fresh.problems.lines).toEqual([]);
    await fresh.page.context().close();
  }, 120_000);
});

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

/**
 * The boxes of every element matching each selector inside `scope` (a chain of custom
 * elements, each looked up in the shadow root of the one before), through every shadow
 * root below it, in one call into the page.
 */
async function boxesOf(page: Page, scope: string[], selectors: string[]): Promise<[string, Box][]> {
  return page.evaluate(
    ([hosts, list]) => {
      let root: Document | ShadowRoot = document;
      for (const host of hosts) root = root.querySelector(host)!.shadowRoot!;
      const all = (node: Document | ShadowRoot, selector: string): Element[] => {
        const found = [...node.querySelectorAll(selector)];
        for (const element of node.querySelectorAll('*')) if (element.shadowRoot) found.push(...all(element.shadowRoot, selector));
        return found;
      };
      return list.flatMap((selector) =>
        all(root, selector).map((element, i): [string, { x: number; y: number; width: number; height: number }] => {
          const r = element.getBoundingClientRect();
          return [`${selector}#${i}`, { x: r.x, y: r.y, width: r.width, height: r.height }];
        }),
      );
    },
    [scope, selectors] as const,
  );
}

/** Every selector's box (inside `scope`) lies inside the viewport (no scrolling), and no two of them overlap. */
async function expectFirstScreen(page: Page, scope: string[], selectors: string[]): Promise<void> {
  const viewport = page.viewportSize()!;
  const boxes = await boxesOf(page, scope, selectors);
  for (const selector of selectors) expect(boxes.some(([name]) => name.startsWith(`${selector}#`)), `${selector} is rendered`).toBe(true);
  for (const [name, box] of boxes) {
    expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width + 0.5 && box.y + box.height <= viewport.height + 0.5, `${name} ${JSON.stringify(box)} inside ${viewport.width}×${viewport.height}`).toBe(true);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      expect(overlaps(boxes[i]![1], boxes[j]![1]), `${boxes[i]![0]} and ${boxes[j]![0]} overlap`).toBe(false);
    }
  }
}

describe('the projector layout', () => {
  const sizes = [
    [1024, 768],
    [1280, 720],
    [1280, 800],
    [1920, 1080],
  ] as const;
  // Selectors are matched inside the classroom's shadow root and the lesson's within it.
  const classroomScope = ['headroom-app', 'headroom-classroom'];
  const panel = ['next-step', 'previous-step', 'reveal', 'classroom-close', 'lesson-pick', 'step-count', 'playing', 'classroom-play', 'side-A', 'side-B', 'share'].map(
    (id) => `[data-testid="${id}"]`,
  );

  for (const [width, height] of sizes) {
    it(`at ${width}×${height}: every measure step’s text and revealed numbers, the QR code, Play and the controls are on screen, and nothing overlaps`, async () => {
      const { page, problems } = await openPage(browser, server.url, { viewport: { width, height } });
      await page.getByTestId('classroom-open').click();
      const classroom = page.locator('headroom-classroom');
      for (const lesson of lessons()) {
        await classroom.getByTestId('lesson-pick').selectOption(lesson.id);
        const measure = lesson.steps.findIndex((s) => s.kind === 'measure');
        for (let i = 0; i < measure; i++) await classroom.getByTestId('next-step').click();
        await classroom.getByTestId('reveal').click();
        await expect.poll(async () => classroom.getByTestId('reveal').getAttribute('aria-pressed')).toBe('true');
        const lessonParts = ['h3.step-title', '.lesson [data-testid="figures"]', '.lesson [data-testid="explanation"]'];
        await expectFirstScreen(page, classroomScope, [...panel, ...lessonParts]);
        // Each figure (label and number) is inside the screen too.
        await expectFirstScreen(page, classroomScope, ['.lesson [data-testid="figure"]']);
      }
      expect(await pageOverflow(page)).toBe(0);
      expect(problems.lines).toEqual([]);
      await page.context().close();
    }, 180_000);
  }
});
