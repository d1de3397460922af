/**
 * Progress of a long render on stderr: one line rewritten in place on a terminal, and
 * only a final line when stderr is a file or a pipe (logs stay readable).
 */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Progress {
  update(fraction: number): void;
  done(summary: string): void;
}

/** Inputs shorter than this render in a moment: no progress at all. */
export const PROGRESS_MIN_SECONDS = 10;

export function createProgress(stream: ProgressStream, label: string, audioSeconds: number): Progress {
  if (audioSeconds < PROGRESS_MIN_SECONDS) return { update: () => undefined, done: () => undefined };
  const tty = stream.isTTY === true;
  let shown = -1;
  return {
    update(fraction) {
      const percent = Math.floor(fraction * 100);
      if (!tty || percent === shown) return;
      shown = percent;
      stream.write(`\r${label}: ${percent}% of ${audioSeconds.toFixed(1)} s`);
    },
    done(summary) {
      stream.write(`${tty ? '\r\x1b[K' : ''}${label}: ${summary}\n`);
    },
  };
}
