/**
 * <headroom-classroom>: a lesson on a projector. Large type and high contrast; presenter
 * controls (previous/next step, "Reveal the numbers", which hides the model's figures until
 * the teacher reveals them, again on every step, and Leave); Play/Pause, big A and B buttons,
 * which setups are playing; and a QR code of `shareUrl` (the link that opens exactly this:
 * the setups playing, the lesson and the step) with the address under it.
 *
 * Keys: PageDown / → next step, PageUp / ← previous (what presentation clickers send),
 * R reveals or hides the numbers. A, B and Space stay the app's own keys.
 *
 * Events (bubbling, composed):
 *   side-change      { side: 'A' | 'B' }   — the big buttons, as <headroom-ab-switch> emits it
 *   transport-play   { playing }           — Play/Pause, as <headroom-transport> emits it
 *   layer-back       {}                    — "Back to my setups"
 *   classroom-leave  {}                    — Leave classroom mode
 *   lesson-select    { id }                — the teacher picked another lesson
 *   lesson-listen, lesson-step             — from the <headroom-lesson> inside, unchanged
 */
import { isTyping } from '../typing-guard.ts';
import { PageKeysController } from '../controllers/page-keys-controller.ts';
import { LitElement, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { lessons as allLessons, type Lesson } from '../../teach/lessons/index.ts';
import type { Side } from '../../audio/engine/types.ts';
import { baseStyles } from '../styles.ts';
import { classroomStyles } from './classroom-styles.ts';
import type { HeadroomLesson } from './headroom-lesson.ts';
import { darkModulesPath, qrMatrix, symbolSide, type QrResult } from '../../state/qr-code.ts';
import { emit } from '../emit.ts';
import './headroom-lesson.ts';
import type { UiEvent } from '../events.ts';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-classroom': HeadroomClassroom;
  }
}

const SIDES: readonly Side[] = ['A', 'B'];

@customElement('headroom-classroom')
export class HeadroomClassroom extends LitElement {
  static override styles = [baseStyles, classroomStyles];

  /** The address students open: it holds the setups playing, the lesson and the step. */
  @property({ attribute: 'share-url' }) shareUrl = '';
  /** The step to show (from 0), kept in step with the page's lesson. */
  @property({ type: Number }) step = 0;
  @property({ type: Boolean }) playing = false;
  /** Title of the lesson step or claim whose setups play on top of the teacher's own; '' for their own. */
  @property() layer = '';
  /** The lessons the teacher can pick from (all of them by default). */
  @property({ attribute: false }) lessons: readonly Lesson[] = allLessons();
  /** Id of the lesson to show; the teacher's pick replaces it. */
  @property({ attribute: 'lesson-id' }) lessonId = '';
  /** The side being heard, shown on the big buttons (null: none, e.g. during a blind test). */
  @property({ attribute: false }) side: Side | null = 'A';

  @state() private chosen = '';
  @state() private revealed = false;
  @state() private position = { index: 0, count: 0 };

  @query('headroom-lesson') private lessonView!: HeadroomLesson | null;

  private qr: QrResult = { ok: false, message: '' };

  constructor() {
    super();
    new PageKeysController(this, (event) => this.onKeyDown(event));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lessonId') || changed.has('lessons')) {
      const id = this.lessons.some((l) => l.id === this.lessonId) ? this.lessonId : (this.lessons[0]?.id ?? '');
      if (id !== this.chosen) this.showLesson(id);
    }
    if (changed.has('shareUrl')) this.qr = this.shareUrl ? qrMatrix(this.shareUrl) : { ok: false, message: '' };
    if (changed.has('step')) this.position = { ...this.position, index: this.step };
  }

  private get lesson(): Lesson | null {
    return this.lessons.find((l) => l.id === this.chosen) ?? null;
  }

  override render(): TemplateResult {
    const lesson = this.lesson;
    const { index, count } = this.position;
    return html`<div class="bar" role="toolbar" aria-label="Presenter controls">
        <select id="lesson-pick" aria-label="Lesson" data-testid="lesson-pick" @change=${(e: Event) => this.pick((e.target as HTMLSelectElement).value)}>
          ${this.lessons.map((l, i) => html`<option value=${l.id} ?selected=${l.id === this.chosen}>${i + 1}. ${l.title}</option>`)}
        </select>
        <button type="button" data-testid="previous-step" aria-label="Previous step" ?disabled=${index === 0} @click=${() => this.lessonView?.back()}>◀ Back</button>
        <span class="count num" data-testid="step-count" aria-live="polite">${count > 0 ? `Step ${index + 1} of ${count}` : ''}</span>
        <button type="button" data-testid="next-step" aria-label="Next step" ?disabled=${index >= count - 1} @click=${() => this.lessonView?.next()}>Next ▶</button>
        <button type="button" class="reveal" data-testid="reveal" aria-pressed=${this.revealed ? 'true' : 'false'} @click=${() => (this.revealed = !this.revealed)}>
          ${this.revealed ? 'Hide numbers' : 'Reveal numbers'}
        </button>
        <button type="button" data-testid="classroom-close" @click=${() => emit(this, 'classroom-leave', {})}>Leave</button>
      </div>
      <div class="layout">
        <main @lesson-step=${this.onStep}>
          ${lesson
            ? html`<headroom-lesson .lesson=${lesson} .step=${this.step} ?numbers-hidden=${!this.revealed} no-nav compact></headroom-lesson>`
            : html`<p class="empty">No lesson.</p>`}
        </main>
        <aside class="panel">
          <p class="playing" data-testid="playing" role="status">
            ${this.layer ? html`Playing ${this.layer}` : 'Playing your own setups'}
            ${this.layer ? html`<button type="button" data-testid="back-to-mine" @click=${() => emit(this, 'layer-back', {})}>Back to my setups</button>` : nothing}
          </p>
          <div class="ab" role="group" aria-label="Play, and hear setup A or B">
            <button type="button" class="play" data-testid="classroom-play" @click=${() => emit(this, 'transport-play', { playing: !this.playing })}>
              ${this.playing ? 'Pause' : 'Play'}
            </button>
            ${SIDES.map(
              (side) => html`<button type="button" data-testid=${`side-${side}`} aria-pressed=${this.side === side ? 'true' : 'false'} @click=${() => emit(this, 'side-change', { side })}>
                ${side}
              </button>`,
            )}
          </div>
          ${this.renderShare()}
        </aside>
      </div>`;
  }

  private renderShare(): TemplateResult | typeof nothing {
    if (!this.shareUrl) return nothing;
    if (!this.qr.ok) return html`<p class="qr-error" role="alert" data-testid="qr-error">${this.qr.message} Share the link another way.</p>`;
    const matrix = this.qr.matrix;
    const side = symbolSide(matrix);
    return html`<figure data-testid="share">
      <svg
        data-testid="qr"
        viewBox="0 0 ${side} ${side}"
        shape-rendering="crispEdges"
        role="img"
        aria-label="QR code of the link to this setup"
        data-version=${matrix.version}
        data-modules=${matrix.size}
      >
        ${svg`<rect class="qr-ground" x="0" y="0" width=${side} height=${side} fill="#ffffff"></rect>
          <path class="qr-modules" d=${darkModulesPath(matrix)} fill="#000000"></path>`}
      </svg>
      <figcaption>
        <span>Scan to follow</span>
        <span class="url" data-testid="share-url">${this.shareUrl}</span>
      </figcaption>
    </figure>`;
  }

  private showLesson(id: string): void {
    this.chosen = id;
    this.revealed = false;
    this.position = { index: 0, count: this.lesson?.steps.length ?? 0 };
  }

  private pick(id: string): void {
    if (id === this.chosen) return;
    this.showLesson(id);
    emit(this, 'lesson-select', { id });
  }

  private readonly onStep = (event: UiEvent<'lesson-step'>): void => {
    this.position = { index: event.detail.index, count: event.detail.count };
    // Every step starts with its numbers hidden again, so the class predicts before it sees them.
    this.revealed = false;
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || isTyping(event)) return;
    if (event.key === 'PageDown' || event.key === 'ArrowRight') this.lessonView?.next();
    else if (event.key === 'PageUp' || event.key === 'ArrowLeft') this.lessonView?.back();
    else if (event.key.toLowerCase() === 'r') this.revealed = !this.revealed;
    else return;
    event.preventDefault();
  };
}
