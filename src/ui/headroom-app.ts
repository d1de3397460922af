/**
 * <headroom-app>: the listening app. It owns the setup pair (A and B) and everything the user
 * set, passes them down to the views, and turns the views' events into changes of the pair
 * or of the sound (through EngineController). The pair lives in the URL (a shareable link)
 * and in localStorage; an invalid link shows its messages and falls back without overwriting
 * anything (src/state/initial-state.ts).
 *
 *   header: title, preset pairs
 *   Listen: sound, transport, A/B, listeners, loudness, level and safety, meters, scope, spectrum
 *   Setups A and B: editors and the model's numbers per listener
 *   Response and impedance plots, circuit diagrams, blind ABX, export/import
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { presets } from '../model/catalog/presets.ts';
import { buildReport } from '../model/report.ts';
import type { Report } from '../model/report-contract.ts';
import type { Setup } from '../model/setup.ts';
import {
  exportPairJson,
  importPairJson,
  initialState,
  PAIR_FILE_NAME,
  pairFromPreset,
  saveState,
  urlWithPair,
  type SetupPair,
  type StorageLike,
} from '../state/index.ts';
import { renderStretch } from '../audio/engine/index.ts';
import { appStyles } from './app/app-styles.ts';
import { EngineController } from './app/engine-controller.ts';
import { FileDropController } from './controllers/file-drop-controller.ts';
import { fold, initialFolds, PHONE_QUERY, type FoldId } from './app/fold.ts';
import { isTyping, spaceBelongsToFocus } from './typing-guard.ts';
import type { Side } from './app/headroom-ab-switch.ts';
import { describeSetup } from './app/setup-label.ts';
import { baseStyles } from './styles.ts';
import type { PresetChangeEvent, PresetOption } from './headroom-preset-picker.ts';
import type { ResponseCurve } from './views/headroom-response-plot.ts';
import type { NamedHeadphone } from './views/headroom-impedance-plot.ts';
import './headroom-preset-picker.ts';
import './headroom-report-view.ts';
import './app/headroom-ab-switch.ts';
import './app/headroom-export-panel.ts';
import './app/headroom-level-controls.ts';
import './app/headroom-source-picker.ts';
import './app/headroom-transport.ts';
import './abx/headroom-abx.ts';
import './setup-editor/headroom-setup-editor.ts';
import './views/headroom-circuit.ts';
import './views/headroom-impedance-plot.ts';
import './views/headroom-level-meter.ts';
import './views/headroom-response-plot.ts';
import './views/headroom-scope.ts';
import './views/headroom-spectrum.ts';
import './input/headroom-input-panel.ts';
import './teach/headroom-claims.ts';
import './teach/headroom-classroom.ts';
import './teach/headroom-lessons.ts';
import type { LessonListenEvent } from './teach/headroom-lesson.ts';
import { sourceChoiceOf } from './teach/lesson-text.ts';
import './teach/headroom-derivations.ts';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-app': HeadroomApp;
  }
}

type Computed = { ok: true; report: Report } | { ok: false; message: string };

const SIDES: readonly Side[] = ['A', 'B'];

function storage(): StorageLike | null {
  try {
    return window.localStorage;
  } catch {
    return null; // Storage blocked (privacy settings): the app still runs, it only cannot save.
  }
}

@customElement('headroom-app')
export class HeadroomApp extends LitElement {
  static override styles = [baseStyles, appStyles];

  @state() private pair: SetupPair;
  @state() private presetId: string;
  /** Things the user must know (a link that did not load, a setup that could not be saved). */
  @state() private messages: { text: string; error: boolean }[] = [];
  /** While a blind test runs, the heard side is not shown anywhere. */
  @state() private abxRunning = false;
  @state() private exportBusy = false;
  @state() private exportMessage = { text: '', error: false };
  /** Projector layout for teaching; the students' link (the URL) never carries it. */
  @state() private classroom = false;
  @state() private lessonId = '';
  /** Which folded sections are open (fold.ts: on a phone the long ones start folded). */
  @state() private opened = initialFolds(window.matchMedia(PHONE_QUERY).matches);

  private readonly audio: EngineController;
  private reports: Record<Side, Computed> = { A: { ok: false, message: '' }, B: { ok: false, message: '' } };
  /** What the plots and the A/B switch show, made once per pair: the same arrays until the pair changes, so they are left alone. */
  private perPair: { curves: ResponseCurve[]; headphones: NamedHeadphone[]; names: Record<Side, string[]> } = { curves: [], headphones: [], names: { A: [], B: [] } };
  /** Files are being dragged over the page (the source picker shows where they go). */
  @state() private dragging = false;

  constructor() {
    super();
    const start = initialState(window.location.href, storage());
    this.pair = start.pair;
    this.presetId = start.origin === 'preset' ? (new URL(window.location.href).searchParams.get('preset') ?? '') : start.origin === 'default' ? 'phone-hd600' : '';
    this.messages = start.messages.map((text) => ({ text, error: true }));
    // A link that was not opened leaves the address bar: it shows the setups on screen instead (nothing is saved by this).
    const params = new URL(window.location.href).searchParams;
    const fromLink = start.origin === 'url' || start.origin === 'preset';
    if (!fromLink && ['a', 'b', 'preset'].some((key) => params.has(key))) {
      const url = urlWithPair(window.location.href, this.pair);
      if (url.ok) window.history.replaceState(null, '', url.value);
    }
    this.audio = new EngineController(this, this.pair, { warmUp: true });
    new FileDropController(
      this,
      (file) => void this.audio.choose({ kind: 'file', file }),
      (dragging) => (this.dragging = dragging),
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKeyDown);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('keydown', this.onKeyDown);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pair' as keyof HeadroomApp)) {
      this.reports = { A: compute(this.pair.a), B: compute(this.pair.b) };
      const headphones = [...this.pair.a.headphones, ...this.pair.b.headphones];
      this.perPair = {
        curves: [
          { label: 'A', setup: this.pair.a },
          { label: 'B', setup: this.pair.b },
        ],
        headphones: headphones.filter((h, i) => headphones.findIndex((o) => o.name === h.name) === i).map((headphone) => ({ name: headphone.name, headphone })),
        names: { A: this.pair.a.headphones.map((h) => h.name), B: this.pair.b.headphones.map((h) => h.name) },
      };
    }
  }

  override render(): TemplateResult {
    const options: PresetOption[] = presets.map((p) => ({ id: p.id, title: p.title }));
    return html`
      <header>
        <div>
          <h1>Headroom</h1>
          <p class="tagline">
            Hear what output impedance, headphone amplifiers and splitters do to real audio — two chains, A and B,
            computed from a circuit model and played side by side.
          </p>
        </div>
        <div class="header-controls">
          <headroom-preset-picker .presets=${options} selected=${this.presetId} @preset-change=${this.onPresetChange}></headroom-preset-picker>
          <button type="button" class="classroom-toggle" data-testid="classroom-open" @click=${() => (this.classroom = true)}>
            Classroom mode
          </button>
        </div>
      </header>
      ${this.classroom ? this.renderClassroom() : nothing}
      ${this.renderNav()} ${this.renderMessages()}
      <main>
        ${this.renderListen()} ${this.renderSetups()} ${this.renderLessons()} ${this.renderPlots()} ${this.renderDerivations()}
        ${this.renderAbx()}
        ${this.renderClaims()} ${this.renderInputSide()}
        ${this.renderExport()}
      </main>
      <footer>
        Every number comes from the circuit model (<code>headroom/report@1</code>) of the setups shown; the sound comes
        from the same model running in AudioWorklets. Nothing is loaded from the network, and your files stay on your
        computer.
      </footer>
    `;
  }

  /** Section links. The sections live in this shadow root, where #fragments do not reach, so the links scroll by hand. */
  private renderNav(): TemplateResult {
    const sections: [id: string, label: string][] = [
      ['listen', 'Listen'],
      ['setups', 'Setups'],
      ['lessons', 'Lessons'],
      ['plots', 'Plots'],
      ['derivations', 'Formulas'],
      ['abx', 'Blind test'],
      ['claims', 'Claims'],
      ['input-side', 'Input side'],
      ['export', 'Export'],
    ];
    return html`<nav aria-label="Sections">
      ${sections.map(
        ([id, label]) => html`<a
          href=${`#${id}`}
          @click=${(event: Event) => {
            event.preventDefault();
            this.unfold(id);
            this.renderRoot.querySelector(`#${id}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
          }}
          >${label}</a
        >`,
      )}
    </nav>`;
  }

  /** A section link opens what it leads to. */
  private unfold(section: string): void {
    const folds: Partial<Record<string, FoldId>> = { lessons: 'lessons', plots: 'plots', derivations: 'derivations', abx: 'abx', claims: 'claims', 'input-side': 'inputSide', export: 'export' };
    const id = folds[section];
    if (id && !this.opened[id]) this.opened = { ...this.opened, [id]: true };
  }

  private renderMessages(): TemplateResult | typeof nothing {
    const all = [...this.messages, ...(this.audio.error ? [{ text: this.audio.error, error: true }] : [])];
    if (all.length === 0) return nothing;
    return html`<div class="messages" role="alert">
      ${all.map(
        (message, index) => html`<div class="message ${message.error ? 'error' : ''}" data-testid="app-message">
          <span>${message.text}</span>
          ${index < this.messages.length
            ? html`<button type="button" @click=${() => (this.messages = this.messages.filter((_, i) => i !== index))}>Dismiss</button>`
            : nothing}
        </div>`,
      )}
    </div>`;
  }

  private renderListen(): TemplateResult {
    const audio = this.audio;
    const transport = audio.transport;
    return html`<section id="listen" aria-labelledby="listen-heading">
      <h2 id="listen-heading">Listen</h2>
      <div class="card listen">
        <div class="stack">
          <headroom-transport
            ?playing=${transport.playing}
            ?loop=${transport.loop}
            .live=${audio.position}
            .duration=${transport.duration}
            @transport-play=${(e: HTMLElementEventMap['transport-play']) => this.playOutput(e.detail.playing)}
            @transport-seek=${(e: HTMLElementEventMap['transport-seek']) => audio.seek(e.detail.seconds)}
            @transport-loop=${(e: HTMLElementEventMap['transport-loop']) => audio.setLoop(e.detail.loop)}
          ></headroom-transport>
          <headroom-source-picker
            selected=${audio.source.kind}
            current=${audio.source.name}
            error=${audio.source.error}
            ?busy=${audio.source.busy}
            ?dragging=${this.dragging}
            @source-choose=${(e: HTMLElementEventMap['source-choose']) => void audio.choose(e.detail.choice)}
          ></headroom-source-picker>
          <div class="meters">${SIDES.map((side) => this.renderMeter(side))}</div>
        </div>
        <div class="stack">
          <headroom-ab-switch
            .side=${this.abxRunning ? null : audio.side}
            labelA=${describeSetup(this.pair.a)}
            labelB=${describeSetup(this.pair.b)}
            .listenersA=${this.perPair.names.A}
            .listenersB=${this.perPair.names.B}
            .listenerA=${audio.listeners.A}
            .listenerB=${audio.listeners.B}
            ?matchLoudness=${audio.matchLoudness}
            .loudnessOffsetDb=${audio.loudness && Number.isFinite(audio.loudness.offsetDb) ? audio.loudness.offsetDb : null}
            @side-change=${(e: HTMLElementEventMap['side-change']) => this.hear(e.detail.side)}
            @listener-change=${(e: HTMLElementEventMap['listener-change']) => audio.setListener(e.detail.side, e.detail.index)}
            @match-loudness-change=${(e: HTMLElementEventMap['match-loudness-change']) => audio.setMatchLoudness(e.detail.on)}
          ></headroom-ab-switch>
          <headroom-level-controls
            .level=${audio.listeningLevelDb}
            .calibrationDbSpl=${audio.calibrationDbSpl}
            .live=${audio.meters[audio.side]}
            @listening-level-change=${(e: HTMLElementEventMap['listening-level-change']) => audio.setListeningLevel(e.detail.db)}
            @calibration-change=${(e: HTMLElementEventMap['calibration-change']) => audio.setCalibration(e.detail.dbSpl)}
          ></headroom-level-controls>
        </div>
        <div class="analysers">
          <headroom-scope auto-scale .analyser=${audio.analyser} ?running=${transport.playing} label="What you hear"></headroom-scope>
          <headroom-spectrum
            .analyser=${audio.analyser}
            ?running=${transport.playing}
            ?harmonics=${audio.source.kind === 'sine'}
            label="What you hear"
          ></headroom-spectrum>
        </div>
      </div>
    </section>`;
  }

  private renderMeter(side: Side): TemplateResult {
    const setup = side === 'A' ? this.pair.a : this.pair.b;
    const name = setup.headphones[this.audio.listeners[side]]?.name ?? '';
    return html`<headroom-level-meter data-testid=${`meter-${side}`} label=${`${side}: ${name}`} .live=${this.audio.meters[side]}></headroom-level-meter>`;
  }

  private renderSetups(): TemplateResult {
    return html`<section id="setups" aria-labelledby="setups-heading">
      <h2 id="setups-heading">Setups A and B</h2>
      <div class="pair">${SIDES.map((side) => this.renderSide(side))}</div>
    </section>`;
  }

  private renderSide(side: Side): TemplateResult {
    const setup = side === 'A' ? this.pair.a : this.pair.b;
    const computed = this.reports[side];
    return html`<div class="card" data-testid=${`side-${side}`}>
      <h3 class="side-title"><span class="letter">${side}</span> ${describeSetup(setup)}</h3>
      <details>
        <summary>Edit setup ${side}</summary>
        <headroom-setup-editor
          label=${side}
          .setup=${setup}
          @setup-change=${(e: CustomEvent<{ setup: Setup }>) => this.changeSetup(side, e.detail.setup)}
        ></headroom-setup-editor>
      </details>
      ${computed.ok
        ? this.fold(`side${side}`, "The model's numbers and the circuit", () => html`<headroom-report-view
              .heading=${''}
              .story=${''}
              .setup=${setup}
              .report=${computed.report}
              .liveClipping=${this.audio.clippingOf(side)}
            ></headroom-report-view>
            <headroom-circuit
              .setup=${setup}
              .report=${computed.report}
              .heardListener=${!this.abxRunning && this.audio.side === side ? this.audio.listeners[side] : null}
            ></headroom-circuit>`)
        : html`<p class="message error" role="alert">The model could not compute setup ${side}: ${computed.message}</p>`}
    </div>`;
  }

  private renderPlots(): TemplateResult {
    return html`<section id="plots" aria-labelledby="plots-heading">
      <h2 id="plots-heading">Response and impedance</h2>
      <div class="card">
        ${this.fold('plots', 'Every listener’s response, each headphone’s impedance', () => html`<div class="plots">
          <headroom-response-plot .curves=${this.perPair.curves}></headroom-response-plot>
          <headroom-impedance-plot .headphones=${this.perPair.headphones}></headroom-impedance-plot>
        </div>`)}
      </div>
    </section>`;
  }

  private renderAbx(): TemplateResult {
    return html`<section id="abx" aria-labelledby="abx-heading">
      <h2 id="abx-heading">Blind test (ABX)</h2>
      <div class="card">
        ${this.fold('abx', 'Play A, B and a hidden X: which one is X?', () => html`<headroom-abx
          label-a=${describeSetup(this.pair.a)}
          label-b=${describeSetup(this.pair.b)}
          @abx-listen=${(e: CustomEvent<{ side: Side }>) => {
            this.abxRunning = true;
            this.audio.setSide(e.detail.side);
          }}
          @abx-complete=${() => (this.abxRunning = false)}
        ></headroom-abx>`)}
      </div>
    </section>`;
  }

  private renderLessons(): TemplateResult {
    return html`<section id="lessons" aria-labelledby="lessons-heading">
      <h2 id="lessons-heading">Lessons</h2>
      <div class="card">
        ${this.fold('lessons', 'Seven lessons, step by step', () => html`<headroom-lessons
          lesson-id=${this.lessonId}
          @lesson-select=${(e: CustomEvent<{ id: string }>) => (this.lessonId = e.detail.id)}
          @lesson-listen=${this.onLessonListen}
        ></headroom-lessons>`)}
      </div>
    </section>`;
  }

  /** Full-window projector layout over the page; the sound and the setups stay the app's. */
  private renderClassroom(): TemplateResult {
    return html`<div class="classroom" role="dialog" aria-modal="true" aria-label="Classroom mode">
      <button type="button" class="classroom-close" data-testid="classroom-close" @click=${() => (this.classroom = false)}>
        Leave classroom mode
      </button>
      <headroom-classroom
        .shareUrl=${window.location.href}
        .side=${this.abxRunning ? null : this.audio.side}
        lesson-id=${this.lessonId}
        @side-change=${(e: CustomEvent<{ side: Side }>) => {
          e.stopPropagation();
          this.hear(e.detail.side);
        }}
        @lesson-select=${(e: CustomEvent<{ id: string }>) => (this.lessonId = e.detail.id)}
        @lesson-listen=${this.onLessonListen}
      ></headroom-classroom>
    </div>`;
  }

  /** A lesson's "listen" step: its setups (if any), the side and listener, its sound, and play. */
  private readonly onLessonListen = async (event: LessonListenEvent): Promise<void> => {
    const { pair, side, listener, source } = event.detail;
    if (pair) {
      this.presetId = '';
      this.setPair(pair);
    }
    this.hear(side);
    this.audio.setListener(side, listener ?? 0);
    const choice = sourceChoiceOf(source);
    if (choice) await this.audio.choose(choice);
    this.playOutput(true);
  };

  /** The formulas behind the heard side's numbers (A while a blind test hides the side). */
  private renderDerivations(): TemplateResult {
    const side: Side = this.abxRunning ? 'A' : this.audio.side;
    const setup = side === 'A' ? this.pair.a : this.pair.b;
    const computed = this.reports[side];
    return html`<section id="derivations" aria-labelledby="derivations-heading">
      <h2 id="derivations-heading">Where the numbers come from (setup ${side})</h2>
      <div class="card">
        ${this.fold('derivations', "Every formula, with this setup's numbers", () =>
          computed.ok ? html`<headroom-derivations .setup=${setup} .report=${computed.report} .listener=${this.audio.listeners[side]}></headroom-derivations>` : nothing,
        )}
      </div>
    </section>`;
  }

  private renderClaims(): TemplateResult {
    return html`<section id="claims" aria-labelledby="claims-heading">
      <h2 id="claims-heading">Claims, checked against the model</h2>
      <div class="card">
        ${this.fold('claims', 'Seven popular claims, judged for A and B', () => html`<headroom-claims
          .pair=${this.pair}
          @load-pair=${(e: CustomEvent<{ pair: SetupPair; title: string }>) => this.loadDemonstration(e.detail.pair, e.detail.title)}
        ></headroom-claims>`)}
      </div>
    </section>`;
  }

  /** A folded part of a section (fold.ts); the formulas and the claims are built only once opened (they recompute on every edit). */
  private fold(id: FoldId, summary: string, content: () => TemplateResult | typeof nothing): TemplateResult {
    const lazy = id === 'derivations' || id === 'claims';
    return fold({ open: this.opened[id], summary, lazy, testId: `fold-${id}`, onToggle: (open) => (this.opened = { ...this.opened, [id]: open }) }, content);
  }

  private renderInputSide(): TemplateResult {
    return html`<section id="input-side" aria-labelledby="input-heading">
      <h2 id="input-heading">The input side: what an audio interface adds</h2>
      <div class="card">
        ${this.fold('inputSide', 'Pickups, microphones and buffers, as A and B', () => html`<headroom-input-panel
          @input-play=${(e: CustomEvent<{ playing: boolean }>) => {
            // One sound at a time: the input side and the output side have their own contexts.
            if (e.detail.playing && this.audio.transport.playing) void this.audio.togglePlay(false);
          }}
        ></headroom-input-panel>`)}
      </div>
    </section>`;
  }

  private renderExport(): TemplateResult {
    return html`<section id="export" aria-labelledby="export-heading">
      <h2 id="export-heading">Export and import</h2>
      <div class="card">
        ${this.fold('export', 'Save or load A and B as a file, or render a stretch as WAV', () => html`<headroom-export-panel
          .duration=${this.audio.transport.input === 'material' ? this.audio.transport.duration : 0}
          ?busy=${this.exportBusy}
          message=${this.exportMessage.text}
          ?messageIsError=${this.exportMessage.error}
          @export-pair=${this.exportPair}
          @import-pair=${(e: HTMLElementEventMap['import-pair']) => void this.importPair(e.detail.file)}
          @export-wav=${(e: HTMLElementEventMap['export-wav']) => void this.exportWav(e.detail.side, e.detail.startSeconds, e.detail.endSeconds)}
        ></headroom-export-panel>`)}
      </div>
    </section>`;
  }

  // ── Changes ─────────────────────────────────────────────────────────────────

  /** Plays or pauses the output side; the input side's sound stops when this one starts. */
  private playOutput(playing: boolean): void {
    if (playing) this.renderRoot.querySelector('headroom-input-panel')?.pause();
    void this.audio.togglePlay(playing);
  }

  private hear(side: Side): void {
    this.abxRunning = false;
    this.audio.setSide(side);
  }

  private onPresetChange(event: PresetChangeEvent): void {
    const pair = pairFromPreset(event.detail.id);
    if (!pair.ok) {
      this.messages = [...this.messages, ...pair.errors.map((text) => ({ text, error: true }))];
      return;
    }
    this.presetId = event.detail.id;
    this.setPair(pair.value, { preset: event.detail.id });
  }

  /** A demonstration from the claims or a lesson: both setups at once, then back to the top to hear it. */
  private loadDemonstration(pair: SetupPair, title: string): void {
    this.presetId = '';
    this.setPair(pair);
    this.messages = [...this.messages.filter((m) => m.error), { text: `Loaded: ${title}. Press Play, then switch A and B.`, error: false }];
    this.renderRoot.querySelector('#listen-heading')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  private changeSetup(side: Side, setup: Setup): void {
    this.presetId = '';
    this.setPair(side === 'A' ? { ...this.pair, a: setup } : { ...this.pair, b: setup });
  }

  /** The one place the pair changes: sound, URL and saved state follow. */
  private setPair(pair: SetupPair, options: { preset?: string } = {}): void {
    this.pair = pair;
    this.audio.setPair(pair.a, pair.b);
    const problems: string[] = [];
    const url = urlWithPair(window.location.href, pair);
    if (url.ok) {
      if (options.preset) {
        url.value.searchParams.delete('a');
        url.value.searchParams.delete('b');
        url.value.searchParams.set('preset', options.preset);
      }
      window.history.replaceState(null, '', url.value);
    } else {
      problems.push(...url.errors);
    }
    const saved = saveState(storage(), pair);
    if (!saved.ok) problems.push(...saved.errors);
    if (problems.length > 0) this.messages = [...this.messages, ...problems.map((text) => ({ text, error: false }))];
  }

  private exportPair(): void {
    download(new Blob([exportPairJson(this.pair)], { type: 'application/json' }), PAIR_FILE_NAME);
    this.exportMessage = { text: `Saved ${PAIR_FILE_NAME}.`, error: false };
  }

  private async importPair(file: File): Promise<void> {
    const text = await file.text();
    const pair = importPairJson(text);
    if (!pair.ok) {
      this.exportMessage = { text: `"${file.name}" was not loaded: ${pair.errors.join('; ')}`, error: true };
      return;
    }
    this.presetId = '';
    this.setPair(pair.value);
    this.exportMessage = { text: `Loaded A and B from "${file.name}".`, error: false };
  }

  private async exportWav(side: Side, startSeconds: number, endSeconds: number): Promise<void> {
    const material = this.audio.material;
    if (!material) return;
    this.exportBusy = true;
    try {
      const setup = side === 'A' ? this.pair.a : this.pair.b;
      const listeners = await renderStretch(setup, material, startSeconds, endSeconds, { calibrationDbSpl: this.audio.calibrationDbSpl });
      listeners.forEach((listener, i) => {
        download(new Blob([listener.wav()], { type: 'audio/wav' }), `${side.toLowerCase()}-${i + 1}-${fileSafe(listener.name)}.wav`);
      });
      this.exportMessage = { text: `Rendered ${listeners.length} WAV file${listeners.length === 1 ? '' : 's'} of ${side}.`, error: false };
    } catch (error) {
      this.exportMessage = { text: `The WAV export failed: ${error instanceof Error ? error.message : String(error)}`, error: true };
    } finally {
      this.exportBusy = false;
    }
  }

  /**
   * A and B switch, Space plays or pauses, with focus anywhere but in a text field (typing
   * guard) — the blind test and the input side keep their own keys, and Space on a focused
   * button or checkbox presses it.
   */
  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || isTyping(event)) return;
    const ownKeys = ['headroom-abx', 'headroom-input-panel'];
    if (event.composedPath().some((node) => node instanceof HTMLElement && ownKeys.includes(node.localName))) return;
    if (event.key === ' ' && spaceBelongsToFocus(event)) return;
    const key = event.key.toLowerCase();
    if (key === 'a' || key === 'b') {
      this.hear(key === 'a' ? 'A' : 'B');
      event.preventDefault();
    } else if (key === ' ') {
      this.playOutput(!this.audio.transport.playing);
      event.preventDefault();
    }
  };
}

function compute(setup: Setup): Computed {
  try {
    return { ok: true, report: buildReport(setup) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // Give the browser the time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'listener';
}
