/** Progress of long renders on stderr (src/cli/render-progress.ts), with a fake stream and clock. */
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/render-progress.ts';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, isTTY, write: (text: string) => void writes.push(text) };
}

describe('render progress', () => {
  it('on a terminal: one line redrawn in place, a bar, the percentage and the time left from the rate so far', () => {
    const out = stream(true);
    let now = 0;
    const progress = createProgress(out, 'rendering a', 60, { now: () => now });
    now = 2000;
    progress.update(0.25);
    // 2 s for a quarter: 6 s left.
    expect(out.writes).toEqual(['\r\u001b[Krendering a [######------------------] 25% 0:06 left']);
    now = 2050;
    progress.update(0.26);
    expect(out.writes).toHaveLength(1);
    progress.done('60.0 s of audio in 8.0 s (7.5x real time)');
    expect(out.writes.at(-1)).toBe('\r\u001b[Krendering a: 60.0 s of audio in 8.0 s (7.5x real time)\n');
  });

  it('elsewhere: a plain line at every 10 %, then the summary', () => {
    const out = stream(false);
    const progress = createProgress(out, 'rendering a', 60);
    for (let f = 0; f <= 1; f += 0.01) progress.update(f);
    progress.done('done');
    expect(out.writes).toEqual([...[10, 20, 30, 40, 50, 60, 70, 80, 90].map((p) => `rendering a: ${p}% of 60.0 s\n`), 'rendering a: done\n']);
  });

  it('nothing for less than 2 s of audio, nothing with --quiet', () => {
    for (const [seconds, quiet] of [[1.9, false], [600, true]] as const) {
      const out = stream(true);
      const progress = createProgress(out, 'rendering a', seconds, { quiet });
      progress.update(0.5);
      progress.done('done');
      expect(out.writes).toEqual([]);
    }
  });

  it('a label with control characters (a path from the command line) is printed escaped', () => {
    const out = stream(false);
    createProgress(out, 'rendering \u001b[2Jx.json', 60).done('done');
    expect(out.writes).toEqual(['rendering \\u001b[2Jx.json: done\n']);
  });
});
