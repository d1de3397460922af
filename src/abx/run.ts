/**
 * A blind ABX run as the <headroom-abx> panel shows it, as pure state: where the run is (its
 * phase), the play button last pressed in the trial, the answer shown until "Next", loudness
 * matching with its confirmation, the stretch to loop with its message, and which key does
 * what. The view renders this state and sends the events its methods return.
 *
 * The session, and with it every hidden X, sits in an ES private field: nothing outside the
 * run (the page included) can read the answer; Play X only ever yields the side to route.
 */
import { AbxSession, type AbxButton, type AbxConditions, type AbxOptions, type AbxResults, type AbxSide } from './session.ts';
import { readNumber } from '../text/typed-number.ts';

export interface LoopStretch {
  start: number;
  end: number;
}

/** What a play press asks the app to do: route `side` (X already resolved), matched or not, looping the stretch or not. */
export interface AbxListen {
  side: AbxSide;
  loudnessMatched: boolean;
  loop: LoopStretch | null;
}

/**
 * `invalid`: the trial count was refused (`setupError` says why); `listening`: the trial
 * awaits an answer; `answered`: the answer is shown until "Next"; `done`: the result is shown.
 */
export type AbxPhase = 'invalid' | 'listening' | 'answered' | 'done';

export type AbxAction = { kind: 'play'; button: AbxButton } | { kind: 'answer'; side: AbxSide } | { kind: 'next' } | { kind: 'toggle-play' };

const KEY_ACTIONS: Record<string, AbxAction> = {
  a: { kind: 'play', button: 'A' },
  b: { kind: 'play', button: 'B' },
  x: { kind: 'play', button: 'X' },
  '1': { kind: 'answer', side: 'A' },
  '2': { kind: 'answer', side: 'B' },
  n: { kind: 'next' },
  ' ': { kind: 'toggle-play' },
};

/**
 * The action of a key (`KeyboardEvent.key`, either case), or null when the key is not the
 * run's in this phase: Space plays and pauses always, the trial keys only while trials run.
 */
export function abxKeyAction(key: string, phase: AbxPhase): AbxAction | null {
  const action = KEY_ACTIONS[key.toLowerCase()] ?? null;
  if (action?.kind === 'toggle-play') return action;
  return phase === 'listening' || phase === 'answered' ? action : null;
}

/** Shortest stretch worth looping (s). */
export const MIN_LOOP_SECONDS = 0.5;

/** The stretch as typed; `error` is its message ('' when it is off or valid). */
export interface LoopDraft {
  on: boolean;
  start: string;
  end: string;
  error: string;
}

/**
 * The stretch's problem in words, or null when start and end make a stretch inside the
 * material; `duration` 0 means the length is not known (a live input), so only the start and
 * the shortest stretch are checked.
 */
export function stretchError(startText: string, endText: string, duration: number): string | null {
  const start = readNumber(startText);
  const end = readNumber(endText);
  const max = duration > 0 ? duration : Number.POSITIVE_INFINITY;
  const maxText = Number.isFinite(max) ? `${max.toFixed(1)} s, the length of the sound` : 'the length of the sound';
  if (start === null || start < 0) return `The stretch must start at a number of seconds from 0 (got ${JSON.stringify(startText)}).`;
  if (end === null || end > max || end < start + MIN_LOOP_SECONDS) {
    return `The stretch must end at least ${MIN_LOOP_SECONDS} s after it starts and at most at ${maxText} (got ${JSON.stringify(endText)}).`;
  }
  return null;
}

/** "From here": 5 s from the position, started early enough that the shortest stretch fits before the end. */
export function stretchFromHere(position: number, duration: number): { start: string; end: string } {
  const start = Math.max(0, Math.min(position, Math.max(0, duration - MIN_LOOP_SECONDS)));
  const end = duration > 0 ? Math.min(duration, start + 5) : start + 5;
  return { start: start.toFixed(1), end: end.toFixed(1) };
}

export class AbxRun {
  #session: AbxSession | null = null;
  /** The side heard last: X's hidden side after Play X, kept only to re-send it when the stretch changes. */
  #lastSide: AbxSide | null = null;
  #showResults = false;
  /** Why the trial count was refused ('' when it was not). */
  setupError = '';
  /** Loudness matching: on unless the listener confirmed turning it off. */
  matched = true;
  confirmingUnmatched = false;
  loop: LoopDraft = { on: false, start: '0', end: '5', error: '' };
  /** The button last pressed in this trial (not the side it resolved to). */
  lastPressed: AbxButton | null = null;
  /** The answer just given, shown until "Next". */
  pendingAnswer: AbxSide | null = null;

  /**
   * A new session with fresh hidden X's (a restart too): the trial state is cleared, the
   * loudness choice and the stretch stay. A refused trial count leaves the run `invalid`.
   */
  start(options: AbxOptions): void {
    this.lastPressed = null;
    this.#lastSide = null;
    this.pendingAnswer = null;
    this.#showResults = false;
    try {
      this.#session = new AbxSession(options);
      this.setupError = '';
    } catch (error) {
      this.#session = null;
      this.setupError = error instanceof Error ? error.message : String(error);
    }
  }

  get phase(): AbxPhase {
    if (this.#session === null) return 'invalid';
    if (this.#showResults) return 'done';
    return this.pendingAnswer === null ? 'listening' : 'answered';
  }

  /** No answer given yet: a new trial count or new labels may still replace the session. */
  get untouched(): boolean {
    return this.#session === null || this.#session.answered === 0;
  }

  get conditions(): AbxConditions | undefined {
    return this.#session?.conditions;
  }

  get n(): number {
    return this.#session?.n ?? 0;
  }

  get answered(): number {
    return this.#session?.answered ?? 0;
  }

  /** The trial shown (1-based): while an answer is shown, still the one just answered. */
  get trial(): number {
    return this.phase === 'answered' ? this.answered : this.answered + 1;
  }

  /** The answer shown is the last one: "Next" leads to the result. */
  get lastAnswered(): boolean {
    return this.phase === 'answered' && this.answered === this.n;
  }

  /** The stretch the app should loop, or null when looping is off or the stretch is invalid. */
  get stretch(): LoopStretch | null {
    const { on, start, end, error } = this.loop;
    return on && !error ? { start: readNumber(start)!, end: readNumber(end)! } : null;
  }

  /** A play press: what to route, or null when playing is not open (an answer is shown, or the run is over). */
  play(button: AbxButton): AbxListen | null {
    if (this.phase !== 'listening') return null;
    this.#lastSide = this.#session!.listen(button, this.matched);
    this.lastPressed = button;
    return this.#listen(this.#lastSide);
  }

  /** Records the answer; false when no answer is open. */
  answer(choice: AbxSide): boolean {
    if (this.phase !== 'listening') return false;
    this.#session!.answer(choice);
    this.pendingAnswer = choice;
    return true;
  }

  /** Goes on after an answer: to the next trial, or after the last one to the result. False when no answer is shown. */
  next(): boolean {
    if (this.phase !== 'answered') return false;
    this.pendingAnswer = null;
    this.lastPressed = null;
    this.#showResults = this.#session!.finished;
    return true;
  }

  /** The results: only in the `done` phase (the session refuses before the last answer). */
  results(): AbxResults {
    if (this.#session === null) throw new Error(`No ABX session: ${this.setupError}`);
    return this.#session.results();
  }

  /**
   * The match box ticked or unticked. Ticking matches at once; unticking only asks to confirm,
   * because a level difference alone gives the answer away. True when the change took effect.
   */
  tickMatch(checked: boolean): boolean {
    if (checked) this.setMatched(true);
    else this.confirmingUnmatched = true;
    return checked;
  }

  /** Matching set by the listener (turning it off is the confirmation); the question, if open, closes. */
  setMatched(matched: boolean): void {
    this.matched = matched;
    this.confirmingUnmatched = false;
  }

  /**
   * A change to the stretch, checked against the sound's length. Returns the listen to send
   * again so a playing sound takes the change at once: only for a valid change in an open
   * trial where something was played.
   */
  setLoop(change: Partial<Omit<LoopDraft, 'error'>>, duration: number): AbxListen | null {
    const next = { ...this.loop, ...change };
    this.loop = { ...next, error: next.on ? (stretchError(next.start, next.end, duration) ?? '') : '' };
    const open = this.#session !== null && !this.#session.finished;
    return !this.loop.error && open && this.#lastSide ? this.#listen(this.#lastSide) : null;
  }

  #listen(side: AbxSide): AbxListen {
    return { side, loudnessMatched: this.matched, loop: this.stretch };
  }
}
