/**
 * One clock for everything that moves while sound plays — the meters, the level readout, the
 * seek bar, the scope and the spectrum: at most LIVE_FRAMES_PER_SECOND updates a second, all
 * in the same animation frames. On a 60 Hz screen that is every fourth frame. Between live
 * frames the clock sleeps on a timer and asks for no animation frame at all: a frame with a
 * callback is not free (the page is committed to the compositor whether or not anything
 * changed), so one requested frame per live frame is what playing costs, and their number sets
 * it (docs/decisions.md, "One frame per live frame"): 15 a second, the rate of a loudness
 * meter's display, keeps meters and analysers moving steadily to the eye.
 */
const LIVE_FRAMES_PER_SECOND = 15;
const INTERVAL_MS = 1000 / LIVE_FRAMES_PER_SECOND;
/**
 * Half a display frame at 60 Hz. Animation frames come at the display's beat, so the timer
 * wakes half a beat before the live frame is due and asks for one frame, which comes on
 * average when it is due (one that comes a little early is taken: waiting for the next would
 * cost a frame and skip a live one).
 */
const HALF_DISPLAY_FRAME_MS = 1000 / 120;

let waiting: ((timeMs: number) => void)[] = [];
let frame = 0;
let timer = 0;
let lastRunMs = -Infinity;

/** Asks for the animation frame of the next live frame: at once if it is due, else after a sleep. */
function schedule(): void {
  const sleepMs = lastRunMs + INTERVAL_MS - HALF_DISPLAY_FRAME_MS - performance.now();
  if (sleepMs <= 0) {
    frame = requestAnimationFrame(tick);
    return;
  }
  timer = window.setTimeout(() => {
    timer = 0;
    frame = requestAnimationFrame(tick);
  }, sleepMs);
}

function tick(timeMs: number): void {
  frame = 0;
  // The clock's own time, not the frame's: a frame's time can lag the moment it runs by most
  // of a display frame, and counting from it made the live frames come that much too often.
  lastRunMs = performance.now();
  const now = waiting;
  waiting = [];
  for (const callback of now) callback(timeMs);
}

/** Calls `callback` once, in the next live frame; returns the cancel. */
export function nextLiveFrame(callback: (timeMs: number) => void): () => void {
  waiting.push(callback);
  if (!frame && !timer) schedule();
  return () => {
    waiting = waiting.filter((c) => c !== callback);
    if (waiting.length > 0) return;
    cancelAnimationFrame(frame);
    window.clearTimeout(timer);
    frame = 0;
    timer = 0;
  };
}
