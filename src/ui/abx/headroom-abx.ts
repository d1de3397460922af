/**
 * <headroom-abx>: a blind ABX test between two conditions the app routes live.
 *
 * Properties down: `labelA`, `labelB` (what A and B are), `trials` (N, 5–100, default 16),
 * `playing`, `position` and `duration` (the transport), `loudnessOffsetDb` (the BS.1770
 * offset the app's loudness match applies, null while measuring).
 * Events up:
 * - `abx-listen` `{ side, loudnessMatched, loop }` on every play press: the side the app must
 *   route now, and start playing from the current position if it is not (as foobar2000's ABX
 *   does); loudness matched or not; the stretch to loop (seconds) or null. For "Play X" it
 *   carries X's hidden side, so the app only switches audio; nothing in the event says that X
 *   was pressed, and the page must never show the side (the app's own A/B indicator should be
 *   hidden while an ABX run is open).
 * - `abx-loudness` `{ matched }`: matching is on by default, because a level difference alone
 *   gives the answer away; turning it off asks to confirm, and the result then says so.
 * - `transport-play` `{ playing }`: Pause/Play and Space inside the section.
 * - `abx-complete` `{ results }` once the last trial is answered.
 *
 * The session (src/abx) is private state, in an ES private field the page cannot reach. The
 * score is not in the DOM until every trial is answered: N is fixed in advance because looking
 * at a running score and stopping when it looks good inflates false positives.
 *
 * Keyboard (while focus is inside the component): A, B, X play; Space pauses and plays (Enter
 * presses a focused button); 1 answers "X is A", 2 "X is B"; N goes to the next trial. Handled keys do not propagate, so the page's own A/B shortcuts
 * do not also switch the audio.
 */
import { isTyping } from '../typing-guard.ts';
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  ABX_TRIALS_DEFAULT,
  AbxSession,
  abxResultsToCsv,
  abxResultsToJson,
  type AbxButton,
  type AbxResults,
  type AbxSide,
} from '../../abx/index.ts';
import { number, signed } from '../../text/format.ts';
import { numberInput } from '../number-field.ts';
import { readNumber } from '../../text/typed-number.ts';
import { formatPercent, formatPValue } from '../../text/abx-format.ts';
import { download } from '../download.ts';
import { baseStyles, cardSurface, controlStyles, keyCapStyles, smallCaps } from '../styles.ts';
import { emit } from '../emit.ts';

export interface LoopStretch {
  start: number;
  end: number;
}

declare global {
  interface HTMLElementTagNameMap {
    'headroom-abx': HeadroomAbx;
  }
}

/** Shortest stretch worth looping (s). */
const MIN_LOOP_SECONDS = 0.5;

const BUTTON_KEYS: Record<string, AbxButton> = { a: 'A', b: 'B', x: 'X' };
const ANSWER_KEYS: Record<string, AbxSide> = { '1': 'A', '2': 'B' };

@customElement('headroom-abx')
export class HeadroomAbx extends LitElement {
  static override styles = [
    baseStyles,
    controlStyles,
    keyCapStyles,
    css`
      :host {
        display: block;
      }
      section {
        display: grid;
        gap: 1rem;
        ${cardSurface}
        padding: clamp(0.8rem, 3vw, 1.25rem);
        min-width: 0;
      }
      h2 {
        font-size: 1.2rem;
        margin: 0;
      }
      h3 {
        ${smallCaps}
        margin: 0 0 0.4rem;
      }
      p {
        margin: 0;
      }
      dl.conditions {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.2rem 0.6rem;
        margin: 0;
      }
      dl.conditions dt {
        font-weight: 700;
      }
      dl.conditions dd {
        margin: 0;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .progress {
        display: grid;
        gap: 0.35rem;
        font-weight: 600;
      }
      progress {
        width: 100%;
        height: 0.5rem;
        accent-color: var(--_accent);
      }
      .buttons {
        display: grid;
        gap: 0.5rem;
        grid-template-columns: repeat(auto-fit, minmax(5.75rem, 1fr));
      }
      /* controlStyles' button, larger and on the grey of the section, for the answers. */
      button {
        background: var(--_surface-2);
        border-width: 2px;
        padding: 0.55rem 0.7rem;
        min-height: 2.75rem;
        display: inline-flex;
        align-items: center;
        justify-content: center;
        gap: 0.45rem;
        min-width: 0;
        white-space: nowrap;
      }
      button:hover:not(:disabled) {
        border-color: var(--_accent);
      }
      button[aria-pressed='true'] {
        font-weight: 650;
      }
      kbd {
        font-size: 0.75rem;
      }
      .recorded {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem;
        align-items: center;
      }
      .note {
        font-size: 0.9rem;
        color: var(--_muted);
        border-left: 3px solid var(--_border);
        padding-left: 0.7rem;
      }
      .error {
        color: var(--_bad);
        background: var(--_bad-bg);
        border-radius: 8px;
        padding: 0.6rem 0.8rem;
      }
      .score {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(7rem, 1fr));
        gap: 0.6rem;
        margin: 0;
      }
      .score div {
        background: var(--_surface-2);
        border-radius: 8px;
        padding: 0.5rem 0.7rem;
      }
      .score dt {
        font-size: 0.8rem;
        color: var(--_muted);
      }
      .score dd {
        margin: 0;
        font-size: 1.35rem;
        font-weight: 700;
      }
      .verdict {
        border-radius: 8px;
        padding: 0.7rem 0.9rem;
      }
      .verdict.heard {
        background: var(--_good-bg);
        color: var(--_good);
      }
      .verdict.not-shown {
        background: var(--_warn-bg);
        color: var(--_warn);
      }
      .verdict strong {
        display: block;
        margin-bottom: 0.2rem;
      }
      [tabindex='-1']:focus {
        outline: none;
      }
      .loudness,
      .stretch {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 0.8rem;
        align-items: center;
      }
      .loudness label,
      .stretch label {
        display: flex;
        gap: 0.45rem;
        align-items: center;
      }
      .stretch {
        margin-top: 0.6rem;
        font-size: 0.92rem;
      }
      .stretch input.field {
        width: 4.5rem;
        outline-offset: 1px;
      }
      .stretch button {
        min-height: 2.25rem;
        padding: 0.3rem 0.7rem;
      }
      .stretch .error {
        flex-basis: 100%;
        margin: 0;
      }
      .confirm {
        flex-basis: 100%;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        border: 2px solid var(--_warn);
        background: var(--_warn-bg);
        border-radius: 8px;
        padding: 0.6rem 0.8rem;
      }
      .confirm p {
        flex-basis: 100%;
      }
      .summary {
        font-size: 1.15rem;
        font-weight: 650;
        margin: 0 0 0.6rem;
      }
    `,
  ];

  /** What A is (shown, and written into the export). */
  @property({ attribute: 'label-a' }) labelA = 'A';

  /** What B is. */
  @property({ attribute: 'label-b' }) labelB = 'B';

  /** Number of trials, fixed for a run: 5–100. A change applies at once before the first answer, otherwise at the next restart. */
  @property({ type: Number }) trials = ABX_TRIALS_DEFAULT;

  @property({ type: Boolean }) playing = false;
  /** Transport position and length (s), for the stretch to loop. */
  @property({ type: Number }) position = 0;
  @property({ type: Number }) duration = 0;
  /** The offset the loudness match applies to B (dB), null while it is measured. */
  @property({ attribute: false }) loudnessOffsetDb: number | null = null;

  /** Loudness matching for the test: on unless the listener confirmed turning it off. */
  @state() private matched = true;
  @state() private confirmingUnmatched = false;
  @state() private loop = { on: false, start: '0', end: '5', error: '' };

  /** Bumped on every session change, so Lit re-renders; the session itself is not reactive state. */
  @state() private revision = 0;

  /** The button last pressed in this trial (not the side it resolved to). */
  @state() private lastPressed: AbxButton | null = null;

  /** The last answer, shown between the answer and "Next trial". */
  @state() private pendingAnswer: AbxSide | null = null;

  /** True once the listener has asked for the results after the last answer. */
  @state() private showResults = false;

  @state() private setupError = '';

  #session: AbxSession | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onKeyDown);
    this.addEventListener('keyup', this.onKeyUp);
  }

  override disconnectedCallback(): void {
    this.removeEventListener('keydown', this.onKeyDown);
    this.removeEventListener('keyup', this.onKeyUp);
    super.disconnectedCallback();
  }

  /** A focused button would also be pressed by Space's keyup: Space belongs to play/pause here. */
  private readonly onKeyUp = (event: KeyboardEvent): void => {
    if (event.key === ' ' && event.composedPath()[0] instanceof HTMLButtonElement) event.preventDefault();
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    const untouched = this.#session === null || this.#session.answered === 0;
    if (this.#session === null || (untouched && (changed.has('trials') || changed.has('labelA') || changed.has('labelB')))) {
      this.newSession();
    }
  }

  /** Starts over: a new session with fresh hidden X's (also the Restart button). */
  restart(): void {
    this.newSession();
    void this.updateComplete.then(() => this.focusFirst());
  }

  private newSession(): void {
    this.lastPressed = null;
    this.lastSide = null;
    this.pendingAnswer = null;
    this.showResults = false;
    try {
      this.#session = new AbxSession({
        trials: this.trials,
        conditions: { a: this.labelA, b: this.labelB },
      });
      this.setupError = '';
    } catch (error) {
      this.#session = null;
      this.setupError = error instanceof Error ? error.message : String(error);
    }
    this.revision++;
  }

  override render(): TemplateResult {
    const session = this.#session;
    return html`<section aria-labelledby="abx-title">
      <h2 id="abx-title">Blind ABX</h2>
      <dl class="conditions">
        <dt>A</dt>
        <dd>${session?.conditions.a ?? this.labelA}</dd>
        <dt>B</dt>
        <dd>${session?.conditions.b ?? this.labelB}</dd>
      </dl>
      ${session === null
        ? html`<p class="error" role="alert" data-testid="abx-error">${this.setupError}</p>`
        : this.showResults
          ? this.renderResults(session.results())
          : this.renderTrial(session)}
    </section>`;
  }

  /** Loudness: matched by default, with the offset; turning it off asks first. */
  private renderLoudness(): TemplateResult {
    const offset = this.loudnessOffsetDb;
    return html`<div class="loudness" data-testid="abx-loudness">
      <label>
        <input type="checkbox" data-testid="abx-match" .checked=${this.matched} @change=${this.onMatchChange} />
        Match loudness (ITU-R BS.1770, measured on what plays)
      </label>
      <span class="num muted" role="status" data-testid="abx-offset">
        ${this.matched
          ? offset === null || !Number.isFinite(offset)
            ? 'B’s offset: measured once it plays'
            : `B’s offset: ${signed(offset)} dB`
          : 'not matched: a level difference can give the answer away'}
      </span>
      ${this.confirmingUnmatched
        ? html`<div class="confirm" role="alertdialog" aria-labelledby="abx-confirm-text">
            <p id="abx-confirm-text">
              Without matching, A and B play as loud as physics makes them, and a listener can pick X by loudness alone. The
              result will say “loudness not matched”. Turn matching off?
            </p>
            <button type="button" data-action="confirm-unmatched" @click=${() => this.setMatched(false)}>Turn matching off</button>
            <button type="button" class="primary" data-action="keep-matched" @click=${() => (this.confirmingUnmatched = false)}>Keep it matched</button>
          </div>`
        : nothing}
    </div>`;
  }

  private onMatchChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (input.checked) {
      this.setMatched(true);
      return;
    }
    // Not yet: the box stays ticked until the listener confirms.
    input.checked = true;
    this.confirmingUnmatched = true;
  }

  private setMatched(matched: boolean): void {
    this.matched = matched;
    this.confirmingUnmatched = false;
    emit(this, 'abx-loudness', { matched });
  }

  /** A stretch to loop for short comparisons, as foobar2000's ABX has. */
  private renderLoop(): TemplateResult {
    const loop = this.loop;
    return html`<div class="stretch">
      <label>
        <input type="checkbox" data-testid="abx-loop" .checked=${loop.on} @change=${(e: Event) => this.setLoop({ on: (e.target as HTMLInputElement).checked })} />
        Loop a stretch from
      </label>
      ${numberInput({ class: 'field', label: 'Loop from (seconds)', testid: 'abx-loop-start', value: loop.start, onInput: (start) => this.setLoop({ start }) })}
      <span>to</span>
      ${numberInput({ class: 'field', label: 'Loop to (seconds)', testid: 'abx-loop-end', value: loop.end, onInput: (end) => this.setLoop({ end }) })}
      <span>s</span>
      <button type="button" data-action="loop-here" @click=${this.loopHere}>From here</button>
      ${loop.error ? html`<p class="error" role="alert" data-testid="abx-loop-error">${loop.error}</p>` : nothing}
    </div>`;
  }

  private readonly loopHere = (): void => {
    const start = Math.max(0, Math.min(this.position, Math.max(0, this.duration - MIN_LOOP_SECONDS)));
    const end = this.duration > 0 ? Math.min(this.duration, start + 5) : start + 5;
    this.setLoop({ on: true, start: start.toFixed(1), end: end.toFixed(1) });
  };

  private setLoop(change: Partial<{ on: boolean; start: string; end: string }>): void {
    const next = { ...this.loop, ...change };
    this.loop = { ...next, error: next.on ? (this.stretchError(next.start, next.end) ?? '') : '' };
    // A valid change while playing applies at once.
    if (this.playing && !this.loop.error && this.#session && !this.#session.finished && this.lastSide) this.emitListen(this.lastSide);
  }

  /** The stretch's problem in words, or null when start and end make a stretch inside the material. */
  private stretchError(startText: string, endText: string): string | null {
    const start = readNumber(startText);
    const end = readNumber(endText);
    const max = this.duration > 0 ? this.duration : Number.POSITIVE_INFINITY;
    const maxText = Number.isFinite(max) ? `${max.toFixed(1)} s, the length of the sound` : 'the length of the sound';
    if (start === null || start < 0) return `The stretch must start at a number of seconds from 0 (got ${JSON.stringify(startText)}).`;
    if (end === null || end > max || end < start + MIN_LOOP_SECONDS) {
      return `The stretch must end at least ${MIN_LOOP_SECONDS} s after it starts and at most at ${maxText} (got ${JSON.stringify(endText)}).`;
    }
    return null;
  }

  private get stretch(): LoopStretch | null {
    const { on, start, end, error } = this.loop;
    return on && !error ? { start: readNumber(start)!, end: readNumber(end)! } : null;
  }

  private renderTrial(session: AbxSession): TemplateResult {
    const waiting = this.pendingAnswer !== null;
    // During the pause after an answer the trial shown is still the one just answered.
    const trialNumber = waiting ? session.answered : session.currentTrial + 1;
    const last = waiting && session.finished;
    return html`
      <p class="muted">
        X is either A or B, chosen at random for each trial. Listen to A, B and X as often as you like, then say
        which one X is.
      </p>
      <div class="progress">
        <span aria-live="polite" aria-atomic="true" data-testid="progress">Trial ${trialNumber} of ${session.n}</span>
        <progress max=${session.n} .value=${session.answered} aria-label="Trials answered">${session.answered} of ${session.n} answered</progress>
      </div>
      ${this.renderLoudness()}
      <div>
        <h3 id="abx-listen">Listen</h3>
        <div class="buttons" role="group" aria-labelledby="abx-listen">
          ${(['A', 'B', 'X'] as const).map(
            (button) => html`<button
              type="button"
              data-action="play-${button.toLowerCase()}"
              aria-pressed=${this.lastPressed === button ? 'true' : 'false'}
              aria-keyshortcuts=${button}
              ?disabled=${waiting}
              @click=${() => this.play(button)}
            >
              Play ${button} <kbd aria-hidden="true">${button}</kbd>
            </button>`,
          )}
          <button type="button" data-action="pause" aria-keyshortcuts="Space" @click=${this.togglePlaying}>
            ${this.playing ? 'Pause' : 'Resume'} <kbd aria-hidden="true">Space</kbd>
          </button>
        </div>
        ${this.renderLoop()}
      </div>
      <div>
        <h3 id="abx-answer">Answer</h3>
        ${waiting
          ? html`<div class="recorded">
              <span role="status">Answer recorded: X is ${this.pendingAnswer}.</span>
              <button type="button" class="primary" data-action="next" aria-keyshortcuts="N" @click=${this.next}>
                ${last ? 'See the result' : 'Next trial'} <kbd aria-hidden="true">N</kbd>
              </button>
            </div>`
          : html`<div class="buttons" role="group" aria-labelledby="abx-answer">
              <button type="button" data-action="answer-a" aria-keyshortcuts="1" @click=${() => this.answer('A')}>
                X is A <kbd aria-hidden="true">1</kbd>
              </button>
              <button type="button" data-action="answer-b" aria-keyshortcuts="2" @click=${() => this.answer('B')}>
                X is B <kbd aria-hidden="true">2</kbd>
              </button>
            </div>`}
      </div>
      <p class="note" data-testid="peeking-note">
        The score stays hidden until all ${session.n} trials are done. The number of trials is fixed in advance because
        peeking at a running score and stopping when it looks good makes a lucky streak look like real hearing: with
        early stopping, pure guessing “passes” far more often than the 5&nbsp;% the test promises.
      </p>
      <p class="muted visually-hidden">Keyboard: A, B and X play; Space pauses and plays; 1 answers X is A, 2 answers X is B; N goes on.</p>
    `;
  }

  private renderResults(results: AbxResults): TemplateResult {
    const heard = results.pValue < 0.05;
    const percent = formatPercent(results.pValue);
    return html`<div data-testid="abx-result" role="region" aria-labelledby="abx-result-title" tabindex="-1">
        <h3 id="abx-result-title">Result</h3>
        <p class="summary ${heard ? 'heard' : 'not-shown'}" data-testid="abx-summary">${results.summary}</p>
        <dl class="score">
          <div>
            <dt>Correct</dt>
            <dd class="num" data-testid="score">${results.correct}/${results.n}</dd>
          </div>
          <div>
            <dt>p-value (one-sided)</dt>
            <dd class="num" data-testid="p-value">p = ${formatPValue(results.pValue)}</dd>
          </div>
          <div>
            <dt>d′ (sensitivity)</dt>
            <dd class="num" data-testid="d-prime">${number(results.dPrime, 2)}</dd>
          </div>
        </dl>
      </div>
      ${results.loudnessMatched
        ? nothing
        : html`<p class="error" data-testid="abx-unmatched">
            Loudness not matched: A and B played at different levels in some trials, so the score may come from the level
            difference alone, not from what the setups do to the sound.
          </p>`}
      <p class="verdict ${heard ? 'heard' : 'not-shown'}" data-testid="verdict">
        ${heard
          ? html`<strong>You heard a difference.</strong> Guessing alone gets ${results.correct} or more of ${results.n}
              right only ${percent} of the time, below the 5&nbsp;% limit (p&nbsp;&lt;&nbsp;0.05).`
          : html`<strong>No difference shown.</strong> Guessing alone gets ${results.correct} or more of ${results.n}
              right ${percent} of the time, which is not below the 5&nbsp;% limit (p&nbsp;≥&nbsp;0.05). This does not prove
              there is no difference: a small one needs more trials to show.`}
      </p>
      <p class="muted">
        d′ measures how well A and B were told apart: 0 is guessing, about 1 a slight difference, 2 clear, 3 and more
        obvious (ABX independent-observation model; a perfect or zero score is counted as half a trial off, as usual).
      </p>
      <div class="buttons">
        <button type="button" data-action="export-json" @click=${() => this.exportFile('json')}>Export JSON</button>
        <button type="button" data-action="export-csv" @click=${() => this.exportFile('csv')}>Export CSV</button>
        <button type="button" class="primary" data-action="restart" @click=${() => this.restart()}>Start again</button>
      </div>`;
  }

  private play(button: AbxButton): void {
    const session = this.#session;
    if (!session || session.finished || this.pendingAnswer !== null) return;
    const side = session.listen(button, this.matched);
    this.lastPressed = button;
    this.lastSide = side;
    this.emitListen(side);
  }

  /** The side heard last (hidden for X: kept here only to re-send it when the stretch changes). */
  private lastSide: AbxSide | null = null;

  private emitListen(side: AbxSide): void {
    emit(this, 'abx-listen', { side, loudnessMatched: this.matched, loop: this.stretch });
  }

  private readonly togglePlaying = (): void => {
    emit(this, 'transport-play', { playing: !this.playing });
  };

  private answer(choice: AbxSide): void {
    const session = this.#session;
    if (!session || session.finished || this.pendingAnswer !== null) return;
    session.answer(choice);
    this.pendingAnswer = choice;
    this.revision++;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('[data-action="next"]')?.focus());
  }

  private next(): void {
    const session = this.#session;
    if (!session || this.pendingAnswer === null) return;
    this.pendingAnswer = null;
    this.lastPressed = null;
    if (session.finished) {
      this.showResults = true;
      emit(this, 'abx-complete', { results: session.results() });
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-testid="abx-result"]')?.focus());
    } else {
      void this.updateComplete.then(() => this.focusFirst());
    }
  }

  private focusFirst(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('[data-action="play-a"]')?.focus();
  }

  private exportFile(kind: 'json' | 'csv'): void {
    const session = this.#session;
    if (!session?.finished) return;
    const results = session.results();
    const text = kind === 'json' ? abxResultsToJson(results) : abxResultsToCsv(results);
    const type = kind === 'json' ? 'application/json' : 'text/csv';
    const stamp = results.startedAt.replace(/[:.]/g, '-');
    download(new Blob([text], { type }), `headroom-abx-${stamp}.${kind}`);
  }

  private onKeyDown = (event: KeyboardEvent): void => {
    if (event.repeat || isTyping(event)) return;
    const key = event.key.toLowerCase();
    const session = this.#session;
    if (key === ' ') {
      // Space plays and pauses anywhere in the section, on a focused button too (Enter presses buttons).
      this.togglePlaying();
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    if (!session || this.showResults) return;
    const button = BUTTON_KEYS[key];
    const answer = ANSWER_KEYS[key];
    if (button) this.play(button);
    else if (answer) this.answer(answer);
    else if (key === 'n') this.next();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
}
