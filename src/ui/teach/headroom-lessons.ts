/**
 * <headroom-lessons>: the lessons to pick from and the chosen one. Picking a lesson shows it
 * in a <headroom-lesson>; that element's events (lesson-listen, lesson-step) bubble up through
 * this one unchanged. Picking also emits `lesson-select` { id } (bubbling, composed).
 */
import { LitElement, css, html, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { lessons as allLessons, type Lesson } from '../../teach/lessons/index.ts';
import { baseStyles, boxedButton, stackedList } from '../styles.ts';
import { emit } from '../emit.ts';
import './headroom-lesson.ts';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-lessons': HeadroomLessons;
  }
}

@customElement('headroom-lessons')
export class HeadroomLessons extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(14em, 20em) minmax(0, 1fr);
        gap: 1.2em;
        align-items: start;
      }
      @media (max-width: 760px) {
        :host {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      ol {
        ${stackedList}
        gap: 0.4em;
      }
      button {
        ${boxedButton}
        width: 100%;
        text-align: left;
        display: grid;
        grid-template-columns: 2em minmax(0, 1fr);
        gap: 0.1em 0.5em;
        padding: 0.55em 0.7em;
      }
      button[aria-current='true'] {
        border-color: var(--_accent);
        background: var(--_surface-2);
        box-shadow: inset 0.25em 0 0 var(--_accent);
      }
      .n {
        font-weight: 750;
        color: var(--_accent);
        grid-row: span 2;
      }
      .title {
        font-weight: 650;
        line-height: 1.25;
      }
      .steps {
        font-size: 0.85em;
        color: var(--_muted);
      }
      h2 {
        font-size: 1em;
        margin: 0 0 0.5em;
      }
      .focused {
        grid-column: 1 / -1;
        display: grid;
        gap: 0.6em;
      }
      button.all {
        width: auto;
        justify-self: start;
        display: inline-block;
        padding: 0.3em 0.8em;
      }
    `,
  ];

  /** The lessons to offer (all of them by default). */
  @property({ attribute: false }) lessons: readonly Lesson[] = allLessons();
  /** Id of the lesson shown first; the user's pick replaces it. */
  @property({ attribute: 'lesson-id' }) lessonId = '';
  /** The step of it to show (from 0). */
  @property({ type: Number }) step = 0;
  /** Show the chosen lesson only (opened from a link); "All lessons" brings the list back. */
  @property({ type: Boolean }) focused = false;

  @state() private chosen = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lessonId') || changed.has('lessons')) {
      this.chosen = this.lessons.some((l) => l.id === this.lessonId) ? this.lessonId : (this.lessons[0]?.id ?? '');
    }
  }

  override render(): TemplateResult {
    const current = this.lessons.find((l) => l.id === this.chosen) ?? null;
    if (this.focused && current) {
      return html`<div class="focused">
        <button type="button" class="all" data-testid="all-lessons" @click=${() => (this.focused = false)}>All lessons</button>
        <headroom-lesson .lesson=${current} .step=${this.step}></headroom-lesson>
      </div>`;
    }
    return html`<nav aria-labelledby="lessons-heading">
        <h2 id="lessons-heading">Lessons</h2>
        <ol>
          ${this.lessons.map(
            (lesson, i) => html`<li>
              <button type="button" data-lesson=${lesson.id} aria-current=${lesson.id === this.chosen ? 'true' : 'false'} @click=${() => this.choose(lesson.id)}>
                <span class="n">${i + 1}</span>
                <span class="title">${lesson.title}</span>
                <span class="steps">${lesson.steps.length} steps</span>
              </button>
            </li>`,
          )}
        </ol>
      </nav>
      <headroom-lesson .lesson=${current} .step=${this.step}></headroom-lesson>`;
  }

  private choose(id: string): void {
    if (id === this.chosen) return;
    this.chosen = id;
    emit(this, 'lesson-select', { id });
  }
}
