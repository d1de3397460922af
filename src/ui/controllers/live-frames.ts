/**
 * One clock for everything that moves while sound plays — the meters, the level readout, the
 * seek bar, the scope and the spectrum: at most LIVE_FRAMES_PER_SECOND updates a second, all
 * in the same animation frames. On a 60 Hz screen that is every third frame: the others
 * change nothing and cost nothing, and the ones that do are laid out, painted and sent to the
 * compositor once for all of them. Each such frame costs the page about as much as all its
 * drawing, so their number is what playing costs (docs/decisions.md, "A quiet page"); 20 a
 * second keeps meters and analysers moving smoothly to the eye.
 */
const LIVE_FRAMES_PER_SECOND = 20;
/** A frame a little early still counts, so jitter never skips a whole frame. */
const EARLY_MS = 4;

let waiting: ((timeMs: number) => void)[] = [];
let frame = 0;
let timer = 0;
let lastRunMs = -Infinity;

function tick(timeMs: number): void {
  frame = 0;
  const early = 1000 / LIVE_FRAMES_PER_SECOND - EARLY_MS - (timeMs - lastRunMs);
  if (early > 0) {
    // Sleep through the frames in between (a frame with a callback is not free), then ask for one.
    timer = window.setTimeout(() => {
      timer = 0;
      frame = requestAnimationFrame(tick);
    }, Math.max(0, early - 1000 / 60));
    return;
  }
  lastRunMs = timeMs;
  const now = waiting;
  waiting = [];
  for (const callback of now) callback(timeMs);
}

/** Calls `callback` once, in the next live frame; returns the cancel. */
export function nextLiveFrame(callback: (timeMs: number) => void): () => void {
  waiting.push(callback);
  if (!frame && !timer) frame = requestAnimationFrame(tick);
  return () => {
    waiting = waiting.filter((c) => c !== callback);
    if (waiting.length > 0) return;
    cancelAnimationFrame(frame);
    window.clearTimeout(timer);
    frame = 0;
    timer = 0;
  };
}
