/**
 * The page side of the boot guard (src/state/boot-guard.ts). Imported by main.ts before the
 * app, so it runs before <headroom-app> reads the URL and the saved state:
 *
 * 1. beginBoot: marks this visit as booting; if the last visit never finished (or the saved
 *    setups no longer validate), sets them aside and, after an unfinished visit, drops the
 *    link's setups from the address so the app starts on the defaults.
 * 2. shows <headroom-recovery-notice> when there is a set-aside copy or a reason to tell.
 * 3. watchFirstRender(app): once the app has rendered and the plots have had two frames and
 *    a moment to draw, clears the mark. A page that freezes or fails to construct never
 *    gets there, and the next visit recovers.
 * 4. A visit the user leaves while it is still loading (reload, back, close) clears the mark
 *    on pagehide, unless an uncaught error was reported first: a frozen page cannot run the
 *    handler, and one that failed keeps its mark, so only those two recover. Without this, a
 *    reload during a slow load would set the user's setups aside.
 */
import { beginBoot, discardRecovered, finishBoot, withoutLink, type BootStorage } from '../state/boot-guard.ts';
import './headroom-recovery-notice.ts';

/** After the first render: long enough for the views' first draw (uPlot, ResizeObserver), short enough that a quick reload rarely lands inside it. */
const SETTLE_MS = 300;

function pageStorage(): BootStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // Storage blocked: nothing saved, nothing to guard.
  }
}

const storage = pageStorage();
const start = beginBoot(storage, window.location.href);
if (start.dropLink) window.history.replaceState(window.history.state, '', withoutLink(window.location.href));
if (start.recovered) {
  const notice = document.createElement('headroom-recovery-notice');
  notice.recovered = start.recovered;
  notice.addEventListener('recovery-done', () => {
    discardRecovered(storage);
    notice.remove();
  });
  document.body.prepend(notice);
}

let failedWhileBooting = false;
let booting = true;
const failed = () => {
  if (booting) failedWhileBooting = true;
};
window.addEventListener('error', failed);
window.addEventListener('unhandledrejection', failed);
window.addEventListener('pagehide', () => {
  if (booting && !failedWhileBooting) finishBoot(storage);
});

interface Rendering {
  updateComplete?: Promise<unknown>;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Clears the booting mark once `app` (an upgraded Lit element) has rendered and settled. */
export async function watchFirstRender(app: Element | null): Promise<void> {
  if (!app) return;
  await customElements.whenDefined(app.localName);
  const rendering = (app as Rendering).updateComplete;
  // An element whose constructor threw is not upgraded: it has no updateComplete, and the mark stays.
  if (!rendering) return;
  await rendering;
  await frame();
  await frame();
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  booting = false;
  finishBoot(storage);
}
