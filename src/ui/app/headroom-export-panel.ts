/**
 * <headroom-export-panel>: take the comparison away — the setup pair as a JSON file (and back
 * in), and a stretch of the playing material rendered through A or B as 32-bit float WAVs,
 * one per listener. Properties down (what can be exported, messages), events up (what to do);
 * the app does the work. Typed times are checked against the material's length, never clamped.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { numberInput } from '../number-field.ts';
import { checkStretch } from '../../text/stretch-check.ts';
import { baseStyles, compactFieldStyles, controlStyles, noteStyles } from '../styles.ts';
import { emit } from '../emit.ts';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-export-panel': HeadroomExportPanel;
  }
}

@customElement('headroom-export-panel')
export class HeadroomExportPanel extends LitElement {
  static override styles = [
    baseStyles,
    controlStyles,
    compactFieldStyles,
    noteStyles,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      .group {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 0.8rem;
        align-items: flex-end;
      }
      h3 {
        margin: 0 0 0.4rem;
        font-size: 0.95rem;
      }
      .field-error {
        margin-top: 0.3rem;
      }
    `,
  ];

  /** Length of the loaded material in seconds; 0 when nothing is loaded, Infinity for a live input. */
  @property({ type: Number }) duration = 0;
  @property({ type: Boolean }) busy = false;
  /** Outcome of the last export or import, for the user. */
  @property() message = '';
  @property({ type: Boolean }) messageIsError = false;

  @state() private startText = '0';
  @state() private endText = '5';

  override render(): TemplateResult {
    const renderable = Number.isFinite(this.duration) && this.duration > 0;
    const stretch = renderable ? checkStretch(this.startText, this.endText, this.duration) : null;
    /** The message is about this end of the stretch. */
    const wrong = (end: 'Start' | 'End') => stretch?.ok === false && stretch.message.startsWith(end);
    return html`
      <div>
        <h3>Setups as a file</h3>
        <div class="group">
          <button type="button" data-testid="export-pair" @click=${() => emit(this, 'export-pair', {})}>Export A and B (JSON)</button>
          <button type="button" data-testid="import-pair" @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click()}>
            Import…
          </button>
          <input type="file" accept="application/json,.json" tabindex="-1" aria-hidden="true" @change=${this.onImport} />
        </div>
      </div>
      <div>
        <h3>Render a stretch as WAV</h3>
        ${renderable
          ? html`<div class="group">
                <label>
                  From (s)
                  ${numberInput({ testid: 'stretch-start', value: this.startText, invalid: wrong('Start'), describedBy: 'stretch-error', onInput: (text) => (this.startText = text) })}
                </label>
                <label>
                  To (s)
                  ${numberInput({ testid: 'stretch-end', value: this.endText, invalid: wrong('End'), describedBy: 'stretch-error', onInput: (text) => (this.endText = text) })}
                </label>
                ${(['A', 'B'] as const).map(
                  (side) => html`<button
                    type="button"
                    data-testid=${`export-wav-${side}`}
                    ?disabled=${this.busy || !stretch?.ok}
                    @click=${() => stretch?.ok && emit(this, 'export-wav', { side, startSeconds: stretch.start, endSeconds: stretch.end })}
                  >
                    Export ${side} (WAV)
                  </button>`,
                )}
              </div>
              <p id="stretch-error" class="field-error" role="alert">${stretch && !stretch.ok ? stretch.message : ''}</p>`
          : html`<p class="status muted">Choose a sound (not the live input) to render a stretch of it.</p>`}
      </div>
      ${this.message
        ? html`<p class="status ${this.messageIsError ? 'error' : ''}" role=${this.messageIsError ? 'alert' : 'status'} data-testid="export-message">
            ${this.message}
          </p>`
        : nothing}
    `;
  }

  private onImport(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) emit(this, 'import-pair', { file });
  }
}
