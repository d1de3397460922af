/**
 * <headroom-level-meter>: a peak/RMS level meter in dBFS with peak hold and a clip light
 * that stays lit for CLIP_LATCH_MS (1 s) after the last clipped block, so a one-block clip
 * is not missed.
 *
 * Properties: `label`, `peakDbfs`, `rmsDbfs`, `clipping`, and `live`: a LiveValue of readings that, when set,
 * drives peak, RMS and clipping itself, so levels arriving 30 times a second re-render this
 * meter only (src/ui/controllers/live-value.ts). Events: none.
 * Accessible as role="meter" with aria-valuenow = the peak level (clamped to the scale). The
 * scale, zones and words are src/drawing/level-meter.ts.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LiveController } from '../controllers/live-controller.ts';
import type { LiveValue } from '../controllers/live-value.ts';
import { barFraction, levelText, levelZone, meterValue, MIN_DBFS, TICKS_DB } from '../../drawing/level-meter.ts';
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

/** The numeric readout's pace (the bar follows every reading). */
const READOUT_MS = 125;
/** How long the peak hold line stays up. */
const HOLD_MS = 1500;
/** How long the clip light stays lit after the last clipped block. */
const CLIP_LATCH_MS = 1000;

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

  /** True while the signal clips; the light then stays lit CLIP_LATCH_MS after it ends. */
  @property({ type: Boolean }) clipping = false;

  /** Live readings; undefined in it means silence (nothing plays). */
  @property({ attribute: false }) live: LiveValue<LevelReading | undefined> | null = null;

  @state() private clipLit = false;
  @state() private holdDbfs = -Infinity;

  #holdUntil = 0;
  #clipUntil = 0;
  #holdTimer: ReturnType<typeof setTimeout> | undefined;
  #clipTimer: ReturnType<typeof setTimeout> | undefined;
  #readout = { peak: -Infinity, rms: -Infinity };
  #readoutAt = -Infinity;

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
    return this.clipLit;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const now = performance.now();
    // The numbers follow at a pace they can be read at (and a change of text costs a layout); the bar follows every reading.
    const silent = !Number.isFinite(this.peakDbfs);
    if (now - this.#readoutAt >= READOUT_MS || silent !== !Number.isFinite(this.#readout.peak)) {
      this.#readout = { peak: this.peakDbfs, rms: this.rmsDbfs };
      this.#readoutAt = now;
    }
    if (changed.has('peakDbfs')) {
      if (!(this.peakDbfs < this.holdDbfs) || now >= this.#holdUntil) {
        this.holdDbfs = this.peakDbfs;
        this.#holdUntil = now + HOLD_MS;
        clearTimeout(this.#holdTimer);
        // Let the hold fall back to the current peak when no new level arrives.
        this.#holdTimer = setTimeout(() => {
          this.holdDbfs = this.peakDbfs;
        }, HOLD_MS);
      }
    }
    if (this.clipping) {
      this.clipLit = true;
      this.#clipUntil = now + CLIP_LATCH_MS;
      clearTimeout(this.#clipTimer);
    } else if (changed.has('clipping') && this.clipLit) {
      this.#scheduleClipRelease();
    }
  }

  #scheduleClipRelease(): void {
    clearTimeout(this.#clipTimer);
    this.#clipTimer = setTimeout(
      () => {
        if (this.clipping) return;
        if (performance.now() >= this.#clipUntil - 1) this.clipLit = false;
        else this.#scheduleClipRelease();
      },
      Math.max(0, this.#clipUntil - performance.now()),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#holdTimer);
    clearTimeout(this.#clipTimer);
  }

  override render(): TemplateResult {
    const value = meterValue(this.peakDbfs, this.rmsDbfs, this.clipLit);
    return html`<div class="meter">
      <div class="head">
        <span class="label">${this.label}</span>
        <span class="readout num muted" aria-hidden="true">${levelText(this.#readout.peak)} · ${number(this.#readout.rms, 1)} RMS</span>
      </div>
      <div
        class="track ${levelZone(this.peakDbfs, this.clipLit)}"
        role="meter"
        aria-label=${this.label}
        aria-valuemin=${MIN_DBFS}
        aria-valuemax="0"
        aria-valuenow=${value.now}
        aria-valuetext=${value.text}
        style="--peak: ${barFraction(this.peakDbfs)}; --rms: ${barFraction(this.rmsDbfs)}; --hold: ${barFraction(this.holdDbfs)}"
      >
        <div class="fill peak"></div>
        <div class="fill rms"></div>
        ${Number.isFinite(this.holdDbfs) && this.holdDbfs > MIN_DBFS ? html`<div class="hold"></div>` : nothing}
      </div>
      <span class="clip ${this.clipLit ? 'lit' : ''}" data-testid="clip" aria-hidden="true">CLIP</span>
      <div class="ticks" aria-hidden="true">
        ${TICKS_DB.map((t) => html`<span style=${`left: ${(barFraction(t) * 100).toFixed(2)}%`}>${number(t)}</span>`)}
      </div>
    </div>`;
  }
}
