/**
 * A blind ABX session, pure state (no DOM, no audio): N trials fixed in advance, the hidden X
 * of every trial drawn up front, answers recorded strictly in order, results only at the end.
 * Each trial also records whether A and B were loudness-matched for every play in it: a
 * level difference alone lets a listener tell A from B, so a run without matching says so.
 *
 * Why N is fixed and the score is hidden until the end: the binomial p-value assumes the
 * number of trials was chosen before the first answer. A listener who may look at the score
 * and stop when it looks good ("optional stopping") finds p < 0.05 by pure guessing far more
 * often than 5 % of the time. So `results()` refuses to answer before the last trial.
 */
import { abxDPrime, binomialPValue } from './statistics.ts';
import { cryptoRandom, type RandomSource } from './random.ts';

export type AbxSide = 'A' | 'B';
export type AbxButton = AbxSide | 'X';

export const ABX_TRIALS_DEFAULT = 16;
export const ABX_TRIALS_RANGE = { min: 5, max: 100 } as const;

export interface AbxConditions {
  /** What A is, e.g. "Phone → HD 600". */
  a: string;
  /** What B is, e.g. "Phone → amp → HD 600". */
  b: string;
}

export interface AbxOptions {
  /** Number of trials, fixed for the session: 5–100, default 16. */
  trials?: number;
  /** Source of randomness for the hidden X; default crypto.getRandomValues. */
  random?: RandomSource;
  /** Labels of A and B, for the export. */
  conditions?: AbxConditions;
  /** Clock in ms (default Date.now); injected by tests. */
  now?: () => number;
}

export interface AbxTrialRecord {
  /** The hidden side X was. */
  x: AbxSide;
  /** The listener's answer: "X is A" or "X is B". */
  answer: AbxSide;
  correct: boolean;
  /** Every play button pressed during the trial, in order. */
  listenedTo: AbxButton[];
  /** Time on the trial: from its first playback (or, if nothing was played, from the moment it began) to the answer. */
  ms: number;
  /** Every play in this trial was loudness-matched (ITU-R BS.1770). */
  loudnessMatched: boolean;
}

export const ABX_FORMAT = 'headroom/abx@2';

export interface AbxResults {
  /** @2 = @1 plus `loudnessMatched` (run and trials) and `summary`. */
  format: typeof ABX_FORMAT;
  conditions: AbxConditions;
  trials: AbxTrialRecord[];
  correct: number;
  n: number;
  /** One-sided exact binomial P(K ≥ correct | n, ½). */
  pValue: number;
  /** d′ of the ABX independent-observation model, 1/(2N)-corrected at 0 % and 100 %. */
  dPrime: number;
  /** ISO 8601 times of session creation and of the last answer. */
  startedAt: string;
  finishedAt: string;
  /** Every play of every trial was loudness-matched. */
  loudnessMatched: boolean;
  /** The result in one plain sentence (abxSummary). */
  summary: string;
}

/**
 * "12 of 16 right: p = 0.038; you probably hear a difference." And, for a run that was not
 * loudness-matched throughout, that it was not, since the level alone may explain a pass.
 */
export function abxSummary(correct: number, n: number, pValue: number, loudnessMatched: boolean): string {
  const p = pValue >= 0.001 ? pValue.toFixed(3) : pValue.toExponential(1);
  const reading = pValue < 0.05 ? 'you probably hear a difference' : 'no difference shown: guessing scores this well too often';
  const loudness = loudnessMatched ? '' : ' (loudness not matched: the level difference alone may explain the score)';
  return `${correct} of ${n} right: p = ${p}; ${reading}${loudness}.`;
}

export function checkTrials(trials: number): number {
  const { min, max } = ABX_TRIALS_RANGE;
  if (!Number.isInteger(trials) || trials < min || trials > max) {
    throw new RangeError(`trials must be a whole number from ${min} to ${max} (got ${trials})`);
  }
  return trials;
}

export class AbxSession {
  readonly n: number;
  readonly conditions: AbxConditions;
  readonly #hidden: readonly AbxSide[];
  readonly #records: AbxTrialRecord[] = [];
  readonly #now: () => number;
  readonly #startedAt: number;
  #trialStart: number;
  #firstPlay: number | null = null;
  #listened: AbxButton[] = [];
  #trialMatched = true;
  #finishedAt: number | null = null;

  constructor(options: AbxOptions = {}) {
    this.n = checkTrials(options.trials ?? ABX_TRIALS_DEFAULT);
    this.conditions = { a: options.conditions?.a ?? 'A', b: options.conditions?.b ?? 'B' };
    this.#now = options.now ?? Date.now;
    // One 32-bit word per trial; its top bit picks the side (the top bit is the best-mixed
    // one of simple generators, and every bit of the crypto source is uniform).
    const words = (options.random ?? cryptoRandom)(new Uint32Array(this.n));
    this.#hidden = Array.from(words, (w) => ((w >>> 31) === 0 ? 'A' : 'B'));
    this.#startedAt = this.#now();
    this.#trialStart = this.#startedAt;
  }

  /** Index (0-based) of the trial awaiting an answer; equals n when the session is finished. */
  get currentTrial(): number {
    return this.#records.length;
  }

  get answered(): number {
    return this.#records.length;
  }

  get finished(): boolean {
    return this.#records.length === this.n;
  }

  /**
   * The listener presses a play button in the current trial: returns the side to hear
   * (X resolved to its hidden side) and records the press, and whether loudness was matched.
   */
  listen(button: AbxButton, loudnessMatched = true): AbxSide {
    if (button !== 'A' && button !== 'B' && button !== 'X') throw new TypeError(`button must be 'A', 'B' or 'X' (got ${String(button)})`);
    this.#assertOpen('listen');
    if (this.#firstPlay === null) this.#firstPlay = this.#now();
    this.#listened.push(button);
    this.#trialMatched &&= loudnessMatched;
    return button === 'X' ? this.#hidden[this.currentTrial]! : button;
  }

  /**
   * Records the answer to trial `trial` (0-based; default the current one). Answers must come
   * in order: answering another trial than the current one, or any after the last, throws.
   */
  answer(choice: AbxSide, trial: number = this.currentTrial): void {
    if (choice !== 'A' && choice !== 'B') throw new TypeError(`answer must be 'A' or 'B' (got ${String(choice)})`);
    this.#assertOpen('answer');
    if (trial !== this.currentTrial) {
      throw new Error(`ABX answers go in order: trial ${trial + 1} was answered, but trial ${this.currentTrial + 1} of ${this.n} is the next to answer`);
    }
    const now = this.#now();
    const x = this.#hidden[trial]!;
    this.#records.push({ x, answer: choice, correct: x === choice, listenedTo: this.#listened, ms: now - (this.#firstPlay ?? this.#trialStart), loudnessMatched: this.#trialMatched });
    this.#listened = [];
    this.#trialMatched = true;
    this.#firstPlay = null;
    this.#trialStart = now;
    if (this.finished) this.#finishedAt = now;
  }

  /** The results; only once every trial is answered (no peeking: see the module comment). */
  results(): AbxResults {
    if (this.#finishedAt === null) {
      throw new Error(`The ABX results are sealed until all ${this.n} trials are answered (${this.answered} so far): looking early and stopping when it looks good inflates false positives`);
    }
    const trials = this.#records.map((r) => ({ ...r, listenedTo: [...r.listenedTo] }));
    const correct = trials.filter((t) => t.correct).length;
    const pValue = binomialPValue(correct, this.n);
    const loudnessMatched = trials.every((t) => t.loudnessMatched);
    return {
      format: ABX_FORMAT,
      conditions: { ...this.conditions },
      trials,
      correct,
      n: this.n,
      pValue,
      dPrime: abxDPrime(correct, this.n),
      startedAt: new Date(this.#startedAt).toISOString(),
      finishedAt: new Date(this.#finishedAt).toISOString(),
      loudnessMatched,
      summary: abxSummary(correct, this.n, pValue, loudnessMatched),
    };
  }

  #assertOpen(action: string): void {
    if (this.finished) throw new Error(`Cannot ${action}: all ${this.n} ABX trials are answered and the session is finished`);
  }
}
