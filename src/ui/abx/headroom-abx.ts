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
 * The run (src/abx/run.ts: the phase, the last press, loudness, the stretch, the keys) holds
 * the session in an ES private field the page cannot reach; this view renders it. The score is
 * not in the DOM until every trial is answered: N is fixed in advance because looking at a
 * running score and stopping when it looks good inflates false positives.
 *
 * Keyboard (while focus is inside the component): A, B, X play; Space pauses and plays (Enter
 * presses a focused button); 1 answers "X is A", 2 "X is B"; N goes to the next trial. Handled
 * keys do not propagate, so the page's own A/B shortcuts do not also switch the audio.
 */
import { isTyping } from '../typing-guard.ts';
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ABX_TRIALS_DEFAULT, AbxRun, abxFigures, abxKeyAction, abxResultsFile, abxVerdict, loudnessNote, stretchFromHere } from '../../abx/index.ts';
import type { AbxAction, AbxResults, LoopDraft } from '../../abx/index.ts';
import { numberInput } from '../number-field.ts';
import { download } from '../download.ts';
import { baseStyles, cardSurface, controlStyles, keyCapStyles, smallCaps } from '../styles.ts';
import { emit } from '../emit.ts';

export type { LoopStretch } from '../../abx/index.ts';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-abx': HeadroomAbx;
  }
}

/** A button with its key shortcut, named for assistive technology and shown as a key cap. */
function keyButton(action: string, label: string, key: string, onClick: () => void, o: { pressed?: boolean; disabled?: boolean; primary?: boolean } = {}): TemplateResult {
  return html`<button type="button" class=${o.primary ? 'primary' : nothing} data-action=${action} aria-pressed=${o.pressed ?? nothing}
    aria-keyshortcuts=${key} ?disabled=${o.disabled} @click=${onClick}>${label} <kbd aria-hidden="true">${key}</kbd></button>`;
}

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
      }
      h2 {
        font-size: 1.2rem;
        margin: 0;
      }
      h3 {
        ${smallCaps}
        margin: 0 0 0.4rem;
      }
      p,
      dl,
      dd {
        margin: 0;
      }
      .conditions {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.2rem 0.6rem;
      }
      .conditions dt {
        font-weight: 700;
      }
      .conditions dd {
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
      /* Flex, not a grid of equal columns: a button never gets narrower than its label and key
         cap ("Resume Space" overflowed a 5.75rem column on a phone). */
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .buttons > button {
        flex: 1 1 5.75rem;
      }
      /* controlStyles' button, a finger's height for the answers on a phone, its key cap beside the label. */
      button {
        min-height: 2.75rem;
        display: inline-flex;
        align-items: center;
        justify-content: center;
        gap: 0.45rem;
        white-space: nowrap;
      }
      .row,
      .row label {
        display: flex;
        gap: 0.4rem 0.8rem;
        align-items: center;
      }
      .row {
        flex-wrap: wrap;
      }
      .row label {
        gap: 0.45rem;
      }
      .stretch {
        margin-top: 0.6rem;
        font-size: 0.92rem;
      }
      .stretch input.field {
        width: 4.5rem;
      }
      .note {
        font-size: 0.9rem;
        color: var(--_muted);
        border-left: 3px solid var(--_border);
        padding-left: 0.7rem;
      }
      /* A boxed message: an error, the question before matching is turned off, the verdict. */
      .error,
      .confirm,
      .verdict {
        border-radius: 8px;
        padding: 0.6rem 0.8rem;
      }
      .error {
        color: var(--_bad);
        background: var(--_bad-bg);
      }
      .row .error,
      .confirm,
      .confirm p {
        flex-basis: 100%;
      }
      .confirm {
        border: 2px solid var(--_warn);
        background: var(--_warn-bg);
      }
      .score {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(7rem, 1fr));
        gap: 0.6rem;
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
        font-size: 1.35rem;
        font-weight: 700;
      }
      .heard {
        background: var(--_good-bg);
        color: var(--_good);
      }
      .not-shown {
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
      .summary {
        font-size: 1.15rem;
        font-weight: 650;
        margin-bottom: 0.6rem;
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

  /** Not reactive: every action on it asks for an update. */
  readonly #run = new AbxRun();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.#run.phase === 'invalid' || (this.#run.untouched && (changed.has('trials') || changed.has('labelA') || changed.has('labelB')))) {
      this.#start();
    }
  }

  /** Starts over: a new session with fresh hidden X's (also the Start again button). */
  restart(): void {
    this.#start();
    this.#focusAfterUpdate('[data-action="play-a"]');
  }

  #start(): void {
    this.#run.start({ trials: this.trials, conditions: { a: this.labelA, b: this.labelB } });
  }

  /** Asks for a render, then moves the focus to what it drew. */
  #focusAfterUpdate(selector: string): void {
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  private act(action: AbxAction): void {
    const run = this.#run;
    this.requestUpdate();
    if (action.kind === 'toggle-play') emit(this, 'transport-play', { playing: !this.playing });
    else if (action.kind === 'play') {
      const listen = run.play(action.button);
      if (listen) emit(this, 'abx-listen', listen);
    } else if (action.kind === 'answer') {
      if (run.answer(action.side)) this.#focusAfterUpdate('[data-action="next"]');
    } else if (run.next()) {
      if (run.phase === 'done') emit(this, 'abx-complete', { results: run.results() });
      this.#focusAfterUpdate(run.phase === 'done' ? '[data-testid="abx-result"]' : '[data-action="play-a"]');
    }
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.repeat || isTyping(event)) return;
    const action = abxKeyAction(event.key, this.#run.phase);
    if (!action) return;
    this.act(action);
    event.preventDefault();
    event.stopPropagation();
  };

  /** A focused button would also be pressed by Space's keyup: Space belongs to play/pause here. */
  private readonly onKeyUp = (event: KeyboardEvent): void => {
    if (event.key === ' ' && event.composedPath()[0] instanceof HTMLButtonElement) event.preventDefault();
  };

  private onMatchChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (this.#run.tickMatch(input.checked)) emit(this, 'abx-loudness', { matched: true });
    // Not yet: the box stays ticked until the listener confirms.
    else input.checked = true;
    this.requestUpdate();
  }

  /** The answer to "Turn matching off?": only turning it off is news to the app. */
  private confirmUnmatched(off: boolean): void {
    this.#run.setMatched(!off);
    this.requestUpdate();
    if (off) emit(this, 'abx-loudness', { matched: false });
  }

  private setLoop(change: Partial<Omit<LoopDraft, 'error'>>): void {
    const listen = this.#run.setLoop(change, this.duration);
    this.requestUpdate();
    // A valid change while playing applies at once.
    if (listen && this.playing) emit(this, 'abx-listen', listen);
  }

  private exportFile(kind: 'json' | 'csv'): void {
    const file = abxResultsFile(this.#run.results(), kind);
    download(new Blob([file.text], { type: file.type }), file.name);
  }

  override render(): TemplateResult {
    const run = this.#run;
    return html`<section aria-labelledby="abx-title" @keydown=${this.onKeyDown} @keyup=${this.onKeyUp}>
      <h2 id="abx-title">Blind ABX</h2>
      <dl class="conditions">
        <dt>A</dt>
        <dd>${run.conditions?.a ?? this.labelA}</dd>
        <dt>B</dt>
        <dd>${run.conditions?.b ?? this.labelB}</dd>
      </dl>
      ${run.phase === 'invalid'
        ? html`<p class="error" role="alert" data-testid="abx-error">${run.setupError}</p>`
        : run.phase === 'done'
          ? this.renderResults(run.results())
          : this.renderTrial(run)}
    </section>`;
  }

  /** Loudness: matched by default, with the offset; turning it off asks first. */
  private renderLoudness(run: AbxRun): TemplateResult {
    return html`<div class="row" data-testid="abx-loudness">
      <label>
        <input type="checkbox" data-testid="abx-match" .checked=${run.matched} @change=${this.onMatchChange} />
        Match loudness (ITU-R BS.1770, measured on what plays)
      </label>
      <span class="num muted" role="status" data-testid="abx-offset">${loudnessNote(run.matched, this.loudnessOffsetDb)}</span>
      ${run.confirmingUnmatched
        ? html`<div class="row confirm" role="alertdialog" aria-labelledby="abx-confirm-text">
            <p id="abx-confirm-text">
              Without matching, A and B play as loud as physics makes them, and a listener can pick X by loudness alone. The
              result will say “loudness not matched”. Turn matching off?
            </p>
            <button type="button" data-action="confirm-unmatched" @click=${() => this.confirmUnmatched(true)}>Turn matching off</button>
            <button type="button" class="primary" data-action="keep-matched" @click=${() => this.confirmUnmatched(false)}>Keep it matched</button>
          </div>`
        : nothing}
    </div>`;
  }

  /** A stretch to loop for short comparisons, as foobar2000's ABX has. */
  private renderLoop({ loop }: AbxRun): TemplateResult {
    return html`<div class="row stretch">
      <label>
        <input type="checkbox" data-testid="abx-loop" .checked=${loop.on} @change=${(e: Event) => this.setLoop({ on: (e.target as HTMLInputElement).checked })} />
        Loop a stretch from
      </label>
      ${numberInput({ class: 'field', label: 'Loop from (seconds)', testid: 'abx-loop-start', value: loop.start, onInput: (start) => this.setLoop({ start }) })}
      <span>to</span>
      ${numberInput({ class: 'field', label: 'Loop to (seconds)', testid: 'abx-loop-end', value: loop.end, onInput: (end) => this.setLoop({ end }) })}
      <span>s</span>
      <button type="button" data-action="loop-here" @click=${() => this.setLoop({ on: true, ...stretchFromHere(this.position, this.duration) })}>From here</button>
      ${loop.error ? html`<p class="error" role="alert" data-testid="abx-loop-error">${loop.error}</p>` : nothing}
    </div>`;
  }

  private renderTrial(run: AbxRun): TemplateResult {
    const waiting = run.phase === 'answered';
    return html`
      <p class="muted">
        X is either A or B, chosen at random for each trial. Listen to A, B and X as often as you like, then say
        which one X is.
      </p>
      <div class="progress">
        <span aria-live="polite" aria-atomic="true" data-testid="progress">Trial ${run.trial} of ${run.n}</span>
        <progress max=${run.n} .value=${run.answered} aria-label="Trials answered">${run.answered} of ${run.n} answered</progress>
      </div>
      ${this.renderLoudness(run)}
      <div>
        <h3 id="abx-listen">Listen</h3>
        <div class="buttons" role="group" aria-labelledby="abx-listen">
          ${(['A', 'B', 'X'] as const).map((button) =>
            keyButton(`play-${button.toLowerCase()}`, `Play ${button}`, button, () => this.act({ kind: 'play', button }), { pressed: run.lastPressed === button, disabled: waiting }),
          )}
          ${keyButton('pause', this.playing ? 'Pause' : 'Resume', 'Space', () => this.act({ kind: 'toggle-play' }))}
        </div>
        ${this.renderLoop(run)}
      </div>
      <div>
        <h3 id="abx-answer">Answer</h3>
        ${waiting
          ? html`<div class="row">
              <span role="status">Answer recorded: X is ${run.pendingAnswer}.</span>
              ${keyButton('next', run.lastAnswered ? 'See the result' : 'Next trial', 'N', () => this.act({ kind: 'next' }), { primary: true })}
            </div>`
          : html`<div class="buttons" role="group" aria-labelledby="abx-answer">
              ${(['A', 'B'] as const).map((side, i) => keyButton(`answer-${side.toLowerCase()}`, `X is ${side}`, String(i + 1), () => this.act({ kind: 'answer', side })))}
            </div>`}
      </div>
      <p class="note" data-testid="peeking-note">
        The score stays hidden until all ${run.n} trials are done. The number of trials is fixed in advance because
        peeking at a running score and stopping when it looks good makes a lucky streak look like real hearing: with
        early stopping, pure guessing “passes” far more often than the 5&nbsp;% the test promises.
      </p>
      <p class="muted visually-hidden">Keyboard: A, B and X play; Space pauses and plays; 1 answers X is A, 2 answers X is B; N goes on.</p>
    `;
  }

  private renderResults(results: AbxResults): TemplateResult {
    const verdict = abxVerdict(results);
    return html`<div data-testid="abx-result" role="region" aria-labelledby="abx-result-title" tabindex="-1">
        <h3 id="abx-result-title">Result</h3>
        <p class="summary" data-testid="abx-summary">${results.summary}</p>
        <dl class="score">
          ${abxFigures(results).map(({ term, id, figure }) => html`<div><dt>${term}</dt><dd class="num" data-testid=${id}>${figure}</dd></div>`)}
        </dl>
      </div>
      ${results.loudnessMatched
        ? nothing
        : html`<p class="error" data-testid="abx-unmatched">
            Loudness not matched: A and B played at different levels in some trials, so the score may come from the level
            difference alone, not from what the setups do to the sound.
          </p>`}
      <p class="verdict ${verdict.heard ? 'heard' : 'not-shown'}" data-testid="verdict"><strong>${verdict.title}</strong> ${verdict.text}</p>
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
}
