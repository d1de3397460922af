/** The ABX session: fixed N, hidden X drawn up front, answers in order, results sealed until the end. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AbxSession, abxResultsToCsv, abxSummary, abxResultsToJson, binomialPValue, seededRandom, type AbxSide } from '../../src/abx/index.ts';

/** The hidden sides, read the way a listener would: by pressing X in every trial. */
function hiddenSequence(session: AbxSession): AbxSide[] {
  const xs: AbxSide[] = [];
  while (!session.finished) {
    const x = session.listen('X');
    xs.push(x);
    session.answer(x);
  }
  return xs;
}

describe('AbxSession', () => {
  it('has 16 trials by default and accepts 5 to 100', () => {
    expect(new AbxSession({ random: seededRandom(1) }).n).toBe(16);
    expect(new AbxSession({ trials: 5 }).n).toBe(5);
    expect(new AbxSession({ trials: 100 }).n).toBe(100);
  });

  it('refuses trials outside 5–100 with a RangeError naming trials and the range', () => {
    for (const trials of [4, 101, 0, -3, 16.5, Number.NaN]) {
      expect(() => new AbxSession({ trials })).toThrow(RangeError);
      expect(() => new AbxSession({ trials })).toThrow(/trials must be a whole number from 5 to 100/);
    }
  });

  it('gives the same X sequence for the same seed, and another for another seed', () => {
    const a = hiddenSequence(new AbxSession({ random: seededRandom(42) }));
    const b = hiddenSequence(new AbxSession({ random: seededRandom(42) }));
    const c = hiddenSequence(new AbxSession({ random: seededRandom(43) }));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    // Pinned so a change of the draw (which would change every replayed run) is noticed.
    expect(a.join('')).toBe('BABBABABBAABBAAB');
  });

  it('draws the whole X sequence up front from the injected source, one word per trial', () => {
    let calls = 0;
    const session = new AbxSession({
      trials: 6,
      random: (values) => {
        calls++;
        values.set([0, 0x80000000, 0x7fffffff, 0xffffffff, 1, 0x90000000]);
        return values;
      },
    });
    expect(calls).toBe(1);
    expect(hiddenSequence(session).join('')).toBe('ABABAB');
    expect(calls).toBe(1);
  });

  it('by default draws X with crypto.getRandomValues: about half of 100 trials are A', () => {
    const xs = hiddenSequence(new AbxSession({ trials: 100 }));
    const a = xs.filter((x) => x === 'A').length;
    // Binomial(100, ½): 25 to 75 fails with probability below 1e-6.
    expect(a).toBeGreaterThan(25);
    expect(a).toBeLessThan(75);
  });

  it('resolves X to the hidden side, A and B to themselves, and records every press', () => {
    const session = new AbxSession({ trials: 5, random: seededRandom(7) });
    expect(session.listen('A')).toBe('A');
    expect(session.listen('B')).toBe('B');
    const x = session.listen('X');
    session.answer(x);
    while (!session.finished) session.answer('A');
    const results = session.results();
    expect(results.trials[0]).toMatchObject({ x, answer: x, correct: true, listenedTo: ['A', 'B', 'X'] });
    expect(results.trials[1]!.listenedTo).toEqual([]);
  });

  it('refuses answers out of order and after the end, with clear messages', () => {
    const session = new AbxSession({ trials: 5, random: seededRandom(3) });
    expect(() => session.answer('A', 1)).toThrow('ABX answers go in order: trial 2 was answered, but trial 1 of 5 is the next to answer');
    session.answer('A', 0);
    expect(() => session.answer('B', 0)).toThrow(/trial 1 was answered, but trial 2 of 5/);
    for (let i = 1; i < 5; i++) session.answer('B', i);
    expect(() => session.answer('A')).toThrow('Cannot answer: all 5 ABX trials are answered and the session is finished');
    expect(() => session.listen('X')).toThrow(/Cannot listen/);
  });

  it('keeps the results sealed until the last answer', () => {
    const session = new AbxSession({ trials: 5, random: seededRandom(3) });
    session.answer('A');
    expect(() => session.results()).toThrow(/sealed until all 5 trials are answered \(1 so far\)/);
  });

  it('times each trial from its first playback to the answer, and stamps start and end', () => {
    let t = Date.UTC(2026, 10, 23, 12, 0, 0);
    const session = new AbxSession({ trials: 5, random: seededRandom(1), now: () => t });
    t += 1000; // thinking before the first play does not count
    session.listen('A');
    t += 2500;
    session.listen('X');
    t += 500;
    session.answer('A');
    for (let i = 1; i < 5; i++) {
      t += 100;
      session.answer('B');
    }
    const r = session.results();
    expect(r.trials.map((x) => x.ms)).toEqual([3000, 100, 100, 100, 100]);
    expect(r.startedAt).toBe('2026-11-23T12:00:00.000Z');
    expect(r.finishedAt).toBe('2026-11-23T12:00:04.400Z');
  });

  it('scores: correct count, p-value and d′ (all correct: 16/16, p = 1/65536)', () => {
    const session = new AbxSession({ random: seededRandom(9), conditions: { a: 'Phone', b: 'Phone + amp' } });
    hiddenSequence(session);
    const r = session.results();
    expect(r).toMatchObject({ format: 'headroom/abx@2', correct: 16, n: 16, conditions: { a: 'Phone', b: 'Phone + amp' }, loudnessMatched: true });
    expect(r.summary).toBe('16 of 16 right: p = 1.5e-5; you probably hear a difference.');
    expect(r.pValue).toBe(1 / 65536);
    expect(r.dPrime).toBeCloseTo(3.822, 3);
  });

  it('any answer sequence gives 0 ≤ p ≤ 1, the binomial p of its score, and a CSV of N + 1 lines (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 100 }).chain((n) => fc.tuple(fc.integer(), fc.array(fc.constantFrom<AbxSide>('A', 'B'), { minLength: n, maxLength: n }))),
        ([seed, answers]) => {
          const session = new AbxSession({ trials: answers.length, random: seededRandom(seed) });
          for (const a of answers) session.answer(a);
          const r = session.results();
          expect(r.pValue).toBeGreaterThanOrEqual(0);
          expect(r.pValue).toBeLessThanOrEqual(1);
          expect(r.correct).toBe(r.trials.filter((t) => t.x === t.answer).length);
          expect(r.pValue).toBe(binomialPValue(r.correct, r.n));
          const lines = abxResultsToCsv(r).trimEnd().split('\r\n');
          expect(lines).toHaveLength(answers.length + 1);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('ABX export', () => {
  const finished = (): ReturnType<AbxSession['results']> => {
    let t = 0;
    const session = new AbxSession({ trials: 5, random: seededRandom(5), now: () => (t += 250), conditions: { a: 'Phone, 2 Ω', b: 'Amp "desk"' } });
    session.listen('A');
    session.listen('X');
    session.answer('A');
    while (!session.finished) session.answer('B');
    return session.results();
  };

  it('JSON round-trips to the results, with the headroom/abx@2 fields', () => {
    const r = finished();
    const parsed = JSON.parse(abxResultsToJson(r)) as Record<string, unknown>;
    expect(parsed).toEqual(r);
    expect(Object.keys(parsed)).toEqual(['format', 'conditions', 'trials', 'correct', 'n', 'pValue', 'dPrime', 'startedAt', 'finishedAt', 'loudnessMatched', 'summary']);
    expect(Object.keys((parsed.trials as object[])[0]!)).toEqual(['x', 'answer', 'correct', 'listenedTo', 'ms', 'loudnessMatched']);
  });

  it('a run with one play unmatched says "loudness not matched" in its result, its trial and both exports', () => {
    const session = new AbxSession({ trials: 5, random: seededRandom(2) });
    session.listen('A');
    session.listen('X', false);
    session.answer('A');
    while (!session.finished) session.answer('B');
    const r = session.results();
    expect(r.loudnessMatched).toBe(false);
    expect(r.trials.map((t) => t.loudnessMatched)).toEqual([false, true, true, true, true]);
    expect(r.summary).toMatch(/\(loudness not matched: the level difference alone may explain the score\)\.$/);
    expect(JSON.parse(abxResultsToJson(r)).summary).toBe(r.summary);
    const rows = abxResultsToCsv(r).trimEnd().split('\r\n');
    expect(rows[1]!.endsWith(',not matched')).toBe(true);
    expect(rows[2]!.endsWith(',matched')).toBe(true);
  });

  it('says the result in one sentence: 12 of 16 right is p = 0.038, a difference; 11 of 16 is not', () => {
    // Σ C(16, k) for k = 12…16 over 2^16: 2517/65536 = 0.0384; for k = 11…16: 6885/65536 = 0.105.
    expect(abxSummary(12, 16, 2517 / 65536, true)).toBe('12 of 16 right: p = 0.038; you probably hear a difference.');
    expect(abxSummary(11, 16, 6885 / 65536, true)).toBe('11 of 16 right: p = 0.105; no difference shown: guessing scores this well too often.');
  });

  it('CSV has a header and one row per trial, quoting labels with commas and quotes', () => {
    const r = finished();
    const lines = abxResultsToCsv(r).trimEnd().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe('trial,x,answer,correct,listened_to,ms,label_a,label_b,loudness');
    expect(lines[1]).toBe(`1,${r.trials[0]!.x},A,${r.trials[0]!.correct},A X,${r.trials[0]!.ms},"Phone, 2 Ω","Amp ""desk""",matched`);
  });
});
