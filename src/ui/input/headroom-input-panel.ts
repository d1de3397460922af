/**
 * <headroom-input-panel>: the input side of an audio interface, heard and measured (issue 7).
 *
 * Two input choices, A and B (by default a Stratocaster on 3 m of cable into a hi-Z input
 * and into a line input), each an instrument input (pickup from the catalog or custom L/R/C,
 * cable, input type) or a microphone input (dynamic or condenser, phantom power, preamp gain
 * and EIN, converter level, bits, dither), each with its latency (sample rate, buffers,
 * converter latency, monitoring). Play/Pause, A/B, monitoring (direct + delayed: the comb
 * filter) and a listening level; readouts from the model's input report and the instrument
 * response of A and B.
 *
 * It owns its state and its input engine: the engine is made on the first Play (a user
 * gesture) and released when the element is disconnected. It needs no properties (an
 * optional `workletUrl` overrides where the worklet module comes from, for tests).
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
import { InputEngine, type InputChoice } from '../../audio/input-engine/index.ts';
import { renderDemoTrack, renderPluckedString, type SourceMaterial } from '../../audio/sources/index.ts';
import { microphoneErrorMessage } from '../../audio/engine/index.ts';
import { microphones, pickups } from '../../model/catalog/input.ts';
import { INPUT_TYPE_OHMS, type InputType } from '../../model/input/contract.ts';
import { buildInputReport } from '../../model/input/report.ts';
import type { InputReport } from '../../model/report-contract.ts';
import { formatOhms, withUnit } from '../../text/format.ts';
import { domId, messageWithoutPath } from '../../state/editor/field-errors.ts';
import { rangeOf, statesRange, rangeText } from '../../state/editor/ranges.ts';
import { numberField } from '../number-field.ts';
import { badgeStyles, baseStyles, cardStyles, formStyles, pillStyles } from '../styles.ts';
import { LISTENING_LEVEL_RANGE } from '../app/listening-level.ts';
import { levelSlider } from '../level-slider.ts';
import './headroom-input-response-plot.ts';
import type { InputResponseCurve } from './headroom-input-response-plot.ts';
import { CUSTOM, defaultDraft, evaluateInputDraft, withPickup, type InputDraft, type InputEvaluation } from '../../state/editor/input-draft.ts';
import { INSTRUMENT_ROWS, LATENCY_ROWS, MICROPHONE_ROWS, monitoringName, readout, type ReadoutRow } from '../../text/input-readouts.ts';
import { inputPanelStyles } from './input-styles.ts';
import { emit } from '../emit.ts';
import type { Side } from '../../audio/engine/types.ts';

export type InputSound = 'plucked' | 'demo' | 'microphone';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-input-panel': HeadroomInputPanel;
  }
}

/** 1 MΩ, 10 kΩ, 2 kΩ: input impedances read best in the largest whole unit. */
function inputOhms(ohms: number): string {
  return ohms >= 1e6 ? withUnit(ohms / 1e6, 'MΩ') : formatOhms(ohms);
}

const INPUT_TYPES: readonly { value: InputType; label: string }[] = [
  { value: 'hi-z', label: `Hi-Z instrument input (${inputOhms(INPUT_TYPE_OHMS['hi-z'])})` },
  { value: 'line', label: `Line input (${inputOhms(INPUT_TYPE_OHMS.line)})` },
  { value: 'mic', label: `Microphone input (${inputOhms(INPUT_TYPE_OHMS.mic)})` },
  { value: 'custom', label: 'Custom input impedance' },
];

const SOUNDS: readonly { value: InputSound; label: string }[] = [
  { value: 'plucked', label: 'Plucked string' },
  { value: 'demo', label: 'Demo track' },
  { value: 'microphone', label: 'Microphone (live)' },
];

interface FieldSpec {
  path: string;
  label: string;
  unit?: string;
  key: keyof InputDraft;
  optional?: boolean;
  signed?: boolean;
  /** Typing here makes the pickup "custom". */
  custom?: boolean;
}

@customElement('headroom-input-panel')
export class HeadroomInputPanel extends LitElement {
  static override styles = [baseStyles, formStyles, pillStyles, badgeStyles, cardStyles, inputPanelStyles];

  /**
   * Optional: where the input worklet module is loaded from (default: the bundled
   * worklets/input.worklet.ts). Tests pass a copy without the line Vitest's browser mode adds.
   */
  @property({ attribute: false }) workletUrl: string | undefined = undefined;

  @state() private drafts: Record<Side, InputDraft> = { A: defaultDraft('hi-z'), B: defaultDraft('line') };
  @state() private heard: Side = 'A';
  @state() private playing = false;
  @state() private busy = false;
  @state() private monitoring = false;
  @state() private sound: InputSound = 'plucked';
  @state() private listeningLevelDb: number = LISTENING_LEVEL_RANGE.initial;
  @state() private message = '';
  @state() private warning = '';

  #engine: InputEngine | null = null;
  #creating: Promise<InputEngine> | null = null;
  #evaluations: Record<Side, InputEvaluation> = { A: evaluateInputDraft(this.drafts.A), B: evaluateInputDraft(this.drafts.B) };
  #reports: Record<Side, InputReport | null> = { A: null, B: null };
  #materials = new Map<string, Promise<SourceMaterial>>();
  /** Engine-side messages per side (e.g. a monitoring latency too long to hear). */
  #engineErrors: Record<Side, string> = { A: '', B: '' };

  constructor() {
    super();
    this.#refreshReports();
  }

  /** The engine, once Play made it (for tests and the app's diagnostics); null before. */
  get engine(): InputEngine | null {
    return this.#engine;
  }

  /** The valid choices (null for a side with an invalid field). */
  get choices(): Record<Side, InputChoice | null> {
    return { A: this.#evaluations.A.choice, B: this.#evaluations.B.choice };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    const engine = this.#engine;
    this.#engine = null;
    this.#creating = null;
    this.playing = false;
    void engine?.dispose();
  }

  // ── State changes ──────────────────────────────────────────────────────────

  #refreshReports(): void {
    for (const side of ['A', 'B'] as const) {
      const choice = this.#evaluations[side].choice;
      this.#reports[side] = choice ? buildInputReport(choice.input) : null;
    }
  }

  #edit(side: Side, change: (draft: InputDraft) => InputDraft): void {
    const draft = change(this.drafts[side]);
    this.drafts = { ...this.drafts, [side]: draft };
    const before = this.#evaluations[side].choice;
    const evaluation = evaluateInputDraft(draft);
    this.#evaluations = { ...this.#evaluations, [side]: evaluation };
    this.#refreshReports();
    const choice = evaluation.choice;
    if (!choice || JSON.stringify(choice) === JSON.stringify(before)) return;
    this.#engineErrors[side] = '';
    if (this.#engine) {
      try {
        this.#engine.setChoice(side, choice);
      } catch (error) {
        this.#engineErrors[side] = (error as Error).message;
        return;
      }
    }
    emit(this, 'input-change', { side, choice });
  }

  #setHeard(side: Side): void {
    if (side === this.heard) return;
    this.heard = side;
    this.#engine?.setSide(side);
    emit(this, 'input-side-change', { side });
  }

  #setMonitoring(on: boolean): void {
    this.monitoring = on;
    try {
      this.#engine?.setMonitoring(on);
    } catch (error) {
      this.message = (error as Error).message;
    }
  }

  #setLevel(db: number): void {
    this.listeningLevelDb = db;
    this.#engine?.setListeningLevelDb(db);
  }

  async #setSound(sound: InputSound): Promise<void> {
    this.sound = sound;
    if (this.#engine && this.playing) await this.#loadSound(this.#engine);
  }

  #material(kind: 'plucked' | 'demo', sampleRate: number): Promise<SourceMaterial> {
    const key = `${kind}@${sampleRate}`;
    let material = this.#materials.get(key);
    if (!material) {
      material = kind === 'plucked' ? renderPluckedString(sampleRate) : renderDemoTrack(sampleRate);
      this.#materials.set(key, material);
      material.catch(() => this.#materials.delete(key));
    }
    return material;
  }

  async #loadSound(engine: InputEngine): Promise<void> {
    this.warning = '';
    if (this.sound === 'microphone') {
      try {
        this.warning = await engine.useMicrophone();
      } catch (error) {
        this.message = error instanceof Error ? error.message : microphoneErrorMessage(error);
      }
      return;
    }
    engine.setMaterial(await this.#material(this.sound, engine.context.sampleRate));
    engine.play();
  }

  /** Made in the click that plays: the AudioContext is created inside the user gesture. */
  #ensureEngine(a: InputChoice, b: InputChoice): Promise<InputEngine> {
    this.#creating ??= InputEngine.create({
      a,
      b,
      ...(this.workletUrl ? { workletUrl: this.workletUrl } : {}),
      listeningLevelDb: this.listeningLevelDb,
      monitoring: this.monitoring,
      onError: (message) => (this.message = message),
    }).then((engine) => {
      if (!this.isConnected) {
        void engine.dispose();
        throw new Error('the input panel was removed');
      }
      engine.setSide(this.heard, engine.context.currentTime);
      this.#engine = engine;
      return engine;
    });
    this.#creating.catch(() => (this.#creating = null));
    return this.#creating;
  }

  /** Stops the input side's sound; the app calls it when the output side starts playing. */
  pause(): void {
    if (this.playing) void this.#togglePlay();
  }

  async #togglePlay(): Promise<void> {
    const a = this.#evaluations.A.choice;
    const b = this.#evaluations.B.choice;
    if (this.playing) {
      this.#engine?.pause();
      this.#engine?.stopMicrophone();
      this.playing = false;
      emit(this, 'input-play', { playing: false });
      return;
    }
    if (!a || !b) return;
    this.busy = true;
    this.message = '';
    try {
      const engine = await this.#ensureEngine(a, b);
      await engine.start();
      await this.#loadSound(engine);
      this.playing = true;
      emit(this, 'input-play', { playing: true });
    } catch (error) {
      this.message = `Could not play: ${(error as Error).message}`;
    } finally {
      this.busy = false;
    }
  }

  // ── Rendering ──────────────────────────────────────────────────────────────

  override render(): TemplateResult {
    const valid = this.#evaluations.A.choice !== null && this.#evaluations.B.choice !== null;
    return html`
      <h2>Input side</h2>
      <p class="intro">
        What an audio interface's inputs do before anything is recorded: a guitar pickup loaded by its cable and the input, a microphone with
        phantom power, preamp noise and a converter, and the delay of monitoring through the computer. Compare two input choices, A and B.
      </p>
      ${this.#renderBar(valid)}
      ${this.warning ? html`<p class="warn" role="status">${this.warning}</p>` : nothing}
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
        ?disabled=${this.busy || (!this.playing && !valid)}
        aria-label=${this.playing ? 'Pause' : 'Play'}
        title=${valid ? '' : 'Fix the fields marked in red first'}
        @click=${() => void this.#togglePlay()}
      >
        ${this.busy ? 'Starting…' : this.playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <div class="segmented" role="group" aria-label="Heard input">
        ${(['A', 'B'] as const).map(
          (side) => html`<button type="button" data-testid=${`input-side-${side}`} aria-pressed=${this.heard === side ? 'true' : 'false'} @click=${() => this.#setHeard(side)}>${side}</button>`,
        )}
      </div>
      <label class="inline" title="The plucked string stands for the pickup's EMF; on the microphone path material stands for sound pressure (0 dBFS = 120 dB SPL). Use headphones with the microphone.">
        <span>Sound</span>
        <select data-testid="input-sound" .value=${live(this.sound)} @change=${(e: Event) => void this.#setSound((e.target as HTMLSelectElement).value as InputSound)}>
          ${SOUNDS.map((s) => html`<option value=${s.value} ?selected=${s.value === this.sound}>${s.label}</option>`)}
        </select>
      </label>
      <label class="inline" title="Mix the direct sound with the copy delayed by each side's monitoring latency: the comb filter a performer hears">
        <input type="checkbox" data-testid="input-monitoring" .checked=${live(this.monitoring)} @change=${(e: Event) => this.#setMonitoring((e.target as HTMLInputElement).checked)} />
        Monitoring (direct + delayed)
      </label>
      <label class="level">
        <span>Level</span>
        ${levelSlider('input-level', this.listeningLevelDb, (text) => this.#setLevel(Number(text)))}
      </label>
    </div>`;
  }

  #field(side: Side, spec: FieldSpec): TemplateResult {
    const messages = this.#evaluations[side].fieldErrors.get(spec.path) ?? [];
    const range = rangeOf(spec.path);
    return numberField({
      ...spec,
      id: `${side.toLowerCase()}-${domId(spec.path)}`,
      value: String(this.drafts[side][spec.key]),
      errors: messages.map((m) => messageWithoutPath(m, spec.path)),
      ...(range && !messages.some((m) => statesRange(m, spec.path)) ? { allowed: rangeText(range, spec.unit ?? '') } : {}),
      onInput: (value) => this.#edit(side, (d) => ({ ...d, [spec.key]: value, ...(spec.custom ? { pickupId: CUSTOM } : {}) })),
    });
  }

  #select<T extends string | number>(side: Side, label: string, value: T, options: readonly { value: T; label: string }[], set: (v: string) => void, wide = false): TemplateResult {
    const id = `${side.toLowerCase()}-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    return html`<div class="field ${wide ? 'wide' : ''}">
      <label for=${id}>${label}</label>
      <select id=${id} .value=${live(String(value))} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
        ${options.map((o) => html`<option value=${String(o.value)} ?selected=${o.value === value}>${o.label}</option>`)}
      </select>
    </div>`;
  }

  #renderSide(side: Side): TemplateResult {
    const draft = this.drafts[side];
    const evaluation = this.#evaluations[side];
    const name = `${side.toLowerCase()}-path`;
    const other = [...evaluation.otherErrors, ...(this.#engineErrors[side] ? [this.#engineErrors[side]] : [])];
    return html`<fieldset class="side ${this.heard === side ? 'heard' : ''}" data-side=${side}>
      <legend>Input ${side}${this.heard === side ? html`<span class="badge">heard</span>` : nothing}</legend>
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
    const pickupOptions = [...pickups.map((p) => ({ value: p.id, label: p.part.name })), { value: CUSTOM, label: 'Custom (type L, R, C)' }];
    return html`<fieldset>
      <legend>Guitar, cable and input</legend>
      <div class="grid">
        ${this.#select(side, 'Pickup', draft.pickupId, pickupOptions, (v) => this.#edit(side, (d) => withPickup(d, v)), true)}
        ${this.#field(side, { path: 'input.instrument.pickup.inductanceH', label: 'Inductance', unit: 'H', key: 'inductanceH', custom: true })}
        ${this.#field(side, { path: 'input.instrument.pickup.resistanceOhms', label: 'DC resistance', unit: 'Ω', key: 'resistanceOhms', custom: true })}
        ${this.#field(side, { path: 'input.instrument.pickup.capacitancePf', label: 'Winding capacitance', unit: 'pF', key: 'capacitancePf', custom: true })}
        ${this.#field(side, { path: 'input.instrument.controlsLoadOhms', label: 'Volume + tone pots', unit: 'Ω', key: 'controlsLoadOhms', optional: true })}
        ${this.#field(side, { path: 'input.instrument.cable.capacitancePfPerM', label: 'Cable', unit: 'pF/m', key: 'cablePfPerM' })}
        ${this.#field(side, { path: 'input.instrument.cable.lengthM', label: 'Cable length', unit: 'm', key: 'cableLengthM' })}
        ${this.#select(side, 'Input type', draft.inputType, INPUT_TYPES, (v) => this.#edit(side, (d) => ({ ...d, inputType: v as InputType })), true)}
        ${draft.inputType === 'custom' ? this.#field(side, { path: 'input.instrument.inputImpedanceOhms', label: 'Input impedance', unit: 'Ω', key: 'customInputOhms' }) : nothing}
      </div>
    </fieldset>`;
  }

  #renderMicrophone(side: Side, draft: InputDraft): TemplateResult {
    const mic = microphones.find((m) => m.id === draft.micId) ?? microphones[0]!;
    const micOptions = microphones.map((m) => ({ value: m.id, label: `${m.part.name} (${m.kind})` }));
    const bits = [
      { value: 24, label: '24 bits' },
      { value: 16, label: '16 bits' },
    ] as const;
    return html`<fieldset>
      <legend>Microphone, preamp and converter</legend>
      <div class="grid">
        ${this.#select(side, 'Microphone', draft.micId, micOptions, (v) => this.#edit(side, (d) => ({ ...d, micId: v })), true)}
        <label class="check">
          <input type="checkbox" data-testid=${`input-phantom-${side}`} .checked=${live(draft.phantomPower)} @change=${(e: Event) => this.#edit(side, (d) => ({ ...d, phantomPower: (e.target as HTMLInputElement).checked }))} />
          <span>Phantom power (P48)${mic.kind === 'condenser' && !draft.phantomPower ? html`<span class="unit"> — off: a condenser gives no signal</span>` : nothing}</span>
        </label>
        ${this.#field(side, { path: 'input.microphone.preamp.gainDb', label: 'Preamp gain', unit: 'dB', key: 'gainDb' })}
        ${this.#field(side, { path: 'input.microphone.preamp.einDbu', label: 'EIN', unit: 'dBu', key: 'einDbu', signed: true })}
        ${this.#field(side, { path: 'input.microphone.converter.maxInputDbu', label: 'Level at 0 dBFS', unit: 'dBu', key: 'maxInputDbu', signed: true })}
        ${this.#select(side, 'Bit depth', draft.bitDepth, bits, (v) => this.#edit(side, (d) => ({ ...d, bitDepth: Number(v) === 16 ? 16 : 24 })))}
        <label class="check">
          <input type="checkbox" .checked=${live(draft.dither)} @change=${(e: Event) => this.#edit(side, (d) => ({ ...d, dither: (e.target as HTMLInputElement).checked }))} />
          <span>TPDF dither</span>
        </label>
      </div>
    </fieldset>`;
  }

  #renderLatency(side: Side, draft: InputDraft): TemplateResult {
    const modes = (['computer', 'direct-digital', 'direct-analog'] as const).map((m) => ({ value: m, label: monitoringName(m).replace(/^./, (c) => c.toUpperCase()) }));
    return html`<fieldset>
      <legend>Latency</legend>
      <div class="grid">
        ${this.#field(side, { path: 'input.sampleRateHz', label: 'Sample rate', unit: 'Hz', key: 'sampleRateHz' })}
        ${this.#field(side, { path: 'input.latency.bufferSamples', label: 'Buffer size', unit: 'samples', key: 'bufferSamples' })}
        ${this.#field(side, { path: 'input.latency.inputBuffers', label: 'Input buffers', key: 'inputBuffers' })}
        ${this.#field(side, { path: 'input.latency.outputBuffers', label: 'Output buffers', key: 'outputBuffers' })}
        ${this.#field(side, { path: 'input.latency.converterLatency.value', label: 'Converters', unit: 'ms', key: 'converterLatencyMs' })}
        ${this.#select(side, 'Monitoring', draft.monitoring, modes, (v) => this.#edit(side, (d) => ({ ...d, monitoring: v as InputDraft['monitoring'] })), true)}
      </div>
      <p class="note">A player notices about 10 ms: one 32-sample buffer each way feels immediate, 1024 samples like an echo. Turn on Monitoring to hear the delayed copy against the direct sound.</p>
    </fieldset>`;
  }

  #renderReadouts(): TemplateResult {
    const a = this.#reports.A;
    const b = this.#reports.B;
    const group = (title: string, rows: readonly ReadoutRow[], shown: boolean) =>
      shown
        ? html`<tr class="group"><th scope="rowgroup" colspan="3">${title}</th></tr>
            ${rows.map((row) => {
              const cells = [readout(a, row), readout(b, row)];
              return html`<tr>
                <th scope="row">${row.label}${row.hint ? html`<span class="muted">${row.hint}</span>` : nothing}</th>
                ${cells.map(
                  (c, i) => html`<td class="value" data-readout=${row.key} data-side=${i === 0 ? 'A' : 'B'} data-value=${c.value === null ? '' : String(c.value)}>
                    ${c.text}${c.detail ? html`<span class="detail">${c.detail}</span>` : nothing}
                  </td>`,
                )}
              </tr>`;
            })}`
        : nothing;
    const hasInstrument = !!(a?.instrument || b?.instrument);
    const hasMic = !!(a?.microphone || b?.microphone);
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
          ${group('Instrument input', INSTRUMENT_ROWS, hasInstrument)} ${group('Microphone input', MICROPHONE_ROWS, hasMic)}
          ${group('Latency', LATENCY_ROWS, true)}
        </tbody>
      </table>
    </div>`;
  }

  #curves(): InputResponseCurve[] {
    const curves: InputResponseCurve[] = [];
    for (const side of ['A', 'B'] as const) {
      const instrument = this.#reports[side]?.instrument;
      if (!instrument) continue;
      const type = this.drafts[side].inputType;
      const into = type === 'custom' ? inputOhms(instrument.inputImpedanceOhms) : `${type === 'hi-z' ? 'hi-Z' : type} (${inputOhms(instrument.inputImpedanceOhms)})`;
      curves.push({ side, label: `${side} · ${instrument.pickup} → ${into}`, response: instrument.response });
    }
    return curves;
  }
}
