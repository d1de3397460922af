/**
 * <headroom-source-picker>: what plays through the two chains — the built-in demo track,
 * pink noise, a sine, a sweep, the user's own file (button, or dropped anywhere on the page:
 * the app's FileDropController takes it; `dragging` lights the hint here) or the
 * microphone. It reports choices up with `source-choose`; the app loads them and passes the
 * outcome back down (`current`, `busy`, `error`), so a file that fails to decode shows its
 * message here while the material that was playing stays.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { numberInput } from '../number-field.ts';
import { baseStyles, compactFieldStyles, controlStyles, noteStyles } from '../styles.ts';
import { checkSineHz, checkSineLevel, type SourceChoice, type SourceKind } from '../../audio/engine/index.ts';
import { emit } from '../emit.ts';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-source-picker': HeadroomSourcePicker;
  }
}

/** The buttons of the first row: the built-in sounds (with a hint), a file of the user's, the microphone. */
const CHOICES: { kind: Exclude<SourceKind, 'sine'>; label: string; hint?: string }[] = [
  { kind: 'demo', label: 'Demo track', hint: 'drums, bass and chords, made in your browser' },
  { kind: 'pink', label: 'Pink noise', hint: 'equal energy per octave' },
  { kind: 'sweep', label: 'Sweep', hint: '20 Hz → 20 kHz, logarithmic' },
  { kind: 'file', label: 'Open a file…' },
  { kind: 'mic', label: 'Microphone / line in' },
];

@customElement('headroom-source-picker')
export class HeadroomSourcePicker extends LitElement {
  static override styles = [
    baseStyles,
    controlStyles,
    compactFieldStyles,
    noteStyles,
    css`
      :host {
        display: block;
      }
      fieldset {
        border: none;
        margin: 0;
        padding: 0;
        min-width: 0;
      }
      legend {
        font-weight: 650;
        margin-bottom: 0.5rem;
        padding: 0;
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
      }
      button {
        font-size: 0.92rem;
      }
      button:disabled {
        cursor: progress;
      }
      .sine {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem 0.6rem;
        margin-top: 0.4rem;
      }
      .sine label {
        display: flex;
        align-items: center;
        gap: 0.3rem;
        font-size: 0.9rem;
        color: var(--_muted);
      }
      .sine input {
        width: 5rem;
      }
      .drop {
        margin: 0.5rem 0 0;
        padding: 0.2rem 0.4rem;
        border: 2px dashed transparent;
        border-radius: 6px;
        color: var(--_muted);
        font-size: 0.85rem;
      }
      /* A phone or tablet (or a window as narrow as one) has no files to drag onto the page. */
      @media (hover: none) and (pointer: coarse), (max-width: 40rem) {
        .drop {
          display: none;
        }
      }
      .drop.over {
        border-color: var(--_accent);
        color: var(--_accent);
        background: var(--_surface-2);
      }
      .status {
        margin-top: 0.4rem;
      }
      /* One line, always there: what plays may change without moving anything below. */
      [data-testid='source-status'] {
        min-height: 1lh;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .field-error {
        flex-basis: 100%;
      }
    `,
  ];

  /** Which kind of material is loaded now. */
  @property() selected: SourceKind = 'demo';
  /** Name of the material that is loaded now, e.g. the file name. */
  @property() current = '';
  /** A choice is being prepared (decoding, rendering, asking for the microphone). */
  @property({ type: Boolean }) busy = false;
  /** Why the last choice failed; the previous material keeps playing. */
  @property() error = '';

  /** Files are being dragged over the page. */
  @property({ type: Boolean }) dragging = false;

  @state() private sineHzText = '1000';
  @state() private sineLevelText = '-12';

  override render(): TemplateResult {
    const hz = checkSineHz(this.sineHzText);
    const level = checkSineLevel(this.sineLevelText);
    return html`
      <fieldset>
        <legend>Sound</legend>
        <div class="choices">
          ${CHOICES.map(
            (item) => html`<button
              type="button"
              data-kind=${item.kind}
              title=${item.hint ?? nothing}
              aria-pressed=${this.selected === item.kind ? 'true' : 'false'}
              ?disabled=${this.busy}
              @click=${() => (item.kind === 'file' ? this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click() : this.choose({ kind: item.kind }))}
            >
              ${item.label}
            </button>`,
          )}
        </div>
        <input type="file" accept="audio/*,.wav,.flac,.mp3,.ogg,.opus,.m4a,.aac" tabindex="-1" aria-hidden="true" @change=${this.onFileInput} />
        <div class="sine">
          <button
            type="button"
            data-kind="sine"
            aria-pressed=${this.selected === 'sine' ? 'true' : 'false'}
            ?disabled=${this.busy || !hz.ok || !level.ok}
            @click=${() => hz.ok && level.ok && this.choose({ kind: 'sine', hz: hz.value, levelDbfs: level.value })}
          >
            Sine
          </button>
          <label>
            <span class="visually-hidden">Sine frequency</span>
            ${numberInput({ testid: 'sine-hz', value: this.sineHzText, invalid: !hz.ok, describedBy: 'sine-error', onInput: (text) => (this.sineHzText = text) })}
            Hz
          </label>
          <label>
            <span class="visually-hidden">Sine level</span>
            ${numberInput({ testid: 'sine-level', value: this.sineLevelText, signed: true, invalid: !level.ok, describedBy: 'sine-error', onInput: (text) => (this.sineLevelText = text) })}
            dBFS
          </label>
          <p id="sine-error" class="field-error" role="status">
            ${hz.ok ? '' : hz.message}${!hz.ok && !level.ok ? html`<br />` : ''}${level.ok ? '' : level.message}
          </p>
        </div>
        <p class="drop ${this.dragging ? 'over' : ''}" data-testid="drop">
          Or drop an audio file anywhere on the page. It stays on your computer.
        </p>
        ${this.selected === 'mic'
          ? html`<p class="status warn" role="note">
              Use headphones with the microphone: through speakers the simulated chain can feed back into the mic.
            </p>`
          : nothing}
        <p class="status" role="status" aria-live="polite" data-testid="source-status">
          ${this.busy ? 'Preparing…' : this.current ? html`Loaded: <strong>${this.current}</strong>` : nothing}
        </p>
        ${this.error ? html`<p class="status error" role="alert" data-testid="source-error">${this.error}</p>` : nothing}
      </fieldset>
    `;
  }

  private choose(choice: SourceChoice): void {
    emit(this, 'source-choose', { choice });
  }

  private onFileInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    // Clear the input so choosing the same file again still fires `change`.
    input.value = '';
    if (file) this.choose({ kind: 'file', file });
  }
}
