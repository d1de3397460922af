/**
 * <headroom-app>: the listening app. It passes the setups (SetupsController: the user's own
 * pair, a lesson's or claim's layer on top, undo) and everything the user set down to the
 * views, and turns the views' events into changes of the setups or of the sound (through
 * EngineController). The user's pair lives in the URL and in localStorage; an invalid link
 * shows its messages and falls back without overwriting anything (src/state/initial-state.ts).
 *
 * The page: a header (title, preset pairs); Listen (sound, transport, A/B, listeners, loudness,
 * level and safety, meters, scope, spectrum); Setups A and B (editors and the model's numbers
 * per listener); then the folded sections (FOLDED below).
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { findPreset, presets } from '../model/catalog/presets.ts';
import type { Setup } from '../model/setup.ts';
import { adviceOf, defaultPair, exportPairJson, pairView, readPairFile, PAIR_FILE_NAME, pairFromPreset, storyOf, wavFileName, type PairView, type SetupPair } from '../state/index.ts';
import { renderStretch } from '../audio/engine/index.ts';
import { appStyles } from './app/app-styles.ts';
import { EngineController } from './app/engine-controller.ts';
import { FileDropController } from './controllers/file-drop-controller.ts';
import { PageKeysController } from './controllers/page-keys-controller.ts';
import { download } from './download.ts';
import { fold, initialFolds, PHONE_QUERY, type FoldId } from './app/fold.ts';
import { inTextField, spaceBelongsToFocus } from './typing-guard.ts';
import { pageKeyAction } from '../state/page-keys.ts';
import type { Side } from '../audio/engine/types.ts';
import { LessonLinkController } from './app/lesson-link-controller.ts';
import { describeSetup } from '../text/setup-label.ts';
import { SetupsController } from './app/setups-controller.ts';
import './app/headroom-playing-bar.ts';
import './app/headroom-target-field.ts';
import { baseStyles } from './styles.ts';
import type { PresetOption } from './headroom-preset-picker.ts';
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
import { sourceChoiceOf } from './teach/lesson-text.ts';
import './teach/headroom-derivations.ts';
import type { UiEvent } from './events.ts';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-app': HeadroomApp;
  }
}

const SIDES: readonly Side[] = ['A', 'B'];
/** Components with keys of their own, which the page's keys leave alone. */
const OWN_KEYS = ['headroom-abx', 'headroom-input-panel'];
const PRESET_OPTIONS: PresetOption[] = presets.map((p) => ({ id: p.id, title: p.title }));

/**
 * The folded sections, in the page's order: the nav's label, the heading, the fold (fold.ts)
 * and its summary. Listen and Setups come first in the nav and are not folded as a whole.
 */
const FOLDED = {
  lessons: { label: 'Lessons', heading: 'Lessons', fold: 'lessons', summary: 'Eight lessons, step by step' },
  plots: { label: 'Plots', heading: 'Response and impedance', fold: 'plots', summary: 'Responses and impedances' },
  derivations: { label: 'Formulas', heading: 'Where the numbers come from', fold: 'derivations', summary: 'Every formula, worked out' },
  abx: { label: 'Blind test', heading: 'Blind test (ABX)', fold: 'abx', summary: 'Which is X? Play A, B and X' },
  claims: { label: 'Claims', heading: 'Claims, checked against the model', fold: 'claims', summary: 'Seven popular claims, judged for A and B' },
  'input-side': { label: 'Input side', heading: 'The input side: what an audio interface adds', fold: 'inputSide', summary: 'Pickups, mics and buffers' },
  export: { label: 'Export', heading: 'Export and import', fold: 'export', summary: 'Save, load, render as WAV' },
} as const satisfies Record<string, { label: string; heading: string; fold: FoldId; summary: string }>;
type FoldedId = keyof typeof FOLDED;
const NAV: [id: string, label: string][] = [['listen', 'Listen'], ['setups', 'Setups'], ...Object.entries(FOLDED).map(([id, { label }]): [string, string] => [id, label])];

@customElement('headroom-app')
export class HeadroomApp extends LitElement {
  static override styles = [baseStyles, appStyles];

  /** Things the user must know (a link that did not load, a setup that could not be saved). */
  @state() private messages: { text: string; error: boolean }[] = [];
  /** While a blind test runs, the heard side is not shown anywhere. */
  @state() private abxRunning = false;
  @state() private exportBusy = false;
  @state() private exportMessage = { text: '', error: false };
  /** Projector layout for teaching; the students' link (the URL) never carries it. */
  @state() private classroom = false;
  /** Which folded sections are open (fold.ts: on a phone the long ones start folded). */
  @state() private opened = initialFolds(window.matchMedia(PHONE_QUERY).matches);

  private readonly audio = new EngineController(this, defaultPair(), { warmUp: true });
  private readonly setups = new SetupsController(
    this,
    (pair) => this.audio.setPair(pair.a, pair.b),
    (problems) => this.tell(problems, false),
  );
  private readonly lesson = new LessonLinkController(this, this.setups, (problems) => this.tell(problems, true));
  /** The reports, curves and names of the pair that plays (src/state/pair-view.ts), made once per pair and target. */
  private view!: PairView & { pair: SetupPair; target: number };
  /** The stretch the blind test loops (null: the whole sound). */
  private abxLoop: { start: number; end: number } | null = null;
  /** Files are being dragged over the page (the source picker shows where they go). */
  @state() private dragging = false;

  constructor() {
    super();
    new PageKeysController(this, (event) => this.onKeyDown(event));
    // What several views ask for, heard once here (events bubble up): Play/Pause and A/B from the transport, the
    // A/B switch, the playing bar, the blind test and the classroom; a lesson's choices from the lessons and the classroom.
    this.addEventListener('transport-play', (event) => void this.playOutput(event.detail.playing));
    this.addEventListener('side-change', (event) => this.hear(event.detail.side));
    this.addEventListener('layer-back', () => this.setups.backToOwn());
    this.addEventListener('lesson-select', (event) => this.lesson.select(event.detail.id));
    this.addEventListener('lesson-step', this.lesson.onStep);
    this.addEventListener('lesson-listen', (event) => void this.onLessonListen(event));
    void this.setups.start(window.location.href).then((start) => {
      this.tell(start.messages, true);
      this.lesson.open(start);
      // A lesson link opens its lesson, folded or not.
      if (this.lesson.focused) this.opened = { ...this.opened, lessons: true };
    });
    new FileDropController(
      this,
      (file) => void this.audio.choose({ kind: 'file', file }),
      (dragging) => (this.dragging = dragging),
    );
  }

  private tell(texts: readonly string[], error: boolean): void {
    if (texts.length > 0) this.messages = [...this.messages, ...texts.map((text) => ({ text, error }))];
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const pair = this.setups.playing;
    const target = this.setups.targetSplDb;
    if (this.view?.pair !== pair || this.view.target !== target) this.view = { ...pairView(pair, target), pair, target };
  }

  override render(): TemplateResult {
    if (!this.setups.ready) return html`<p class="muted" role="status">Loading the setups…</p>`;
    const transport = this.audio.transport;
    // The blind test loops, and the export renders, a stretch of the material (not of a live input).
    const materialSeconds = transport.input === 'material' ? transport.duration : 0;
    const lessons = this.folded('lessons', () => html`<headroom-lessons lesson-id=${this.lesson.id} .step=${this.lesson.index} ?focused=${this.lesson.focused}></headroom-lessons>`);
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
          <headroom-preset-picker .presets=${PRESET_OPTIONS} selected=${this.setups.presetId} @preset-change=${this.onPresetChange}></headroom-preset-picker>
          <button type="button" class="classroom-toggle" data-testid="classroom-open" @click=${() => (this.classroom = true)}>
            Classroom mode
          </button>
        </div>
      </header>
      ${this.classroom ? this.renderClassroom() : nothing}
      <nav aria-label="Sections">
        ${NAV.map(([id, label]) => html`<a href=${`#${id}`} @click=${(event: Event) => this.goTo(event, id)}>${label}</a>`)}
      </nav>
      ${this.renderMessages()}
      <main>
        ${this.lesson.focused ? lessons : nothing} ${this.renderListen()} ${this.renderSetups()} ${this.lesson.focused ? nothing : lessons}
        ${this.folded('plots', () => html`<div class="plots">
          <headroom-response-plot .curves=${this.view.curves}></headroom-response-plot>
          <headroom-impedance-plot .headphones=${this.view.headphones}></headroom-impedance-plot>
        </div>`)}
        ${this.renderDerivations()} ${this.folded('abx', () => html`<headroom-abx
          label-a=${describeSetup(this.setups.playing.a)}
          label-b=${describeSetup(this.setups.playing.b)}
          ?playing=${transport.playing}
          .position=${transport.position}
          .duration=${materialSeconds}
          .loudnessOffsetDb=${this.audio.loudnessOffsetDb}
          @abx-listen=${(e: HTMLElementEventMap['abx-listen']) => void this.abxListen(e.detail)}
          @abx-loudness=${(e: HTMLElementEventMap['abx-loudness']) => this.audio.setMatchLoudness(e.detail.matched)}
          @abx-complete=${() => (this.abxRunning = false)}
        ></headroom-abx>`)}
        ${this.folded('claims', () => html`<headroom-claims
          .pair=${this.setups.playing}
          @load-pair=${(e: HTMLElementEventMap['load-pair']) => this.loadDemonstration(e.detail.pair, e.detail.title)}
        ></headroom-claims>`)}
        ${this.folded('input-side', () => html`<headroom-input-panel
          @input-play=${(e: CustomEvent<{ playing: boolean }>) => {
            // One sound at a time: the input side and the output side have their own contexts.
            if (e.detail.playing && this.audio.transport.playing) void this.audio.togglePlay(false);
          }}
        ></headroom-input-panel>`)}
        ${this.folded('export', () => html`<headroom-export-panel
          .duration=${materialSeconds}
          ?busy=${this.exportBusy}
          message=${this.exportMessage.text}
          ?messageIsError=${this.exportMessage.error}
          @export-pair=${this.exportPair}
          @import-pair=${(e: HTMLElementEventMap['import-pair']) => void this.importPair(e.detail.file)}
          @export-wav=${(e: HTMLElementEventMap['export-wav']) => void this.exportWav(e.detail.side, e.detail.startSeconds, e.detail.endSeconds)}
        ></headroom-export-panel>`)} ${this.renderPlayingBar()}
      </main>
      <footer>
        Every number comes from the circuit model (<code>headroom/report@3</code>) of the setups shown; the sound comes
        from the same model running in AudioWorklets. Nothing is loaded from the network, and your files stay on your
        computer.
      </footer>
    `;
  }

  /** A section link opens what it leads to and scrolls there by hand: #fragments do not reach into this shadow root. */
  private goTo(event: Event, id: string): void {
    event.preventDefault();
    const fold = id in FOLDED ? FOLDED[id as FoldedId].fold : null;
    if (fold && !this.opened[fold]) this.opened = { ...this.opened, [fold]: true };
    this.renderRoot.querySelector(`#${id}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  /** A folded section (FOLDED): its heading over a card holding the fold. */
  private folded(id: FoldedId, content: () => TemplateResult | typeof nothing, heading: string = FOLDED[id].heading): TemplateResult {
    const headingId = `${id === 'input-side' ? 'input' : id}-heading`;
    return html`<section id=${id} aria-labelledby=${headingId}>
      <h2 id=${headingId}>${heading}</h2>
      <div class="card">${this.fold(FOLDED[id].fold, FOLDED[id].summary, content)}</div>
    </section>`;
  }

  /** A folded part of a section (fold.ts); the formulas and the claims are built only once opened (they recompute on every edit). */
  private fold(id: FoldId, summary: string, content: () => TemplateResult | typeof nothing): TemplateResult {
    const lazy = id === 'derivations' || id === 'claims';
    return fold({ open: this.opened[id], summary, lazy, testId: `fold-${id}`, onToggle: (open) => (this.opened = { ...this.opened, [id]: open }) }, content);
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
          <div class="meters">
            ${SIDES.map(
              (side) => html`<headroom-level-meter
                data-testid=${`meter-${side}`}
                label=${`${side}: ${this.view.names[side][audio.listeners[side]] ?? ''}`}
                .live=${audio.meters[side]}
              ></headroom-level-meter>`,
            )}
          </div>
        </div>
        <div class="stack">
          <headroom-ab-switch
            .side=${this.heardSide}
            labelA=${describeSetup(this.setups.playing.a)}
            labelB=${describeSetup(this.setups.playing.b)}
            .listenersA=${this.view.names.A}
            .listenersB=${this.view.names.B}
            .listenerA=${audio.listeners.A}
            .listenerB=${audio.listeners.B}
            .adviceA=${adviceOf(this.view.reports.A, audio.listeners.A)}
            .adviceB=${adviceOf(this.view.reports.B, audio.listeners.B)}
            ?matchLoudness=${audio.matchLoudness}
            .loudnessOffsetDb=${audio.loudnessOffsetDb}
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
        ${this.fold('analysers', 'Scope and spectrum of what you hear', () => html`<div class="analysers">
          <headroom-scope auto-scale .analyser=${audio.analyser} ?running=${transport.playing} label="What you hear"></headroom-scope>
          <headroom-spectrum
            .analyser=${audio.analyser}
            ?running=${transport.playing}
            ?harmonics=${audio.source.kind === 'sine'}
            label="What you hear"
          ></headroom-spectrum>
        </div>`)}
      </div>
    </section>`;
  }

  /** The heard side as the views show it: null while a blind test hides it. */
  private get heardSide(): Side | null {
    return this.abxRunning ? null : this.audio.side;
  }

  private renderSetups(): TemplateResult {
    return html`<section id="setups" aria-labelledby="setups-heading">
      <h2 id="setups-heading">Setups A and B</h2>
      <headroom-target-field
        .value=${this.setups.targetSplDb}
        @target-change=${(e: HTMLElementEventMap['target-change']) => this.setups.setTarget(e.detail.targetSplDb)}
      ></headroom-target-field>
      <div class="pair">${SIDES.map((side) => this.renderSide(side))}</div>
    </section>`;
  }

  private renderSide(side: Side): TemplateResult {
    const setup = side === 'A' ? this.setups.playing.a : this.setups.playing.b;
    const computed = this.view.reports[side];
    return html`<div class="card" data-testid=${`side-${side}`}>
      <h3 class="side-title"><span class="letter">${side}</span> ${describeSetup(setup)}</h3>
      ${computed.ok
        ? html`<headroom-report-view show="advice" .story=${storyOf(setup)} .setup=${setup} .report=${computed.report}></headroom-report-view>`
        : nothing}
      <details>
        <summary>Edit setup ${side}</summary>
        <headroom-setup-editor
          label=${side}
          .setup=${setup}
          @setup-change=${(e: CustomEvent<{ setup: Setup }>) => this.setups.edit(side, e.detail.setup)}
        ></headroom-setup-editor>
      </details>
      ${computed.ok
        ? this.fold(`side${side}`, 'Numbers and circuit', () => html`<headroom-report-view
              show="figures"
              .setup=${setup}
              .report=${computed.report}
              .liveClipping=${this.audio.clippingOf(side)}
            ></headroom-report-view>
            <headroom-circuit
              .setup=${setup}
              .report=${computed.report}
              .heardListener=${this.heardSide === side ? this.audio.listeners[side] : null}
            ></headroom-circuit>`)
        : html`<p class="message error" role="alert">The model could not compute setup ${side}: ${computed.message}</p>`}
    </div>`;
  }

  /** Which setups play, Back to my setups, Undo; Play and A/B when a lesson link opened the page. */
  private renderPlayingBar(): TemplateResult | typeof nothing {
    const { layer, notice } = this.setups;
    if (!layer && !notice && !this.lesson.focused) return nothing;
    return html`<headroom-playing-bar
      layer=${layer?.origin.title ?? ''}
      layer-short=${layer?.origin.short ?? ''}
      ?edited=${layer?.edited ?? false}
      notice=${notice ?? ''}
      ?controls=${this.lesson.focused}
      ?playing=${this.audio.transport.playing}
      .side=${this.heardSide}
      @layer-keep=${() => this.setups.keepLayer()}
      @undo=${() => this.setups.undo()}
      @notice-dismiss=${() => this.setups.dismissNotice()}
    ></headroom-playing-bar>`;
  }

  /** Full-window projector layout over the page; the sound and the setups stay the app's. */
  private renderClassroom(): TemplateResult {
    return html`<div class="classroom" role="dialog" aria-modal="true" aria-label="Classroom mode">
      <headroom-classroom
        .shareUrl=${this.lesson.shareUrl}
        .side=${this.heardSide}
        ?playing=${this.audio.transport.playing}
        layer=${this.setups.layer?.origin.short ?? ''}
        lesson-id=${this.lesson.id}
        .step=${this.lesson.index}
        @classroom-leave=${() => {
          this.classroom = false;
          this.lesson.leave();
        }}
      ></headroom-classroom>
    </div>`;
  }

  /** A lesson's "listen" step: its setups (if any), the side and listener, its sound, and play. */
  private readonly onLessonListen = async (event: UiEvent<'lesson-listen'>): Promise<void> => {
    const { pair, side, listener, source } = event.detail;
    if (pair) this.lesson.showStepSetups(pair);
    this.hear(side);
    this.audio.setListener(side, listener ?? 0);
    const choice = sourceChoiceOf(source);
    if (choice) await this.audio.choose(choice);
    void this.playOutput(true);
  };

  /** The formulas behind the heard side's numbers (A while a blind test hides the side). */
  private renderDerivations(): TemplateResult {
    const side: Side = this.heardSide ?? 'A';
    const computed = this.view.reports[side];
    return this.folded(
      'derivations',
      () => (computed.ok ? html`<headroom-derivations .setup=${side === 'A' ? this.setups.playing.a : this.setups.playing.b} .report=${computed.report} .listener=${this.audio.listeners[side]}></headroom-derivations>` : nothing),
      `${FOLDED.derivations.heading} (setup ${side})`,
    );
  }

  // ── Changes ─────────────────────────────────────────────────────────────────

  /** Plays or pauses the output side; the input side's sound stops when this one starts. */
  private playOutput(playing: boolean): Promise<void> {
    if (playing) this.renderRoot.querySelector('headroom-input-panel')?.pause();
    return this.audio.togglePlay(playing);
  }

  /**
   * A blind test's play button: loudness matched as the test says, the side routed, and
   * playback started from where it is if it was paused, looping the test's stretch if any.
   */
  private async abxListen({ side, loudnessMatched, loop }: HTMLElementEventMap['abx-listen']['detail']): Promise<void> {
    this.abxRunning = true;
    this.audio.setMatchLoudness(loudnessMatched);
    this.audio.setSide(side);
    if (!this.audio.transport.playing) await this.playOutput(true);
    if (JSON.stringify(loop) !== JSON.stringify(this.abxLoop)) {
      this.abxLoop = loop;
      this.audio.setLoop(true);
      this.audio.setLoopRegion(loop);
    }
  }

  private hear(side: Side): void {
    this.abxRunning = false;
    this.audio.setSide(side);
  }

  private onPresetChange(event: UiEvent<'preset-change'>): void {
    const pair = pairFromPreset(event.detail.id);
    if (pair.ok) this.setups.replaceOwn(pair.value, `Loaded the preset “${findPreset(event.detail.id)?.title ?? event.detail.id}”`);
    else this.tell(pair.errors, true);
  }

  /** A claim's demonstration plays on top of the user's setups; then back to the top to hear it. */
  private loadDemonstration(pair: SetupPair, title: string): void {
    this.setups.showLayer(pair, { kind: 'claim', title: `the demonstration “${title}”`, short: 'a claim’s demonstration' });
    this.renderRoot.querySelector('#listen-heading')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  private exportPair(): void {
    download(new Blob([exportPairJson(this.setups.playing)], { type: 'application/json' }), PAIR_FILE_NAME);
    this.exportMessage = { text: `Saved ${PAIR_FILE_NAME}.`, error: false };
  }

  private async importPair(file: File): Promise<void> {
    // The CLI reads setup files by the same rule (size first, then UTF-8/UTF-16): src/state/setup-file-text.ts.
    const pair = await readPairFile(file.size, async () => new Uint8Array(await file.arrayBuffer()));
    if (pair.ok) this.setups.replaceOwn(pair.value, `Loaded A and B from “${file.name}”`);
    this.exportMessage = pair.ok ? { text: `Loaded A and B from "${file.name}".`, error: false } : { text: `"${file.name}" was not loaded: ${pair.errors.join('; ')}`, error: true };
  }

  private async exportWav(side: Side, startSeconds: number, endSeconds: number): Promise<void> {
    const material = this.audio.material;
    if (!material) return;
    this.exportBusy = true;
    try {
      const setup = side === 'A' ? this.setups.playing.a : this.setups.playing.b;
      const listeners = await renderStretch(setup, material, startSeconds, endSeconds, { calibrationDbSpl: this.audio.calibrationDbSpl });
      listeners.forEach((listener, i) => {
        download(new Blob([listener.wav()], { type: 'audio/wav' }), wavFileName(side, i, listener.name));
      });
      this.exportMessage = { text: `Rendered ${listeners.length} WAV file${listeners.length === 1 ? '' : 's'} of ${side}.`, error: false };
    } catch (error) {
      this.exportMessage = { text: `The WAV export failed: ${error instanceof Error ? error.message : String(error)}`, error: true };
    } finally {
      this.exportBusy = false;
    }
  }

  /** The page's keys (src/state/page-keys.ts); the blind test and the input side keep their own. */
  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented) return;
    const inOwnKeys = event.composedPath().some((node) => node instanceof HTMLElement && OWN_KEYS.includes(node.localName));
    const action = pageKeyAction(event, { inTextField: inTextField(event), inOwnKeys, spaceBelongsToFocus: spaceBelongsToFocus(event) });
    if (action?.kind === 'undo' && !this.setups.undo()) return;
    if (action?.kind === 'hear') this.hear(action.side);
    if (action?.kind === 'toggle-play') void this.playOutput(!this.audio.transport.playing);
    if (action) event.preventDefault();
  };
}
