/**
 * <headroom-input-panel>: the input side of an audio interface, heard and measured (issue 7).
 *
 * Two input choices, A and B, each an instrument input (a pickup, its cable and the input) or
 * a microphone input (phantom power, preamp, converter), each with its latency; Play/Pause,
 * A/B, monitoring (direct + delayed: the comb filter) and a listening level; the model's
 * input report and the instrument response of A and B.
 *
 * It owns its drafts (src/state/editor/input-sides.ts) and its player (the input engine, made
 * on the first Play, a user gesture, and released when the element is disconnected:
 * src/audio/input-engine/input-player.ts). It needs no properties (an optional `workletUrl`
 * overrides where the worklet module comes from, for tests).
 * A typed value out of range shows the contract's message and the allowed range next to
 * the field and never reaches the audio (nor an event).
 *
 * Events (bubbling, composed):
 *   `input-change`  { side: 'A' | 'B', choice: InputChoice }  a side's valid choice changed
 *   `input-play`    { playing: boolean }
 *   `input-side-change` { side: 'A' | 'B' }
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { InputChoice, InputEngine } from '../../audio/input-engine/index.ts';
import { InputPlayer, type InputSound } from '../../audio/input-engine/input-player.ts';
import { microphones } from '../../model/catalog/input.ts';
import type { InputType } from '../../model/input/contract.ts';
import { domId } from '../../state/editor/field-errors.ts';
import { fieldMessages } from '../../state/editor/field-specs.ts';
import { numberField } from '../number-field.ts';
import { badgeStyles, baseStyles, cardStyles, formStyles, panelStyles, pillStyles } from '../styles.ts';
import { LISTENING_LEVEL_RANGE } from '../../audio/engine/index.ts';
import { levelSlider } from '../level-slider.ts';
import './headroom-input-response-plot.ts';
import type { InputResponseCurve } from './headroom-input-response-plot.ts';
import { CUSTOM, withPickup, type InputDraft } from '../../state/editor/input-draft.ts';
import { changedChoice, defaultSides, inputSide } from '../../state/editor/input-sides.ts';
import { readout, type ReadoutRow } from '../../text/input-readouts.ts';
import * as form from '../../text/input-form.ts';
import { inputPanelStyles } from './input-styles.ts';
import { emit } from '../emit.ts';
import type { Side } from '../../audio/engine/types.ts';

export type { InputSound };

declare global {
  interface HTMLElementTagNameMap {
    'headroom-input-panel': HeadroomInputPanel;
  }
}

const SIDES = ['A', 'B'] as const;

/** One part of a side's form: its fields in a grid, and a note under them. */
const group = (legend: string, fields: TemplateResult, note: TemplateResult | typeof nothing = nothing): TemplateResult =>
  html`<fieldset><legend>${legend}</legend><div class="grid">${fields}</div>${note}</fieldset>`;

@customElement('headroom-input-panel')
export class HeadroomInputPanel extends LitElement {
  static override styles = [baseStyles, panelStyles, formStyles, pillStyles, badgeStyles, cardStyles, inputPanelStyles];

  /**
   * Optional: where the input worklet module is loaded from (default: the bundled
   * worklets/input.worklet.ts). Tests pass a copy without the line Vitest's browser mode adds.
   */
  @property({ attribute: false }) workletUrl: string | undefined = undefined;

  @state() private sides = defaultSides();
  @state() private busy = false;
  @state() private message = '';

  readonly #player = new InputPlayer({
    listeningLevelDb: LISTENING_LEVEL_RANGE.initial,
    isLive: () => this.isConnected,
    onError: (message) => (this.message = message),
  });
  /** Engine-side messages per side (e.g. a monitoring latency too long to hear). */
  #engineErrors: Record<Side, string> = { A: '', B: '' };

  /** The engine, once Play made it (for tests and the app's diagnostics); null before. */
  get engine(): InputEngine | null {
    return this.#player.engine;
  }

  /** The valid choices (null for a side with an invalid field). */
  get choices(): Record<Side, InputChoice | null> {
    return { A: this.sides.A.evaluation.choice, B: this.sides.B.evaluation.choice };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#player.dispose();
  }

  #edit(side: Side, change: (draft: InputDraft) => InputDraft): void {
    const before = this.sides[side];
    const after = inputSide(change(before.draft));
    this.sides = { ...this.sides, [side]: after };
    const choice = changedChoice(before, after);
    if (!choice) return;
    this.#engineErrors[side] = '';
    try {
      this.#player.setChoice(side, choice);
    } catch (error) {
      this.#engineErrors[side] = (error as Error).message;
      return;
    }
    emit(this, 'input-change', { side, choice });
  }

  #setHeard(side: Side): void {
    if (side === this.#player.side) return;
    this.#player.setSide(side);
    this.requestUpdate();
    emit(this, 'input-side-change', { side });
  }

  /** A setting of the bar: the player keeps it (the engine gets it once it exists); an engine's refusal is shown. */
  #set(change: () => void): void {
    try {
      change();
    } catch (error) {
      this.message = (error as Error).message;
    }
    this.requestUpdate();
  }

  async #setSound(sound: InputSound): Promise<void> {
    const setting = this.#player.setSound(sound);
    this.requestUpdate();
    await setting;
    this.requestUpdate();
  }

  /** Stops the input side's sound; the app calls it when the output side starts playing. */
  pause(): void {
    if (this.#player.playing) void this.#togglePlay();
  }

  async #togglePlay(): Promise<void> {
    const { A: a, B: b } = this.choices;
    if (this.#player.playing) {
      this.#player.pause();
      this.requestUpdate();
      emit(this, 'input-play', { playing: false });
      return;
    }
    if (!a || !b) return;
    this.busy = true;
    this.message = '';
    try {
      await this.#player.play(a, b, this.workletUrl);
      emit(this, 'input-play', { playing: true });
    } catch (error) {
      this.message = `Could not play: ${(error as Error).message}`;
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    const valid = this.choices.A !== null && this.choices.B !== null;
    return html`
      <h2>Input side</h2>
      <p class="intro">
        What an audio interface's inputs do before anything is recorded: a guitar pickup loaded by its cable and the input, a microphone with
        phantom power, preamp noise and a converter, and the delay of monitoring through the computer. Compare two input choices, A and B.
      </p>
      ${this.#renderBar(valid)}
      ${this.#player.warning ? html`<p class="warn" role="status">${this.#player.warning}</p>` : nothing}
      ${this.message ? html`<p class="warn bad" role="alert">${this.message}</p>` : nothing}
      <div class="sides">${this.#renderSide('A')} ${this.#renderSide('B')}</div>
      ${this.#renderReadouts()}
      <headroom-input-response-plot .curves=${this.#curves()}></headroom-input-response-plot>
    `;
  }

  #renderBar(valid: boolean): TemplateResult {
    return html`<div class="bar" id="input-bar" role="group" aria-label="Listening">
      <button
        class="play"
        type="button"
        data-testid="input-play"
        ?disabled=${this.busy || (!this.#player.playing && !valid)}
        aria-label=${this.#player.playing ? 'Pause' : 'Play'}
        title=${valid ? '' : 'Fix the fields marked in red first'}
        @click=${() => void this.#togglePlay()}
      >
        ${this.busy ? 'Starting…' : this.#player.playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <div class="segmented" role="group" aria-label="Heard input">
        ${SIDES.map(
          (side) => html`<button type="button" data-testid=${`input-side-${side}`} aria-pressed=${this.#player.side === side ? 'true' : 'false'} @click=${() => this.#setHeard(side)}>${side}</button>`,
        )}
      </div>
      <label class="inline" title="The plucked string stands for the pickup's EMF; on the microphone path material stands for sound pressure (0 dBFS = 120 dB SPL). Use headphones with the microphone.">
        <span>Sound</span>
        <select data-testid="input-sound" .value=${live(this.#player.sound)} @change=${(e: Event) => void this.#setSound((e.target as HTMLSelectElement).value as InputSound)}>
          ${form.SOUND_OPTIONS.map((s) => html`<option value=${s.value} ?selected=${s.value === this.#player.sound}>${s.label}</option>`)}
        </select>
      </label>
      <label class="inline" title="Mix the direct sound with the copy delayed by each side's monitoring latency: the comb filter a performer hears">
        <input type="checkbox" data-testid="input-monitoring" .checked=${live(this.#player.monitoring)} @change=${(e: Event) => this.#set(() => this.#player.setMonitoring((e.target as HTMLInputElement).checked))} />
        Monitoring (direct + delayed)
      </label>
      <label class="level">
        <span>Level</span>
        ${levelSlider('input-level', this.#player.listeningLevelDb, (text) => this.#set(() => this.#player.setListeningLevelDb(Number(text))))}
      </label>
    </div>`;
  }

  #field(side: Side, spec: form.InputField): TemplateResult {
    const messages = this.sides[side].evaluation.fieldErrors.get(spec.path) ?? [];
    return numberField({
      ...spec,
      id: `${side.toLowerCase()}-${domId(spec.path)}`,
      value: this.sides[side].draft[spec.key],
      ...fieldMessages(messages, spec.path, spec.unit ?? ''),
      onInput: (value) => this.#edit(side, (d) => ({ ...d, [spec.key]: value, ...(spec.custom ? { pickupId: CUSTOM } : {}) })),
    });
  }

  #select<T extends string | number>(side: Side, label: string, value: T, options: readonly form.Option<T>[], set: (v: string) => void, wide = false): TemplateResult {
    const id = `${side.toLowerCase()}-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    return html`<div class="field ${wide ? 'wide' : ''}">
      <label for=${id}>${label}</label>
      <select id=${id} .value=${live(String(value))} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
        ${options.map((o) => html`<option value=${String(o.value)} ?selected=${o.value === value}>${o.label}</option>`)}
      </select>
    </div>`;
  }

  #renderSide(side: Side): TemplateResult {
    const { draft, evaluation } = this.sides[side];
    const name = `${side.toLowerCase()}-path`;
    const other = [...evaluation.otherErrors, ...(this.#engineErrors[side] ? [this.#engineErrors[side]] : [])];
    return html`<fieldset class="side ${this.#player.side === side ? 'heard' : ''}" data-side=${side}>
      <legend>Input ${side}${this.#player.side === side ? html`<span class="badge">heard</span>` : nothing}</legend>
      <div class="paths" role="radiogroup" aria-label=${`Input ${side}: what is plugged in`}>
        ${(['instrument', 'microphone'] as const).map(
          (path) => html`<label class="inline">
            <input type="radio" name=${name} value=${path} .checked=${live(draft.path === path)} @change=${() => this.#edit(side, (d) => ({ ...d, path }))} />
            ${path === 'instrument' ? 'Instrument (guitar)' : 'Microphone'}
          </label>`,
        )}
      </div>
      ${draft.path === 'instrument' ? this.#renderInstrument(side, draft) : this.#renderMicrophone(side, draft)} ${this.#renderLatency(side, draft)}
      ${other.length > 0 ? html`<p class="error" role="alert">${other.join(' ')}</p>` : nothing}
    </fieldset>`;
  }

  #renderInstrument(side: Side, draft: InputDraft): TemplateResult {
    return group(
      'Guitar, cable and input',
      html`${this.#select(side, 'Pickup', draft.pickupId, form.PICKUP_OPTIONS, (v) => this.#edit(side, (d) => withPickup(d, v)), true)}
        ${form.INSTRUMENT_FIELDS.map((f) => this.#field(side, f))}
        ${this.#select(side, 'Input type', draft.inputType, form.INPUT_TYPE_OPTIONS, (v) => this.#edit(side, (d) => ({ ...d, inputType: v as InputType })), true)}
        ${draft.inputType === 'custom' ? this.#field(side, form.CUSTOM_INPUT_FIELD) : nothing}`,
    );
  }

  #renderMicrophone(side: Side, draft: InputDraft): TemplateResult {
    const mic = microphones.find((m) => m.id === draft.micId) ?? microphones[0]!;
    return group(
      'Microphone, preamp and converter',
      html`${this.#select(side, 'Microphone', draft.micId, form.MICROPHONE_OPTIONS, (v) => this.#edit(side, (d) => ({ ...d, micId: v })), true)}
        <label class="check">
          <input type="checkbox" data-testid=${`input-phantom-${side}`} .checked=${live(draft.phantomPower)} @change=${(e: Event) => this.#edit(side, (d) => ({ ...d, phantomPower: (e.target as HTMLInputElement).checked }))} />
          <span>Phantom power (P48)${mic.kind === 'condenser' && !draft.phantomPower ? html`<span class="unit"> — off: a condenser gives no signal</span>` : nothing}</span>
        </label>
        ${form.PREAMP_FIELDS.map((f) => this.#field(side, f))}
        ${this.#select(side, 'Bit depth', draft.bitDepth, form.BIT_DEPTH_OPTIONS, (v) => this.#edit(side, (d) => ({ ...d, bitDepth: Number(v) === 16 ? 16 : 24 })))}
        <label class="check">
          <input type="checkbox" .checked=${live(draft.dither)} @change=${(e: Event) => this.#edit(side, (d) => ({ ...d, dither: (e.target as HTMLInputElement).checked }))} />
          <span>TPDF dither</span>
        </label>`,
    );
  }

  #renderLatency(side: Side, draft: InputDraft): TemplateResult {
    return group(
      'Latency',
      html`${form.LATENCY_FIELDS.map((f) => this.#field(side, f))}
        ${this.#select(side, 'Monitoring', draft.monitoring, form.MONITORING_OPTIONS, (v) => this.#edit(side, (d) => ({ ...d, monitoring: v as InputDraft['monitoring'] })), true)}`,
      html`<p class="note muted">A player notices about 10 ms: one 32-sample buffer each way feels immediate, 1024 samples like an echo. Turn on Monitoring to hear the delayed copy against the direct sound.</p>`,
    );
  }

  #renderReadouts(): TemplateResult {
    const [a, b] = [this.sides.A.report, this.sides.B.report];
    const row = (row: ReadoutRow) => html`<tr>
      <th scope="row">${row.label}${row.hint ? html`<span class="muted">${row.hint}</span>` : nothing}</th>
      ${[readout(a, row), readout(b, row)].map(
        (c, i) => html`<td class="value" data-readout=${row.key} data-side=${SIDES[i]} data-value=${c.value === null ? '' : String(c.value)}>
          ${c.text}${c.detail ? html`<span class="detail muted">${c.detail}</span>` : nothing}
        </td>`,
      )}
    </tr>`;
    return html`<div class="readouts" id="input-readouts">
      <table>
        <caption>
          The model’s figures (headroom/report@2, input section)
        </caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">A${a ? nothing : html` <span class="muted">(invalid)</span>`}</th>
            <th scope="col">B${b ? nothing : html` <span class="muted">(invalid)</span>`}</th>
          </tr>
        </thead>
        <tbody>
          ${form.readoutGroups(a, b).map(({ title, rows }) => html`<tr class="group"><th scope="rowgroup" colspan="3">${title}</th></tr>${rows.map(row)}`)}
        </tbody>
      </table>
    </div>`;
  }

  #curves(): InputResponseCurve[] {
    return SIDES.flatMap((side) => {
      const instrument = this.sides[side].report?.instrument;
      return instrument ? [{ side, label: form.responseCurveLabel(side, instrument, this.sides[side].draft.inputType), response: instrument.response }] : [];
    });
  }
}
