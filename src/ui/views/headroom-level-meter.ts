/**
 * <headroom-level-meter>: a peak/RMS level meter in dBFS with peak hold and a clip light
 * that stays lit a second after the last clipped block (LevelHold, src/drawing/level-meter.ts).
 *
 * Properties: `label`, `peakDbfs`, `rmsDbfs`, `clipping`, and `live`: a LiveValue of readings that, when set,
 * drives peak, RMS and clipping itself, so levels arriving 30 times a second re-render this
 * meter only (src/ui/controllers/live-value.ts). Events: none.
 * Accessible as role="meter" with aria-valuenow = the peak level (clamped to the scale). The
 * scale, zones and words are src/drawing/level-meter.ts.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LiveController } from '../controllers/live-controller.ts';
import type { LiveValue } from '../controllers/live-value.ts';
import { barFraction, LevelHold, levelText, levelZone, meterValue, MIN_DBFS, TICKS_DB } from '../../drawing/level-meter.ts';
import { number } from '../../text/format.ts';
import { baseStyles, tickRowStyles } from '../styles.ts';

/** What a meter shows of one reading (the engine's ListenerMeters has these and more). */
export interface LevelReading {
  peakDbfs: number;
  rmsDbfs: number;
  clipping: boolean;
}

declare global {
  interface HTMLElementTagNameMap {
    'headroom-level-meter': HeadroomLevelMeter;
  }
}

@customElement('headroom-level-meter')
export class HeadroomLevelMeter extends LitElement {
  static override styles = [
    baseStyles,
    tickRowStyles,
    css`
      /* Levels change 30 times a second: contained, a change lays out and paints this meter only. */
      :host {
        display: block;
        min-width: 0;
        contain: layout paint style;
      }
      .meter {
        display: grid;
        gap: 0.3rem 0.5rem;
        align-items: center;
        grid-template-columns: minmax(0, 1fr) auto;
        grid-template-areas:
          'head head'
          'track clip'
          'scale .';
      }
      .head {
        grid-area: head;
        display: flex;
        justify-content: space-between;
        gap: 0.5rem;
        font-size: 0.85rem;
        min-width: 0;
      }
      .label {
        font-weight: 600;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .readout {
        flex: none;
      }
      .track {
        grid-area: track;
        position: relative;
        height: 0.9rem;
        background: var(--_surface-2);
        border: 1px solid var(--_border);
        border-radius: 4px;
        overflow: hidden;
      }
      /* Bars scale and the hold line moves by transforms: a new level needs no layout. */
      .fill,
      .hold {
        position: absolute;
        inset: 0;
        transform-origin: left;
      }
      .peak {
        transform: scaleX(var(--peak));
        background: color-mix(in srgb, var(--_zone) 40%, transparent);
      }
      .rms {
        transform: scaleX(var(--rms));
        background: var(--_zone);
      }
      .hold {
        transform: translateX(calc((var(--hold) - 1) * 100%));
        border-right: 2px solid var(--_text);
      }
      .track.safe {
        --_zone: var(--_good);
      }
      .track.hot {
        --_zone: var(--_warn);
      }
      .track.over {
        --_zone: var(--_bad);
      }
      .clip {
        grid-area: clip;
        font-size: 0.75rem;
        font-weight: 750;
        letter-spacing: 0.06em;
        padding: 0.1rem 0.4rem;
        border-radius: 4px;
        border: 1px solid var(--_border);
        color: var(--_muted);
        background: var(--_surface);
        opacity: 0.55;
      }
      .clip.lit {
        opacity: 1;
        color: var(--_surface);
        background: var(--_bad);
        border-color: var(--_bad);
      }
      .ticks {
        grid-area: scale;
        height: 0.95rem;
      }
    `,
  ];

  @property() label = 'Level';

  /** Peak level of the last block, dBFS (−Infinity for silence). */
  @property({ type: Number, attribute: 'peak-dbfs' }) peakDbfs = -Infinity;

  /** RMS level of the last block, dBFS, where a full-scale sine reads 0. */
  @property({ type: Number, attribute: 'rms-dbfs' }) rmsDbfs = -Infinity;

  /** True while the signal clips; the light then stays lit a second after it ends. */
  @property({ type: Boolean }) clipping = false;

  /** Live readings; undefined in it means silence (nothing plays). */
  @property({ attribute: false }) live: LiveValue<LevelReading | undefined> | null = null;

  readonly #hold = new LevelHold();
  #wake: ReturnType<typeof setTimeout> | undefined;
  #wakeAt = Infinity;

  constructor() {
    super();
    new LiveController(this, () => this.live, (reading) => {
      this.peakDbfs = reading?.peakDbfs ?? -Infinity;
      this.rmsDbfs = reading?.rmsDbfs ?? -Infinity;
      this.clipping = reading?.clipping ?? false;
    });
  }

  /** True while the clip light is lit (latched). */
  get clipIndicated(): boolean {
    return this.#hold.clipLit;
  }

  protected override willUpdate(): void {
    const now = performance.now();
    const wakeAt = this.#hold.read(this.peakDbfs, this.rmsDbfs, this.clipping, now);
    if (wakeAt === this.#wakeAt) return;
    // One timer: the hold falls or the clip light goes out when no new reading arrives.
    clearTimeout(this.#wake);
    this.#wakeAt = wakeAt;
    if (wakeAt < Infinity) this.#wake = setTimeout(() => {
      this.#wakeAt = Infinity;
      this.requestUpdate();
    }, wakeAt - now);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#wake);
    this.#wakeAt = Infinity;
  }

  override render(): TemplateResult {
    const { clipLit, holdDbfs, readout } = this.#hold;
    const value = meterValue(this.peakDbfs, this.rmsDbfs, clipLit);
    return html`<div class="meter">
      <div class="head">
        <span class="label">${this.label}</span>
        <span class="readout num muted" aria-hidden="true">${levelText(readout.peak)} · ${number(readout.rms, 1)} RMS</span>
      </div>
      <div
        class="track ${levelZone(this.peakDbfs, clipLit)}"
        role="meter"
        aria-label=${this.label}
        aria-valuemin=${MIN_DBFS}
        aria-valuemax="0"
        aria-valuenow=${value.now}
        aria-valuetext=${value.text}
        style="--peak: ${barFraction(this.peakDbfs)}; --rms: ${barFraction(this.rmsDbfs)}; --hold: ${barFraction(holdDbfs)}"
      >
        <div class="fill peak"></div>
        <div class="fill rms"></div>
        ${holdDbfs > MIN_DBFS ? html`<div class="hold"></div>` : nothing}
      </div>
      <span class="clip ${clipLit ? 'lit' : ''}" data-testid="clip" aria-hidden="true">CLIP</span>
      <div class="ticks" aria-hidden="true">
        ${TICKS_DB.map((t) => html`<span style=${`left: ${(barFraction(t) * 100).toFixed(2)}%`}>${number(t)}</span>`)}
      </div>
    </div>`;
  }
}
