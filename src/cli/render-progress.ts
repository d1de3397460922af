/**
 * Progress of a render on stderr. On a terminal: one line rewritten in place, a bar with the
 * percentage and the time left. Elsewhere (a log, a pipe): a plain line at every 10 %, so a
 * log shows that a long render is alive. Renders of less than PROGRESS_MIN_SECONDS of audio
 * show nothing; `--quiet` shows nothing at all. The last line is always the summary.
 */
import { escapeTerminalControls } from '../model/contract-fields.ts';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Progress {
  update(fraction: number): void;
  done(summary: string): void;
  /** Clears a half-drawn bar before an error line. */
  abandon(): void;
}

/** Inputs shorter than this render in well under a second: no progress. */
export const PROGRESS_MIN_SECONDS = 2;
const BAR_WIDTH = 24;
/** A terminal line is redrawn at most this often. */
const REDRAW_MS = 100;

const silent: Progress = { update: () => undefined, done: () => undefined, abandon: () => undefined };

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s >= 3600 ? `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}` : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function createProgress(stream: ProgressStream, label: string, audioSeconds: number, options: { quiet?: boolean; now?: () => number } = {}): Progress {
  if (options.quiet || audioSeconds < PROGRESS_MIN_SECONDS) return silent;
  const now = options.now ?? (() => performance.now());
  // The label holds a path from the command line: printed, never obeyed.
  label = escapeTerminalControls(label);
  const started = now();
  const tty = stream.isTTY === true;
  let lastTenth = 0;
  let lastDraw = -Infinity;
  let drawn = false;
  return {
    update(fraction) {
      const f = Math.min(1, Math.max(0, fraction));
      if (tty) {
        const t = now();
        if (t - lastDraw < REDRAW_MS || f >= 1) return;
        lastDraw = t;
        const filled = Math.round(f * BAR_WIDTH);
        const elapsed = (t - started) / 1000;
        const left = f > 0.01 ? `${clock((elapsed * (1 - f)) / f)} left` : 'estimating';
        stream.write(`\r\x1b[K${label} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${Math.floor(f * 100)}% ${left}`);
        drawn = true;
        return;
      }
      const tenth = Math.floor(f * 10);
      if (tenth > lastTenth && tenth < 10) {
        lastTenth = tenth;
        stream.write(`${label}: ${tenth * 10}% of ${audioSeconds.toFixed(1)} s\n`);
      }
    },
    done(summary) {
      stream.write(`${tty && drawn ? '\r\x1b[K' : ''}${label}: ${summary}\n`);
    },
    abandon() {
      if (tty && drawn) stream.write('\r\x1b[K');
    },
  };
}
