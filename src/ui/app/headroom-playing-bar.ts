/**
 * <headroom-playing-bar>: which setups are playing, kept in view at the bottom of the page.
 *
 * - `layer`: the title of the lesson step or claim whose setups play on top of the user's own
 *   ('' when the user's own play). Then "Back to my setups" (`layer-back`) and "Keep these as
 *   my setups" (`layer-keep`).
 * - `notice`: the last replacement of the user's pair, with Undo (`undo`; Ctrl/Cmd+Z does the
 *   same, handled by the app) and a close button (`notice-dismiss`).
 * - `controls`: Play/Pause (`transport-play` { playing }) and A/B (`side-change` { side }),
 *   so a phone that opened a lesson link has them on its first screen.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles, controlStyles, keyCapStyles } from '../styles.ts';
import type { Side } from '../../audio/engine/types.ts';
import { emit } from '../emit.ts';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-playing-bar': HeadroomPlayingBar;
  }
}

const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform);

@customElement('headroom-playing-bar')
export class HeadroomPlayingBar extends LitElement {
  static override styles = [
    baseStyles,
    controlStyles,
    keyCapStyles,
    css`
      :host {
        display: grid;
        gap: 0.45rem;
        position: sticky;
        bottom: 0;
        z-index: 3;
        margin: 0 calc(-1 * clamp(0.75rem, 3vw, 2.5rem));
        padding: 0.55rem clamp(0.75rem, 3vw, 2.5rem) max(0.55rem, env(safe-area-inset-bottom));
        background: var(--hr-bg, var(--_surface));
        border-top: 2px solid var(--_accent);
        box-shadow: 0 -6px 16px rgb(0 0 0 / 0.08);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.45rem 0.8rem;
      }
      .what {
        flex: 1 1 16rem;
        min-width: 0;
      }
      .what strong {
        color: var(--_accent);
      }
      .short {
        display: none;
      }
      @media (max-width: 40rem) {
        .long {
          display: none;
        }
        .short {
          display: inline;
        }
        .what {
          flex-basis: 100%;
        }
        button {
          padding: 0.3rem 0.6rem;
        }
      }
      .controls {
        display: flex;
        gap: 0.4rem;
      }
      .controls .side {
        min-width: 2.75rem;
        font-weight: 700;
      }
    `,
  ];

  /** Title of the layer playing on top of the user's own setups; '' when theirs play. */
  @property() layer = '';
  /** The same, short, for small screens. */
  @property({ attribute: 'layer-short' }) layerShort = '';
  /** The layer's setups were changed on screen. */
  @property({ type: Boolean }) edited = false;
  /** The last replacement of the user's pair, undoable; '' for none. */
  @property() notice = '';
  /** Show Play/Pause and A/B. */
  @property({ type: Boolean }) controls = false;
  @property({ type: Boolean }) playing = false;
  /** The heard side; null while a blind test hides it. */
  @property({ attribute: false }) side: Side | null = 'A';

  override render(): TemplateResult {
    return html`${this.layer || this.controls ? this.renderPlaying() : nothing} ${this.notice ? this.renderNotice() : nothing}`;
  }

  private renderPlaying(): TemplateResult {
    return html`<div class="row" role="group" aria-label="What is playing">
      <span class="what" data-testid="playing" role="status">
        ${this.layer
          ? html`Playing: <strong class="long">${this.layer}</strong><strong class="short">${this.layerShort || this.layer}</strong>${this.edited ? ' (changed)' : ''}.
              <span class="long">Your own setups are kept.</span>`
          : html`Playing: <strong>your setups</strong>.`}
      </span>
      ${this.layer
        ? html`<button type="button" class="primary" data-testid="back-to-mine" @click=${() => emit(this, 'layer-back', {})}>Back to my setups</button>
            <button type="button" data-testid="keep-layer" @click=${() => emit(this, 'layer-keep', {})}>Keep these<span class="long"> as my setups</span></button>`
        : nothing}
      ${this.controls
        ? html`<span class="controls">
            <button type="button" class="primary" data-testid="bar-play" @click=${() => emit(this, 'transport-play', { playing: !this.playing })}>
              ${this.playing ? 'Pause' : 'Play'}
            </button>
            ${(['A', 'B'] as const).map(
              (side) => html`<button type="button" class="side" data-testid=${`bar-side-${side}`} aria-pressed=${this.side === side ? 'true' : 'false'} @click=${() => emit(this, 'side-change', { side })}>
                ${side}
              </button>`,
            )}
          </span>`
        : nothing}
    </div>`;
  }

  private renderNotice(): TemplateResult {
    return html`<div class="row" role="status" data-testid="undo-notice">
      <span class="what">${this.notice}.</span>
      <button type="button" class="primary" data-testid="undo" @click=${() => emit(this, 'undo', {})}>
        Undo <kbd aria-hidden="true">${isMac() ? '⌘' : 'Ctrl'}+Z</kbd>
      </button>
      <button type="button" aria-label="Close" @click=${() => emit(this, 'notice-dismiss', {})}>✕</button>
    </div>`;
  }
}
