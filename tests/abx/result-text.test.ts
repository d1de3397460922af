/** What the blind test's panel says: the loudness line, the result's figures, the verdict at the 5 % limit. */
import { describe, expect, it } from 'vitest';
import { AbxRun, abxFigures, abxVerdict, loudnessNote, type AbxResults, type RandomSource } from '../../src/abx/index.ts';

/** A finished run of n trials with every X on A, answered A `correct` times. */
function resultsOf(correct: number, n: number): AbxResults {
  const allA: RandomSource = (values) => values.fill(0);
  const run = new AbxRun();
  run.start({ trials: n, random: allA });
  for (let trial = 0; trial < n; trial++) {
    run.answer(trial < correct ? 'A' : 'B');
    run.next();
  }
  return run.results();
}

describe('loudnessNote', () => {
  it('shows B’s offset with a true minus sign once measured, says it is being measured before, and warns when unmatched', () => {
    expect(loudnessNote(true, -15.6)).toBe('B’s offset: \u221215.6 dB');
    expect(loudnessNote(true, 2)).toBe('B’s offset: +2.0 dB');
    expect(loudnessNote(true, null)).toBe('B’s offset: measured once it plays');
    expect(loudnessNote(true, Number.NaN)).toBe('B’s offset: measured once it plays');
    expect(loudnessNote(false, -15.6)).toBe('not matched: a level difference can give the answer away');
  });
});

describe('abxFigures', () => {
  it('writes 12 of 16 as 12/16, p = 0.038 (2517/65536) and d′ 1.79 (docs/abx.md’s table)', () => {
    expect(abxFigures(resultsOf(12, 16))).toEqual([
      { term: 'Correct', id: 'score', figure: '12/16' },
      { term: 'p-value (one-sided)', id: 'p-value', figure: 'p = 0.038' },
      { term: 'd′ (sensitivity)', id: 'd-prime', figure: '1.79' },
    ]);
  });
});

describe('abxVerdict', () => {
  it('says a difference was heard below p = 0.05, with how rarely guessing scores as well (12/16: 3.8 %)', () => {
    expect(abxVerdict(resultsOf(12, 16))).toEqual({
      heard: true,
      title: 'You heard a difference.',
      text: 'Guessing alone gets 12 or more of 16 right only 3.8\u202f% of the time, below the 5\u00a0% limit (p\u00a0<\u00a00.05).',
    });
  });

  it('says no difference was shown at p ≥ 0.05 (11/16: 10.5 %), and that this is not proof of none', () => {
    const verdict = abxVerdict(resultsOf(11, 16));
    expect(verdict.heard).toBe(false);
    expect(verdict.title).toBe('No difference shown.');
    expect(verdict.text).toBe(
      'Guessing alone gets 11 or more of 16 right 10.5\u202f% of the time, which is not below the 5\u00a0% limit (p\u00a0≥\u00a00.05). This does not prove there is no difference: a small one needs more trials to show.',
    );
  });
});
