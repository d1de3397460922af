/**
 * One clock for everything that moves while sound plays — the meters, the level readout, the
 * seek bar, the scope and the spectrum: at most LIVE_FRAMES_PER_SECOND updates a second, all
 * in the same animation frames. On a 60 Hz screen that is every other frame, so half the
 * frames change nothing and cost nothing, and the ones that do are painted and sent to the
 * compositor once for all of them (docs/decisions.md, "A quiet page"). Audio meters and
 * analysers commonly refresh at this rate; the processors' meters arrive at it too.
 */
export const LIVE_FRAMES_PER_SECOND = 30;
/** A frame a little early still counts, so jitter never skips a whole frame. */
const EARLY_MS = 4;

let waiting: ((timeMs: number) => void)[] = [];
let frame = 0;
let lastRunMs = -Infinity;

function tick(timeMs: number): void {
  frame = 0;
  if (timeMs - lastRunMs < 1000 / LIVE_FRAMES_PER_SECOND - EARLY_MS) {
    frame = requestAnimationFrame(tick);
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
  frame ||= requestAnimationFrame(tick);
  return () => {
    waiting = waiting.filter((c) => c !== callback);
    if (waiting.length === 0 && frame) {
      cancelAnimationFrame(frame);
      frame = 0;
    }
  };
}
