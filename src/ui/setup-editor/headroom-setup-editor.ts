/**
 * <headroom-setup-editor>: edits one setup (`headroom/setup@1` to `@3`; an edit is sent in
 * the oldest format that holds it).
 *
 * Properties down: `setup` (the setup to edit) and `label` ("A"). One event up:
 * `setup-change` (bubbles, composed) with `{ setup }`, sent only when the edited setup is
 * valid and differs from the last one received or sent. While a field is invalid its text
 * stays as typed, the message (the schema's, with the allowed range) sits next to it, and
 * nothing is sent. Setting `setup` to the value just sent keeps the form as it is; any
 * other value replaces the form.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Setup } from '../../model/setup.ts';
import { emit } from '../emit.ts';
import { accentButtonStyles, baseStyles, formStyles } from '../styles.ts';
import { ampSection } from './amp-section.ts';
import type { EditorContext } from './context.ts';
import { draftFromSetup, type Draft } from '../../state/editor/draft.ts';
import { editorStyles } from './editor-styles.ts';
import { evaluate, type Evaluation } from '../../state/editor/evaluate.ts';
import { unplaced } from '../../state/editor/field-errors.ts';
import { levelSection } from './level-section.ts';
import { listenersSection } from './listeners-section.ts';
import { sourceSection } from './source-section.ts';
import { splitterSection } from './splitter-section.ts';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-setup-editor': HeadroomSetupEditor;
  }
}

@customElement('headroom-setup-editor')
export class HeadroomSetupEditor extends LitElement {
  static override styles = [baseStyles, formStyles, accentButtonStyles, editorStyles];

  /** The setup to edit (any valid headroom/setup version). */
  @property({ attribute: false }) setup: Setup | null = null;

  /** Names the setup in the heading and for screen readers: "A" → "Setup A". */
  @property() label = '';

  @state() private draft: Draft | null = null;

  private evaluation: Evaluation | null = null;

  /** JSON of the setup last received or sent, so an echo of our own event keeps the form. */
  private currentJson = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('setup') && this.setup) {
      const json = JSON.stringify(this.setup);
      if (json !== this.currentJson) {
        this.currentJson = json;
        this.draft = draftFromSetup(this.setup);
        this.evaluation = evaluate(this.draft);
      }
    }
  }

  private readonly applyChange = (change: (draft: Draft) => void): void => {
    if (!this.draft) return;
    const next = structuredClone(this.draft);
    change(next);
    this.draft = next;
    this.evaluation = evaluate(next);
    const setup = this.evaluation.setup;
    if (!setup) return;
    const json = JSON.stringify(setup);
    if (json === this.currentJson) return;
    this.currentJson = json;
    emit(this, 'setup-change', { setup });
  };

  private readonly focusAfterRender = (...selectors: string[]): void => {
    void this.updateComplete.then(() => {
      for (const selector of selectors) {
        const target = this.renderRoot.querySelector<HTMLElement>(selector);
        if (target && !(target as HTMLButtonElement).disabled) {
          target.focus();
          return;
        }
      }
    });
  };

  override render(): TemplateResult {
    const title = this.label ? `Setup ${this.label}` : 'Setup';
    if (!this.draft || !this.evaluation) return html`<p class="muted">No setup to edit.</p>`;
    const ctx: EditorContext = { draft: this.draft, evaluation: this.evaluation, visible: new Set(), update: this.applyChange, focusAfterRender: this.focusAfterRender };
    // Sections first, so the fields they show are known before the list of other messages.
    const sections = [sourceSection(ctx), ampSection(ctx), splitterSection(ctx), listenersSection(ctx), levelSection(ctx)];
    const other = [...this.evaluation.otherErrors, ...unplaced(this.evaluation.fieldErrors, ctx.visible)];
    return html`<section aria-labelledby="editor-title">
      <h2 id="editor-title">${title}</h2>
      ${other.length > 0
        ? html`<div class="errors" role="alert" data-testid="other-errors">
            ${title} is not used until these are fixed:
            <ul>
              ${other.map((m) => html`<li>${m}</li>`)}
            </ul>
          </div>`
        : nothing}
      ${this.evaluation.setup === null
        ? html`<p class="status" role="status" data-testid="status">
            ${countProblems(this.evaluation)} to fix; until then ${title} keeps its last valid values.
          </p>`
        : nothing}
      <form @submit=${(e: Event) => e.preventDefault()} novalidate>${sections}</form>
    </section>`;
  }
}

function countProblems(evaluation: Evaluation): string {
  let count = evaluation.otherErrors.length;
  for (const messages of evaluation.fieldErrors.values()) count += messages.length;
  return count === 1 ? '1 value' : `${count} values`;
}
