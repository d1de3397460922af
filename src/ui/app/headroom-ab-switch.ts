/**
 * <headroom-ab-switch>: which chain is heard (A or B), which listener of each chain, and
 * whether loudness is matched. Properties down, events up; the keyboard shortcuts A and B
 * are handled by the app for the whole page and land here as the `side` property.
 *
 * Loudness matching is off by default on purpose: the level a splitter or a weak source
 * loses is the point of the comparison. Turned on, it shows the offset it applies, so the
 * listener always knows the two sides are no longer as loud as physics makes them.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Advice } from '../../model/report-contract.ts';
import { signed } from '../../text/format.ts';
import { baseStyles, boxedControl, compactFieldStyles, keyCapStyles, noteStyles } from '../styles.ts';
import { emit } from '../emit.ts';
import type { Side } from '../../audio/engine/types.ts';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-ab-switch': HeadroomAbSwitch;
  }
}

@customElement('headroom-ab-switch')
export class HeadroomAbSwitch extends LitElement {
  static override styles = [
    baseStyles,
    compactFieldStyles,
    keyCapStyles,
    noteStyles,
    css`
      :host {
        display: grid;
        gap: 0.8rem;
      }
      .sides,
      .listeners {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0.6rem;
      }
      .side {
        ${boxedControl}
        border-width: 2px;
        text-align: left;
        border-radius: var(--_radius);
        padding: 0.6rem 0.8rem;
        cursor: pointer;
        min-height: 4rem;
        display: grid;
        gap: 0.15rem;
        min-width: 0;
      }
      .side .letter {
        font-size: 1.6rem;
        font-weight: 750;
        line-height: 1;
      }
      .side .what {
        font-size: 0.85rem;
        color: var(--_muted);
        overflow: hidden;
        display: -webkit-box;
        -webkit-line-clamp: 3;
        -webkit-box-orient: vertical;
        overflow-wrap: anywhere;
      }
      .side .advice {
        font-size: 0.82rem;
        line-height: 1.35;
        border-left: 3px solid var(--_good);
        padding-left: 0.45rem;
        margin-top: 0.2rem;
      }
      .side .advice.improve {
        border-left-color: var(--_warn);
      }
      .side[aria-pressed='true'] {
        border-color: var(--_accent);
        background: var(--_surface-2);
      }
      .side[aria-pressed='true'] .letter {
        color: var(--_accent);
      }
      label {
        min-width: 0;
      }
      .match {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        flex-wrap: wrap;
        font-size: 0.92rem;
      }
      .match label {
        display: flex;
        align-items: center;
        gap: 0.45rem;
        font-size: inherit;
        color: inherit;
      }
      select {
        ${boxedControl}
        border-radius: 6px;
        padding: 0.35rem 0.5rem;
        min-width: 0;
      }
      /* On a phone, Play, A/B and the level share the first screen: the advice is read in each
         setup's card (Setups), and there are no A, B or Space keys to hint at. */
      @media (max-width: 40rem) {
        .side .advice,
        .hint.keys {
          display: none;
        }
      }
    `,
  ];

  /** The heard side; null while a blind test hides it. */
  @property({ attribute: false }) side: Side | null = 'A';
  /** Short description of each chain, shown under its letter. */
  @property() labelA = '';
  @property() labelB = '';
  /** Listener names of each chain, in order. */
  @property({ attribute: false }) listenersA: readonly string[] = [];
  @property({ attribute: false }) listenersB: readonly string[] = [];
  @property({ type: Number }) listenerA = 0;
  @property({ type: Number }) listenerB = 0;
  @property({ type: Boolean }) matchLoudness = false;
  /** Gain applied to B relative to A when matching (dB); null while it is being measured. */
  @property({ attribute: false }) loudnessOffsetDb: number | null = null;
  /** The model's advice for the listener heard on each side, shown under its label. */
  @property({ attribute: false }) adviceA: Advice | null = null;
  @property({ attribute: false }) adviceB: Advice | null = null;

  override render(): TemplateResult {
    return html`
      <div class="sides" role="group" aria-label="Heard chain">
        ${this.renderSide('A', this.labelA, this.adviceA)} ${this.renderSide('B', this.labelB, this.adviceB)}
      </div>
      ${this.side === null ? html`<p class="hint" data-testid="side-hidden">The blind test is running: which side you hear is hidden.</p>` : nothing}
      <!-- Always there (a single listener's choice is disabled): a listener added or removed moves nothing below. -->
      <div class="listeners">
        ${this.renderListenerChoice('A', this.listenersA, this.listenerA)} ${this.renderListenerChoice('B', this.listenersB, this.listenerB)}
      </div>
      <div class="match">
        <label>
          <input
            type="checkbox"
            data-testid="match-loudness"
            .checked=${this.matchLoudness}
            @change=${(e: Event) => emit(this, 'match-loudness-change', { on: (e.target as HTMLInputElement).checked })}
          />
          Match loudness (ITU-R BS.1770)
        </label>
        ${this.matchLoudness
          ? html`<span class="muted num" data-testid="loudness-offset" role="status">
              ${this.loudnessOffsetDb === null ? 'measuring…' : `B ${signed(this.loudnessOffsetDb, 1)} dB`}
            </span>`
          : html`<span class="muted">off — you hear the level difference physics gives</span>`}
      </div>
      <p class="hint keys">Keys: <kbd>A</kbd> and <kbd>B</kbd> switch, <kbd>Space</kbd> plays or pauses.</p>
    `;
  }

  private renderSide(side: Side, label: string, advice: Advice | null): TemplateResult {
    return html`<button
      class="side"
      type="button"
      data-side=${side}
      aria-pressed=${this.side === side ? 'true' : 'false'}
      aria-label=${`Hear ${side}${label ? `: ${label}` : ''}`}
      @click=${() => emit(this, 'side-change', { side })}
    >
      <span class="letter">${side}</span>
      <span class="what">${label}</span>
      ${advice ? html`<span class="advice ${advice.verdict}" data-testid=${`ab-advice-${side}`}>${advice.summary}</span>` : nothing}
    </button>`;
  }

  private renderListenerChoice(side: Side, names: readonly string[], selected: number): TemplateResult {
    return html`<label>
      Listener heard on ${side}
      <select
        data-testid=${`listener-${side}`}
        ?disabled=${names.length < 2}
        @change=${(e: Event) => emit(this, 'listener-change', { side, index: Number((e.target as HTMLSelectElement).value) })}
      >
        ${names.map((name, index) => html`<option value=${index} ?selected=${index === selected}>${index + 1}. ${name}</option>`)}
      </select>
    </label>`;
  }
}
