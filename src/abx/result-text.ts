/**
 * What the blind test's panel says, derived from the run: the loudness line, the result's
 * figures and the verdict. Numbers are written by src/text (true minus sign, p-value, percent).
 */
import type { AbxResults } from './session.ts';
import { number, signed } from '../text/format.ts';
import { formatPercent, formatPValue } from '../text/abx-format.ts';

/** The line beside the match box: B's offset while matched (once measured), or the warning when not. */
export function loudnessNote(matched: boolean, offsetDb: number | null): string {
  if (!matched) return 'not matched: a level difference can give the answer away';
  return offsetDb === null || !Number.isFinite(offsetDb) ? 'B’s offset: measured once it plays' : `B’s offset: ${signed(offsetDb)} dB`;
}

/** The result's figures: what each is, its id (the page's test id) and the figure as written. */
export function abxFigures(results: AbxResults): { term: string; id: string; figure: string }[] {
  return [
    { term: 'Correct', id: 'score', figure: `${results.correct}/${results.n}` },
    { term: 'p-value (one-sided)', id: 'p-value', figure: `p = ${formatPValue(results.pValue)}` },
    { term: 'd′ (sensitivity)', id: 'd-prime', figure: number(results.dPrime, 2) },
  ];
}

/**
 * The verdict at the 5 % limit, with how often guessing alone scores as well; below the limit
 * it says that no difference shown is not proof of none.
 */
export function abxVerdict({ correct, n, pValue }: AbxResults): { heard: boolean; title: string; text: string } {
  const odds = `Guessing alone gets ${correct} or more of ${n} right`;
  const percent = formatPercent(pValue);
  return pValue < 0.05
    ? { heard: true, title: 'You heard a difference.', text: `${odds} only ${percent} of the time, below the 5\u00a0% limit (p\u00a0<\u00a00.05).` }
    : {
        heard: false,
        title: 'No difference shown.',
        text: `${odds} ${percent} of the time, which is not below the 5\u00a0% limit (p\u00a0≥\u00a00.05). This does not prove there is no difference: a small one needs more trials to show.`,
      };
}
