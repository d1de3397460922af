// The `ui` section of `npm run bench`: the app's production build in headless Chromium,
// driven as a user drives it, measured with the DevTools protocol and the page's own
// performance observers (bench/ui/page-probes.js). Percentages and rates, so a noisy
// machine shifts them less than absolute times.
//
//   idle        main-thread busy % over 10 s of an untouched page, once it has settled
//               (CDP Performance.getMetrics: TaskDuration over wall time)
//   playing     the demo track playing with the meters, scope and spectrum on screen, from
//               1 s after the first sound: busy % and the main thread's CPU % (ThreadTime,
//               which a loaded machine does not inflate as busy % is: a task that waits for a
//               core lasts longer without computing more) over 10 s; then, over the next 10 s,
//               frames/s (a requestAnimationFrame counter, which asks for every display frame
//               and so is kept out of the busy window); the longest task over both
//               (PerformanceObserver 'longtask')
//   firstSound  ms from the Play click to the first non-silent meter reading, per built-in
//               material, each in a fresh page (for all but the demo track the material is
//               chosen first, and Play clicked at once after)
//   cls         cumulative layout shift, every shift counted (those right after an input too),
//               over an A/B switch by key, a listening level raised past the 85 dB SPL warning
//               and a listener added to B
//
// The page is the app's first screen at 1280×800 with the Listen card scrolled under the
// section links (where meters, scope and spectrum are all on screen); "settled" means its
// renderer processes (all threads: the demo track renders on an audio thread) used under 5 %
// of a core for a second.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/chromium-path.mjs';

const VIEWPORT = { width: 1280, height: 800 };
const IDLE_SECONDS = 10;
const PLAYING_SECONDS = 10;
/**
 * A page counts as settled (loaded, its idle-time preparation done) after a second in which
 * the renderer processes used less than this share of a core: all their threads, since the
 * demo track is rendered on an audio thread, not the main one.
 */
const SETTLED_CPU = 0.05;
const SETTLE_LIMIT_SECONDS = 60;
export const UI_MATERIALS = ['demo', 'pink', 'sweep', 'sine'];

export const UI_TARGETS = {
  idleBusyPercent: 1,
  playingBusyPercent: 15,
  playingFramesPerSecond: 55,
  longestTaskMs: 50,
  firstSoundMs: 300,
  cls: 0.01,
};

const probes = readFileSync(new URL('./page-probes.js', import.meta.url), 'utf8');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function openUiBench(root, outDir) {
  const configFile = join(root, 'vite.config.ts');
  await build({ root, configFile, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server = await preview({ root, configFile, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const url = `http://127.0.0.1:${server.httpServer.address().port}/`;
  const browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS, headless: true });
  const browserCdp = await browser.newBrowserCDPSession();
  /** CPU seconds used so far by every renderer process (the bench has one page open at a time). */
  const rendererCpuSeconds = async () =>
    (await browserCdp.send('SystemInfo.getProcessInfo')).processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime, 0);
  const problems = [];

  /** A fresh page (its own context: no service worker, no saved setups from another run). */
  async function open() {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript({ content: probes });
    const page = await context.newPage();
    page.on('console', (message) => message.type() === 'error' && problems.push(`console error: ${message.text()}`));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    await page.goto(url, { waitUntil: 'load' });
    await page.locator('[data-testid=play]').waitFor();
    const metric = async (names) => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return names.map((name) => metrics.find((m) => m.name === name).value);
    };
    /**
     * Main-thread busy fraction over `seconds` of wall time (TaskDuration: tasks' wall time,
     * the target's measure), and beside it the main thread's CPU time (ThreadTime): on a busy
     * machine a task descheduled by other processes lasts longer than it computes.
     */
    const busy = async (seconds) => {
      const [t0, c0] = await metric(['TaskDuration', 'ThreadTime']);
      const w0 = performance.now();
      await sleep(seconds * 1000);
      const [t1, c1] = await metric(['TaskDuration', 'ThreadTime']);
      const wall = (performance.now() - w0) / 1000;
      return { busy: (t1 - t0) / wall, cpu: (c1 - c0) / wall };
    };
    /**
     * Waits until one second passes with the renderer under SETTLED_CPU; gives up after
     * SETTLE_LIMIT_SECONDS (a page that never goes quiet is measured as it is). Returns the
     * seconds waited, or null when it gave up.
     */
    const settle = async () => {
      const start = performance.now();
      while (performance.now() - start < SETTLE_LIMIT_SECONDS * 1000) {
        const c0 = await rendererCpuSeconds();
        await sleep(1000);
        if ((await rendererCpuSeconds()) - c0 < SETTLED_CPU) return (performance.now() - start) / 1000;
      }
      return null;
    };
    return { page, busy, settle, close: () => context.close() };
  }

  return {
    version: browser.version(),
    problems,
    open,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Resolves with ms from the Play click to the first meter (any side) reading above −100 dBFS. */
function firstSound(page) {
  return page.evaluate(
    (limitMs) =>
      new Promise((resolve, reject) => {
        const probes = window.__pageProbes;
        const meters = () => {
          const found = [];
          const walk = (root) => {
            for (const element of root.querySelectorAll('*')) {
              if (element.localName === 'headroom-level-meter') found.push(element);
              if (element.shadowRoot) walk(element.shadowRoot);
            }
          };
          walk(document);
          return found;
        };
        const started = performance.now();
        const check = () => {
          if (probes.clickAt !== null && meters().some((meter) => meter.peakDbfs > -100)) return resolve(performance.now() - probes.clickAt);
          if (performance.now() - started > limitMs) return reject(new Error('no sound within the limit'));
          requestAnimationFrame(check);
        };
        check();
      }),
    30_000,
  );
}

async function measureIdle(bench, log) {
  const { settle, busy, close } = await bench.open();
  try {
    const settledAfter = await settle();
    log(`ui idle: ${settledAfter === null ? `not settled after ${SETTLE_LIMIT_SECONDS} s` : `settled ${settledAfter.toFixed(1)} s after load`}; measuring ${IDLE_SECONDS} s`);
    const idle = await busy(IDLE_SECONDS);
    return { idleBusyPercent: 100 * idle.busy, idleCpuPercent: 100 * idle.cpu, settledSeconds: settledAfter };
  } finally {
    await close();
  }
}

/** A fresh page, settled; the material chosen (unless the demo track, the default) and Play clicked. */
async function measureMaterial(bench, material) {
  const opened = await bench.open();
  try {
    await opened.settle();
    if (material !== 'demo') await opened.page.locator(`[data-kind=${material}]`).click();
    await opened.page.locator('[data-testid=play]').click();
    return { ms: await firstSound(opened.page), opened };
  } catch (error) {
    await opened.close();
    throw error;
  }
}

/**
 * Scrolls the Listen card to just under the sticky section links: the meters on screen. At
 * the bench's 1280×800 the scope and the spectrum under them end below the screen's edge, so
 * for `analysers` the page scrolls on until their bottom edge is on screen, as far as the
 * meters stay under the links.
 */
async function showListenCard(page, analysers = false) {
  await page.evaluate((withAnalysers) => {
    const app = document.querySelector('headroom-app').shadowRoot;
    const top = app.querySelector('nav').getBoundingClientRect().height;
    let by = app.querySelector('.listen').getBoundingClientRect().top - top;
    if (withAnalysers) {
      const bottom = Math.max(...['headroom-scope', 'headroom-spectrum'].map((name) => app.querySelector(name).getBoundingClientRect().bottom));
      const metersTop = Math.min(...[...app.querySelectorAll('headroom-level-meter')].map((meter) => meter.getBoundingClientRect().top));
      by = Math.max(by, Math.min(bottom - innerHeight + 8, metersTop - top));
    }
    window.scrollBy(0, by);
  }, analysers);
}

async function measurePlaying(page, busy) {
  await showListenCard(page, true);
  await sleep(1000);
  const shown = await page.evaluate(() => {
    const app = document.querySelector('headroom-app').shadowRoot;
    return ['headroom-scope', 'headroom-spectrum', 'headroom-level-meter'].every((name) => {
      const box = app.querySelector(name)?.getBoundingClientRect();
      return box && box.top >= 0 && box.bottom <= innerHeight;
    });
  });
  // Busy % first, with nothing of the bench's own asking for frames: the page asks for one
  // per live frame, and a frame counter's request on every display beat would make the page
  // lay out, paint and commit three times as often as it does for a user (measured together
  // below, for the record, as playingBusyWithFrameCounterPercent).
  const busyFrom = await page.evaluate(() => performance.now());
  const measured = await busy(PLAYING_SECONDS);
  const since = await page.evaluate(() => {
    window.__pageProbes.stopFrames = window.__pageProbes.countFrames();
    return performance.now();
  });
  const counted = await busy(PLAYING_SECONDS);
  // The longest task over both windows.
  const { frames, elapsed, longest } = await page.evaluate(([t0, from]) => {
    const frames = window.__pageProbes.stopFrames();
    const longest = Math.max(0, ...window.__pageProbes.longTasks.filter((task) => task.start >= from).map((task) => task.duration));
    return { frames, elapsed: performance.now() - t0, longest };
  }, [since, busyFrom]);
  return {
    playingBusyPercent: 100 * measured.busy,
    playingCpuPercent: 100 * measured.cpu,
    playingBusyWithFrameCounterPercent: 100 * counted.busy,
    playingFramesPerSecond: (1000 * frames) / elapsed,
    longestTaskMs: longest,
    analysersOnScreen: shown,
  };
}

async function measureCls(page) {
  await showListenCard(page);
  await sleep(500);
  const before = await page.evaluate(() => window.__pageProbes.shifts.length);
  await page.keyboard.press('b');
  await sleep(1000);
  // The level slider, raised from the keyboard until the simulated level passes 85 dB SPL.
  const slider = page.locator('[data-testid=listening-level]');
  await slider.focus();
  await page.keyboard.press('End');
  await page.locator('[data-testid=calibration]').fill('140');
  await page.locator('[data-testid=calibration]').press('Enter');
  await sleep(1500);
  const warned = await page.locator('[data-testid=spl-warning]').count();
  await page.keyboard.press('a');
  await sleep(1000);
  // A listener added to B through its editor (further down the page; the screen stays on Listen).
  await page.evaluate(() => {
    const app = document.querySelector('headroom-app').shadowRoot;
    const editor = app.querySelectorAll('headroom-setup-editor')[1];
    editor.shadowRoot.querySelector('[data-testid=add-listener]').click();
  });
  await sleep(1500);
  return page.evaluate(
    ([from, warnedCount]) => {
      const shifts = window.__pageProbes.shifts.slice(from);
      return { cls: shifts.reduce((sum, s) => sum + s.value, 0), shifts: shifts.length, warningShown: warnedCount > 0 };
    },
    [before, warned],
  );
}

/** Runs every UI measurement; returns { results, details }. */
export async function runUiBench(bench, log) {
  const details = {};
  const results = {};
  Object.assign(details, await measureIdle(bench, log));
  results.idleBusyPercent = details.idleBusyPercent;
  results.firstSoundMs = {};
  for (const material of UI_MATERIALS) {
    const { ms, opened } = await measureMaterial(bench, material);
    results.firstSoundMs[material] = ms;
    log(`ui first sound, ${material}: ${ms.toFixed(0)} ms`);
    try {
      if (material === 'demo') {
        const page = opened.page;
        const playing = await measurePlaying(page, opened.busy);
        Object.assign(results, {
          playingBusyPercent: playing.playingBusyPercent,
          playingCpuPercent: playing.playingCpuPercent,
          playingFramesPerSecond: playing.playingFramesPerSecond,
          longestTaskMs: playing.longestTaskMs,
        });
        details.analysersOnScreen = playing.analysersOnScreen;
        details.playingCpuPercent = playing.playingCpuPercent;
        details.playingBusyWithFrameCounterPercent = playing.playingBusyWithFrameCounterPercent;
        log(`ui playing: ${playing.playingFramesPerSecond.toFixed(1)} frames/s, busy ${playing.playingBusyPercent.toFixed(1)} % (main thread CPU ${playing.playingCpuPercent.toFixed(1)} %), longest task ${playing.longestTaskMs.toFixed(0)} ms`);
        const cls = await measureCls(page);
        results.cls = cls.cls;
        details.clsShifts = cls.shifts;
        details.warningShown = cls.warningShown;
        log(`ui layout shift: CLS ${cls.cls.toFixed(4)} over ${cls.shifts} shifts (85 dB warning shown: ${cls.warningShown})`);
      }
    } finally {
      await opened.close();
    }
  }
  return { results: roundUi(results), details };
}

function roundUi(r) {
  const round = (v, d) => Number(v.toFixed(d));
  return {
    idleBusyPercent: round(r.idleBusyPercent, 2),
    playingBusyPercent: round(r.playingBusyPercent, 1),
    playingCpuPercent: round(r.playingCpuPercent, 1),
    playingFramesPerSecond: round(r.playingFramesPerSecond, 1),
    longestTaskMs: round(r.longestTaskMs, 0),
    firstSoundMs: Object.fromEntries(Object.entries(r.firstSoundMs).map(([k, v]) => [k, round(v, 0)])),
    cls: round(r.cls, 4),
  };
}

/** The pass/fail lines for the UI figures, in the bench's target format. */
export function uiTargets(ui) {
  if (!ui) return [];
  const t = UI_TARGETS;
  const worstSound = Math.max(...Object.values(ui.firstSoundMs));
  return [
    { label: `idle: main thread busy ≤ ${t.idleBusyPercent} % (got ${ui.idleBusyPercent} %)`, pass: ui.idleBusyPercent <= t.idleBusyPercent },
    { label: `playing: ≥ ${t.playingFramesPerSecond} frames/s (got ${ui.playingFramesPerSecond})`, pass: ui.playingFramesPerSecond >= t.playingFramesPerSecond },
    { label: `playing: main thread busy ≤ ${t.playingBusyPercent} % (got ${ui.playingBusyPercent} %)`, pass: ui.playingBusyPercent <= t.playingBusyPercent },
    { label: `playing: no task over ${t.longestTaskMs} ms after the first second (longest ${ui.longestTaskMs} ms)`, pass: ui.longestTaskMs <= t.longestTaskMs },
    {
      label: `first sound ≤ ${t.firstSoundMs} ms for every built-in material (${Object.entries(ui.firstSoundMs).map(([k, v]) => `${k} ${v}`).join(', ')} ms)`,
      pass: worstSound <= t.firstSoundMs,
    },
    { label: `layout shift ≤ ${t.cls} over A/B, the 85 dB warning and a listener added (got ${ui.cls})`, pass: ui.cls <= t.cls },
  ];
}

/** The UI figures as lines under the audio table, then the targets. */
export function formatUiTable(ui, targets) {
  if (!ui) return 'ui: not measured';
  const lines = [
    'ui (production build, Chromium, 1280×800)',
    `  idle busy          ${ui.idleBusyPercent} %`,
    `  playing            ${ui.playingFramesPerSecond} frames/s, busy ${ui.playingBusyPercent} % (main thread CPU ${ui.playingCpuPercent} %), longest task ${ui.longestTaskMs} ms`,
    `  first sound        ${Object.entries(ui.firstSoundMs).map(([k, v]) => `${k} ${v} ms`).join(', ')}`,
    `  layout shift       ${ui.cls}`,
  ];
  if (targets.length > 0) lines.push('', ...targets.map((t) => `${t.pass === null ? 'n/a ' : t.pass ? 'PASS' : 'FAIL'}  ${t.label}`));
  return lines.join('\n');
}
