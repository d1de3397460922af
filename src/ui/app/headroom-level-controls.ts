/**
 * <headroom-level-controls>: hearing safety in one place — the listening level (starts low),
 * the calibration (0 dBFS ↔ dB SPL), the simulated SPL of what is heard, a warning above
 * 85 dB SPL, and a note that the output limiter holds everything at or below −1 dBFS.
 *
 * Typed values are checked, never clamped: an out-of-range calibration shows the allowed
 * range next to the field, keeps what was typed, and nothing is sent to the audio.
 *
 * The simulated level comes from `live` (the heard listener's readings), paced and held as
 * src/text/spl-readout.ts says. The warning takes the readout's box, which is always as tall
 * as the warning: nothing below moves when it comes or goes (layout shift, docs/decisions.md
 * "A quiet page").
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LiveController } from '../controllers/live-controller.ts';
import type { LiveValue } from '../controllers/live-value.ts';
import { levelSlider } from '../level-slider.ts';
import { numberInput } from '../number-field.ts';
import { baseStyles, compactFieldStyles, noteStyles } from '../styles.ts';
import {
  CALIBRATION_RANGE,
  LISTENING_LEVEL_RANGE,
  SAFE_LISTENING_DB_SPL,
  checkCalibration,
  checkListeningLevel,
} from '../../audio/engine/index.ts';
import { emit } from '../emit.ts';
import { SplReadout } from '../../text/spl-readout.ts';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-level-controls': HeadroomLevelControls;
  }
}

@customElement('headroom-level-controls')
export class HeadroomLevelControls extends LitElement {
  static override styles = [
    baseStyles,
    compactFieldStyles,
    noteStyles,
    css`
      :host {
        display: grid;
        gap: 0.7rem;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem 1.2rem;
        align-items: flex-end;
      }
      .level {
        flex: 1 1 14rem;
      }
      .level-line {
        display: flex;
        align-items: center;
        gap: 0.6rem;
        color: var(--_text);
      }
      input[type='range'] {
        flex: 1 1 auto;
        accent-color: var(--_accent);
        min-width: 6rem;
      }
      /* The readout and the warning share one box, sized for the warning (both stacked in one grid cell). */
      .status {
        display: grid;
        border: 1px solid var(--_border);
        border-radius: 8px;
        padding: 0.45rem 0.7rem;
      }
      .status > * {
        grid-area: 1 / 1;
        margin: 0;
      }
      .status.loud {
        border-color: var(--_warn);
        background: var(--_warn-bg);
      }
      .sizer {
        visibility: hidden;
      }
      .spl strong {
        font-size: 1.05rem;
      }
    `,
  ];

  /** Listening level in dB (≤ 0), as applied now. */
  @property({ type: Number }) level: number = LISTENING_LEVEL_RANGE.initial;
  @property({ type: Number }) calibrationDbSpl: number = CALIBRATION_RANGE.initial;
  /** Simulated SPL of the heard listener (from the live meters); null while silent or stopped. */
  @property({ attribute: false }) simulatedSplDb: number | null = null;
  /** The heard listener's live readings (undefined while nothing plays); sets `simulatedSplDb`. */
  @property({ attribute: false }) live: LiveValue<{ splDb: number } | undefined> | null = null;

  @state() private calibrationText: string | null = null;
  /** A reading above the safe level came lately (the readout's warning hold). */
  @state() private loudLately = false;
  readonly #readout = new SplReadout(SAFE_LISTENING_DB_SPL);

  constructor() {
    super();
    new LiveController(this, () => this.live, (reading) => {
      this.#readout.read(reading?.splDb, performance.now());
      this.simulatedSplDb = this.#readout.shown;
      this.loudLately = this.#readout.loudLately;
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('live')) this.#readout.reset();
  }

  override render(): TemplateResult {
    const warningText = `That is above ${SAFE_LISTENING_DB_SPL} dB SPL: hours at this level damage hearing.`;
    const calibrationText = this.calibrationText ?? String(this.calibrationDbSpl);
    const calibration = checkCalibration(calibrationText);
    const spl = this.simulatedSplDb;
    const loud = spl !== null && (spl > SAFE_LISTENING_DB_SPL || this.loudLately);
    return html`
      <div class="row">
        <label class="level">
          Listening level
          <span class="level-line">
            ${levelSlider('listening-level', this.level, this.onLevel)}
          </span>
        </label>
        <label>
          0 dBFS sine means (dB SPL)
          ${numberInput({
            testid: 'calibration',
            value: calibrationText,
            invalid: !calibration.ok,
            describedBy: 'calibration-error',
            onChange: this.onCalibration,
            onInput: (text) => (this.calibrationText = text),
          })}
        </label>
      </div>
      <p id="calibration-error" class="field-error" role="alert">${calibration.ok ? '' : calibration.message}</p>
      <div class="status ${loud ? 'loud' : ''}">
        <p class="sizer" aria-hidden="true"><span class="spl">The music now (simulated): <strong>000.0 dB SPL</strong></span> ${warningText}</p>
        <p>
          <span class="spl" data-testid="simulated-spl" role="status">
            The music now (simulated):
            <strong class="num">${spl === null ? '—' : `${spl.toFixed(1)} dB SPL`}</strong>
          </span>
          <span role="alert">${loud ? html`<span data-testid="spl-warning">${warningText}</span>` : nothing}</span>
        </p>
      </div>
      <p class="hint">
        A limiter keeps the output at or below −1 dBFS whatever the setup. Your own device's volume still counts: start
        low.
      </p>
    `;
  }

  private readonly onLevel = (text: string): void => {
    const check = checkListeningLevel(text);
    if (check.ok) emit(this, 'listening-level-change', { db: check.value });
  };

  private readonly onCalibration = (text: string): void => {
    this.calibrationText = text;
    const check = checkCalibration(text);
    if (!check.ok) return;
    this.calibrationText = null;
    emit(this, 'calibration-change', { dbSpl: check.value });
  };
}
