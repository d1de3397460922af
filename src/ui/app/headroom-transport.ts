/**
 * <headroom-transport>: play/pause, loop and a seek bar for the material that is playing.
 * Properties down (state the engine reports), events up (what the user asked for); the
 * element never touches audio itself, so it renders the same in tests and in the app.
 *
 * Keyboard: the buttons and the range input are native controls (Space/Enter, arrows,
 * Home/End), so nothing custom is needed to make it fully keyboard usable.
 *
 * The position may come as a property or from `live` (a LiveValue the engine's clock sets
 * while playing), which updates this element alone.
 */
import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LiveController } from '../controllers/live-controller.ts';
import type { LiveValue } from '../controllers/live-value.ts';
import { baseStyles, pillStyles } from '../styles.ts';
import { formatClock } from '../../text/clock-format.ts';
import { emit } from '../emit.ts';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-transport': HeadroomTransport;
  }
}

@customElement('headroom-transport')
export class HeadroomTransport extends LitElement {
  static override styles = [
    baseStyles,
    pillStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.6rem 0.9rem;
      }
      button[aria-pressed='true'] {
        background: var(--_surface-2);
        border-color: var(--_accent);
        color: var(--_accent);
      }
      .seek {
        display: flex;
        align-items: center;
        gap: 0.6rem;
        flex: 1 1 14rem;
        min-width: 0;
      }
      input[type='range'] {
        flex: 1 1 auto;
        min-width: 6rem;
        accent-color: var(--_accent);
      }
      .time {
        font-size: 0.9rem;
      }
    `,
  ];

  @property({ type: Boolean }) playing = false;
  @property({ type: Boolean }) loop = true;
  /** Seconds into the material. */
  @property({ type: Number }) position = 0;
  /** Length of the material in seconds; 0 or Infinity for a live input, which cannot seek. */
  @property({ type: Number }) duration = 0;
  /** The position as it moves; sets `position`. */
  @property({ attribute: false }) live: LiveValue<number> | null = null;

  constructor() {
    super();
    new LiveController(this, () => this.live, (seconds) => (this.position = seconds));
  }

  private get seekable(): boolean {
    return Number.isFinite(this.duration) && this.duration > 0;
  }

  override render(): TemplateResult {
    const seekable = this.seekable;
    const position = seekable ? Math.min(Math.max(this.position, 0), this.duration) : 0;
    return html`
      <button
        class="play"
        type="button"
        data-testid="play"
        aria-label=${this.playing ? 'Pause' : 'Play'}
        @click=${() => emit(this, 'transport-play', { playing: !this.playing })}
      >
        ${this.playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button
        type="button"
        data-testid="loop"
        aria-pressed=${this.loop ? 'true' : 'false'}
        ?disabled=${!seekable}
        @click=${() => emit(this, 'transport-loop', { loop: !this.loop })}
      >
        ↻ Loop
      </button>
      <div class="seek">
        <input
          type="range"
          data-testid="seek"
          aria-label="Position"
          aria-valuetext=${`${formatClock(position)} of ${formatClock(this.duration)}`}
          min="0"
          max=${seekable ? this.duration : 0}
          step="0.01"
          .value=${String(position)}
          ?disabled=${!seekable}
          @change=${this.onSeek}
        />
        <span class="time num muted" aria-hidden="true">${formatClock(position)} / ${seekable ? formatClock(this.duration) : this.duration === Infinity ? 'live' : '—'}</span>
      </div>
    `;
  }

  private onSeek(event: Event): void {
    const seconds = Number((event.target as HTMLInputElement).value);
    emit(this, 'transport-seek', { seconds });
  }
}
