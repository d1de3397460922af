/** The ABX run as the panel shows it: phases, play and answer rules, loudness confirmation, the stretch, the keys. */
import { describe, expect, it } from 'vitest';
import { AbxRun, abxKeyAction, abxResultsFile, abxResultsToCsv, stretchError, stretchFromHere, type RandomSource } from '../../src/abx/index.ts';

/** Every hidden X on one side: a word with the top bit clear draws A, set draws B (session.ts). */
const allX = (side: 'A' | 'B'): RandomSource => (values) => values.fill(side === 'A' ? 0 : 0x8000_0000);

function started(trials = 5, x: 'A' | 'B' = 'B'): AbxRun {
  const run = new AbxRun();
  run.start({ trials, conditions: { a: 'Phone', b: 'Amp' }, random: allX(x) });
  return run;
}

describe('AbxRun', () => {
  it('starts listening at trial 1 of N with nothing pressed, loudness matched and no stretch', () => {
    const run = started(5);
    expect(run.phase).toBe('listening');
    expect([run.trial, run.n, run.answered]).toEqual([1, 5, 0]);
    expect(run.conditions).toEqual({ a: 'Phone', b: 'Amp' });
    expect(run.lastPressed).toBeNull();
    expect(run.matched).toBe(true);
    expect(run.stretch).toBeNull();
  });

  it('is invalid, with the session’s message naming trials and the range, for a trial count outside 5–100', () => {
    const run = started(3);
    expect(run.phase).toBe('invalid');
    expect(run.setupError).toBe('trials must be a whole number from 5 to 100 (got 3)');
    expect(run.play('X')).toBeNull();
    expect(run.answer('A')).toBe(false);
  });

  it('Play X yields the hidden side to route and marks X (not the side) as the button last pressed', () => {
    const run = started(5, 'B');
    expect(run.play('A')).toEqual({ side: 'A', loudnessMatched: true, loop: null });
    expect(run.play('X')).toEqual({ side: 'B', loudnessMatched: true, loop: null });
    expect(run.lastPressed).toBe('X');
  });

  it('an answer is shown, on the same trial, until Next; meanwhile play and another answer are refused', () => {
    const run = started(5);
    expect(run.answer('A')).toBe(true);
    expect(run.phase).toBe('answered');
    expect(run.pendingAnswer).toBe('A');
    expect([run.trial, run.answered]).toEqual([1, 1]);
    expect(run.play('X')).toBeNull();
    expect(run.answer('B')).toBe(false);
    expect(run.next()).toBe(true);
    expect(run.phase).toBe('listening');
    expect([run.trial, run.lastPressed, run.pendingAnswer]).toEqual([2, null, null]);
    expect(run.next()).toBe(false);
  });

  it('reaches done only through Next after the last answer, and only then gives the results', () => {
    const run = started(5, 'B');
    for (let trial = 1; trial <= 5; trial++) {
      run.answer(trial <= 4 ? 'B' : 'A');
      expect(run.lastAnswered).toBe(trial === 5);
      if (trial === 5) expect(() => run.results()).not.toThrow();
      else expect(() => run.results()).toThrow(/sealed until all 5 trials are answered/);
      run.next();
    }
    expect(run.phase).toBe('done');
    expect(run.results().correct).toBe(4);
    expect(abxKeyAction('x', run.phase)).toBeNull();
  });

  it('is untouched until the first answer, so a new trial count may still replace the session', () => {
    const run = started(5);
    run.play('A');
    expect(run.untouched).toBe(true);
    run.answer('A');
    expect(run.untouched).toBe(false);
  });

  it('a restart draws a new session and clears the trial, but keeps the loudness choice and the stretch', () => {
    const run = started(5);
    run.setMatched(false);
    run.setLoop({ on: true, start: '1', end: '4' }, 30);
    run.play('X');
    run.answer('A');
    run.start({ trials: 8, random: allX('A') });
    expect([run.phase, run.trial, run.n, run.lastPressed, run.pendingAnswer]).toEqual(['listening', 1, 8, null, null]);
    expect(run.play('X')).toEqual({ side: 'A', loudnessMatched: false, loop: { start: 1, end: 4 } });
  });

  it('unticking loudness matching only asks; it turns off on confirmation, and plays then say unmatched', () => {
    const run = started(5);
    expect(run.tickMatch(false)).toBe(false);
    expect([run.matched, run.confirmingUnmatched]).toEqual([true, true]);
    run.setMatched(true);
    expect([run.matched, run.confirmingUnmatched]).toEqual([true, false]);
    run.tickMatch(false);
    run.setMatched(false);
    expect([run.matched, run.confirmingUnmatched]).toEqual([false, false]);
    expect(run.play('B')?.loudnessMatched).toBe(false);
    expect(run.tickMatch(true)).toBe(true);
    expect(run.matched).toBe(true);
  });

  it('a valid stretch change after a play yields the same side again with the new stretch; before any play, or invalid, nothing', () => {
    const run = started(5, 'B');
    expect(run.setLoop({ on: true }, 30)).toBeNull();
    run.play('X');
    expect(run.setLoop({ start: '2', end: '3.5' }, 30)).toEqual({ side: 'B', loudnessMatched: true, loop: { start: 2, end: 3.5 } });
    expect(run.setLoop({ end: '31' }, 30)).toBeNull();
    expect(run.loop.error).toMatch(/at most at 30\.0 s/);
    expect(run.stretch).toBeNull();
    expect(run.setLoop({ on: false }, 30)).toEqual({ side: 'B', loudnessMatched: true, loop: null });
    expect(run.loop.error).toBe('');
  });
});

describe('the stretch to loop', () => {
  it('names the start, with what was typed, unless it is a number of seconds from 0', () => {
    for (const start of ['-1', 'abc', '']) {
      expect(stretchError(start, '5', 30)).toBe(`The stretch must start at a number of seconds from 0 (got ${JSON.stringify(start)}).`);
    }
  });

  it('names the end unless it is at least 0.5 s after the start and within the sound', () => {
    expect(stretchError('2', '2.4', 30)).toBe('The stretch must end at least 0.5 s after it starts and at most at 30.0 s, the length of the sound (got "2.4").');
    expect(stretchError('2', '30.5', 30)).toMatch(/at most at 30\.0 s, the length of the sound \(got "30\.5"\)/);
    expect(stretchError('2', '2.5', 30)).toBeNull();
    expect(stretchError('0', '30', 30)).toBeNull();
  });

  it('of a sound of unknown length (0) checks only the start and the shortest stretch', () => {
    expect(stretchError('100', '900', 0)).toBeNull();
    expect(stretchError('1', 'x', 0)).toBe('The stretch must end at least 0.5 s after it starts and at most at the length of the sound (got "x").');
  });

  it('"From here" is 5 s from the position, cut at the end, and starts early enough for 0.5 s before the end', () => {
    expect(stretchFromHere(12.34, 30)).toEqual({ start: '12.3', end: '17.3' });
    expect(stretchFromHere(27, 30)).toEqual({ start: '27.0', end: '30.0' });
    expect(stretchFromHere(29.9, 30)).toEqual({ start: '29.5', end: '30.0' });
  });
});

describe('abxKeyAction', () => {
  it('maps A, B, X to play, 1 and 2 to the answers and N to Next, in either case, while trials run', () => {
    for (const phase of ['listening', 'answered'] as const) {
      expect(abxKeyAction('a', phase)).toEqual({ kind: 'play', button: 'A' });
      expect(abxKeyAction('B', phase)).toEqual({ kind: 'play', button: 'B' });
      expect(abxKeyAction('x', phase)).toEqual({ kind: 'play', button: 'X' });
      expect(abxKeyAction('1', phase)).toEqual({ kind: 'answer', side: 'A' });
      expect(abxKeyAction('2', phase)).toEqual({ kind: 'answer', side: 'B' });
      expect(abxKeyAction('N', phase)).toEqual({ kind: 'next' });
      expect(abxKeyAction('c', phase)).toBeNull();
    }
  });

  it('leaves the trial keys to the page on the result and on a refused setup, but Space always plays and pauses', () => {
    for (const phase of ['done', 'invalid'] as const) {
      expect(abxKeyAction('x', phase)).toBeNull();
      expect(abxKeyAction('n', phase)).toBeNull();
      expect(abxKeyAction(' ', phase)).toEqual({ kind: 'toggle-play' });
    }
  });
});

describe('abxResultsFile', () => {
  it('names a finished run’s file after its start time (no colons or dots) and gives JSON or CSV with its media type', () => {
    const run = new AbxRun();
    run.start({ trials: 5, random: allX('A'), now: () => Date.UTC(2026, 10, 23, 12, 0, 0, 250) });
    for (let trial = 0; trial < 5; trial++) {
      run.answer('A');
      run.next();
    }
    const results = run.results();
    expect(abxResultsFile(results, 'json')).toMatchObject({ type: 'application/json', name: 'headroom-abx-2026-11-23T12-00-00-250Z.json' });
    expect(JSON.parse(abxResultsFile(results, 'json').text)).toMatchObject({ format: 'headroom/abx@2', correct: 5, n: 5 });
    expect(abxResultsFile(results, 'csv')).toEqual({ text: abxResultsToCsv(results), type: 'text/csv', name: 'headroom-abx-2026-11-23T12-00-00-250Z.csv' });
  });
});
