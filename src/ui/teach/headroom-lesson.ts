/**
 * <headroom-lesson>: one lesson, one step at a time. The student predicts (chooses, then sees
 * the model's answer and why), listens (a button that asks the app to load the step's setups
 * and play the named side, listener and sound), measures (the model's numbers) and answers a
 * check question. Back/Next move between steps; the progress reads "Step 3 of 6".
 *
 * Events (bubbling, composed):
 *   lesson-listen  { pair?, side, listener?, source? }  — the app loads `pair` (if given),
 *                  picks the side, listener and sound, and plays.
 *   lesson-step    { lessonId, index, count }          — the shown step changed.
 *
 * `numbersHidden` (the classroom's "reveal the numbers") replaces the model's figures and
 * explanations with placeholders until the teacher reveals them.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { SetupPair } from '../../state/setup-pair.ts';
import type { CheckStep, Lesson, LessonSide, LessonSource, LessonStep, ListenStep, MeasureStep, PredictStep } from '../../teach/lessons/index.ts';
import { baseStyles, controlStyles } from '../styles.ts';
import { emit } from '../emit.ts';
import { lessonStyles } from './lesson-styles.ts';
import { choiceMark, stepInRange } from '../../teach/lessons/progress.ts';
import { describeSource, KIND_LABEL, listenLabel, QUESTION_TEXT, verdictText } from '../../text/lesson-text.ts';

export interface LessonListenDetail {
  pair?: SetupPair;
  side: LessonSide;
  listener?: number;
  source?: LessonSource;
}

declare global {
  interface HTMLElementTagNameMap {
    'headroom-lesson': HeadroomLesson;
  }
}

const HIDDEN = '• • •';

@customElement('headroom-lesson')
export class HeadroomLesson extends LitElement {
  static override styles = [baseStyles, controlStyles, lessonStyles];

  @property({ attribute: false }) lesson: Lesson | null = null;
  /** Hide the model's figures and explanations (classroom, until the teacher reveals them). */
  @property({ type: Boolean, attribute: 'numbers-hidden' }) numbersHidden = false;
  /** Leave out Back/Next: a presenter's controls (the classroom) move the steps instead. */
  @property({ type: Boolean, attribute: 'no-nav' }) noNav = false;
  /** The step to show (from 0), e.g. from a link; the student's Back/Next move on from it. */
  @property({ type: Number }) step = 0;

  @state() private index = 0;
  /** The choice picked on each question step (by step index). */
  @state() private picked: Record<number, string> = {};
  /** Question steps whose answer has been revealed (predict) or checked (check). */
  @state() private answered: Record<number, boolean> = {};
  @state() private heard: Record<number, boolean> = {};

  get stepCount(): number {
    return this.lesson?.steps.length ?? 0;
  }

  next(): void {
    this.go(this.index + 1);
  }

  back(): void {
    this.go(this.index - 1);
  }

  go(index: number): void {
    if (!this.lesson || index < 0 || index >= this.lesson.steps.length || index === this.index) return;
    this.index = index;
    this.emitStep();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h3.step-title')?.focus());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const inRange = stepInRange(this.step, this.stepCount);
    if (changed.has('lesson')) {
      this.index = inRange;
      this.picked = {};
      this.answered = {};
      this.heard = {};
      if (this.lesson && changed.get('lesson') !== undefined) this.emitStep();
    } else if (changed.has('step')) {
      this.index = inRange;
    }
  }

  override render(): TemplateResult | typeof nothing {
    const lesson = this.lesson;
    if (!lesson) return nothing;
    const step = lesson.steps[this.index]!;
    const count = lesson.steps.length;
    return html`<article class="lesson" aria-labelledby="lesson-title">
      <div class="head">
        <div>
          <h2 id="lesson-title">${lesson.title}</h2>
          <p class="goal muted">${lesson.goal}</p>
        </div>
        <div class="progress">
          <span class="progress-text" data-testid="progress">Step ${this.index + 1} of ${count}</span>
          <div class="dots" aria-hidden="true">
            ${lesson.steps.map((_, i) => html`<span class="dot ${i < this.index ? 'done' : i === this.index ? 'current' : ''}"></span>`)}
          </div>
        </div>
      </div>
      <section class="step" data-kind=${step.kind} data-testid="step" aria-labelledby="step-title">
        <div>
          <span class="kind">${KIND_LABEL[step.kind]}</span>
          <h3 class="step-title" id="step-title" tabindex="-1">${step.text}</h3>
        </div>
        ${this.renderStep(step)} ${step.link ? html`<p><a href=${step.link.href} data-testid="lesson-link">${step.link.text}</a></p>` : nothing}
      </section>
      ${this.noNav ? nothing : this.renderNav(count)}
    </article>`;
  }

  private renderNav(count: number): TemplateResult {
    return html`<nav class="steps" aria-label="Lesson steps">
        <button type="button" data-testid="back" ?disabled=${this.index === 0} @click=${() => this.back()}>← Back</button>
        ${this.index === count - 1 && this.answered[this.index]
          ? html`<span class="done-note" data-testid="lesson-done">Lesson complete</span>`
          : nothing}
        <button type="button" class="primary" data-testid="next" ?disabled=${this.index === count - 1} @click=${() => this.next()}>Next →</button>
      </nav>`;
  }

  private renderStep(step: LessonStep): TemplateResult {
    return step.kind === 'listen' ? this.renderListen(step) : step.kind === 'measure' ? this.renderMeasure(step) : this.renderQuestion(step);
  }

  private renderQuestion(step: PredictStep | CheckStep): TemplateResult {
    const i = this.index;
    const picked = this.picked[i];
    const done = this.answered[i] === true;
    return html`<fieldset ?disabled=${done}>
        <legend>${QUESTION_TEXT[step.kind].legend}</legend>
        ${step.choices.map(
          (choice) => html`<label class="choice ${choiceMark(step, choice.id, picked, done)}" data-choice=${choice.id}>
            <input type="radio" name=${`q-${i}`} .value=${choice.id} .checked=${choice.id === picked} @change=${() => (this.picked = { ...this.picked, [i]: choice.id })} />
            <span>${choice.text}</span>
          </label>`,
        )}
      </fieldset>
      <div><button type="button" class="primary" data-testid="answer" ?disabled=${picked === undefined || done} @click=${() => (this.answered = { ...this.answered, [i]: true })}>${QUESTION_TEXT[step.kind].action}</button></div>
      <div class="feedback ${done ? (picked === step.correct ? 'right' : 'wrong') : ''}" role="status" aria-live="polite" data-testid="feedback">
        ${done
          ? html`<span class="verdict" data-testid="verdict">${verdictText(step, picked)}</span>
              ${this.numbersHidden
                ? html`<span class="muted" data-testid="explanation-hidden">The numbers are shown when the teacher reveals them.</span>`
                : html`<span data-testid="explanation">${step.explanation}</span>`}`
          : nothing}
      </div>`;
  }

  private renderListen(step: ListenStep): TemplateResult {
    const setup = step.hear.side === 'A' ? step.pair.a : step.pair.b;
    const heard = this.heard[this.index] === true;
    return html`<div class="listen-row">
        <button type="button" class="primary" data-testid="listen" @click=${() => this.listen(step)}>
          ${listenLabel(step.hear.side, step.hear.listener, setup.headphones.length)}
        </button>
        <span class="muted">with ${describeSource(step.source)}</span>
      </div>
      <div class="feedback ${heard ? 'neutral' : ''}" role="status" aria-live="polite" data-testid="feedback">
        ${heard ? html`<span data-testid="listen-for">${step.listenFor}</span>` : nothing}
      </div>`;
  }

  private renderMeasure(step: MeasureStep): TemplateResult {
    const hidden = this.numbersHidden;
    return html`<dl class="figures" data-testid="figures">
        ${step.figures.map(
          (f) => html`<dt>${f.label}</dt>
            <dd class="num" data-testid="figure" aria-label=${hidden ? `${f.label}: hidden until the teacher reveals the numbers` : nothing}>
              ${hidden ? html`<span class="hidden-number muted">${HIDDEN}</span>` : f.text}
            </dd>`,
        )}
      </dl>
      <p data-testid="explanation" aria-live="polite">${hidden ? html`<span class="muted">The teacher will reveal the numbers.</span>` : step.explanation}</p>`;
  }

  private listen(step: ListenStep): void {
    // A copy: the app may keep and edit the pair; the lesson's own data never changes.
    const detail: LessonListenDetail = { pair: structuredClone(step.pair), side: step.hear.side };
    if (step.hear.listener !== undefined) detail.listener = step.hear.listener;
    if (step.source !== undefined) detail.source = step.source;
    this.heard = { ...this.heard, [this.index]: true };
    emit(this, 'lesson-listen', detail);
  }

  private emitStep(): void {
    if (this.lesson) emit(this, 'lesson-step', { lessonId: this.lesson.id, index: this.index, count: this.lesson.steps.length });
  }
}
