/**
 * <headroom-sim>: one Headroom setup for other pages to embed (docs/embedding.md).
 *
 *   <headroom-sim preset="phone-hd600"></headroom-sim>
 *   <headroom-sim setup='{"format":"headroom/setup@1", …}'></headroom-sim>
 *
 * Shows the model's report of the setup (<headroom-report-view>), its circuit diagram
 * (<headroom-circuit>) and a Listen button that plays the built-in demo track (rendered in
 * the browser with Tone.js) through that setup with the app's ListeningEngine: the same
 * worklets, the same −24 dB starting level and −1 dBFS limiter. A and B are both this setup.
 *
 * Attributes (both observed; change them and the element follows, also while playing):
 * - `setup`: a headroom/setup@1 JSON document. Wins over `preset` when both are given.
 * - `preset`: the id of a built-in preset (`npx headroom presets` lists them).
 * - `heading`: optional title; default the preset's title, or the chain ("Phone → HD 600").
 * An invalid or missing attribute shows the validator's messages inline (the field, the
 * value and the allowed range) and never throws.
 *
 * Everything renders in the shadow root; colours follow the --hr-* custom properties
 * (src/ui/styles.ts) with built-in fallbacks, so a host page may theme it or leave it alone.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ListeningEngine, type EngineWarning, type TransportState } from '../audio/engine/index.ts';
import { renderDemoTrack, type SourceMaterial } from '../audio/sources/index.ts';
import { findPreset, presets } from '../model/catalog/presets.ts';
import { buildReport } from '../model/report.ts';
import type { Report } from '../model/report-contract.ts';
import { parseSetupJson, type Setup } from '../model/setup.ts';
import { describeSetup } from '../ui/app/setup-label.ts';
import { formatClock } from '../ui/app/clock-format.ts';
import { baseStyles } from '../ui/styles.ts';
import '../ui/headroom-report-view.ts';
import '../ui/views/headroom-circuit.ts';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-sim': HeadroomSim;
  }
}

/** What the attributes say: a setup with its report, or the reasons there is none. */
export type SimSetup = { ok: true; setup: Setup; report: Report; title: string; story: string } | { ok: false; errors: string[] };

const presetIds = (): string => presets.map((preset) => preset.id).join(', ');

/** Reads the `setup` / `preset` attributes the way the element does (exported for tests and docs). */
export function resolveSimSetup(setupJson: string | null, presetId: string | null): SimSetup {
  let setup: Setup;
  let title: string;
  let story = '';
  if (setupJson !== null) {
    const parsed = parseSetupJson(setupJson);
    if (!parsed.ok) return { ok: false, errors: parsed.errors.map((error) => `setup attribute: ${error}`) };
    setup = parsed.value;
    title = describeSetup(setup);
  } else if (presetId !== null) {
    const preset = findPreset(presetId.trim());
    if (!preset) return { ok: false, errors: [`preset attribute: no preset "${presetId}" (one of: ${presetIds()})`] };
    setup = preset.setup;
    title = preset.title;
    story = preset.story;
  } else {
    return { ok: false, errors: [`<headroom-sim> needs a setup attribute (headroom/setup@1 JSON) or a preset attribute (one of: ${presetIds()})`] };
  }
  try {
    return { ok: true, setup, report: buildReport(setup), title, story };
  } catch (error) {
    return { ok: false, errors: [`the model could not compute this setup: ${error instanceof Error ? error.message : String(error)}`] };
  }
}

/** The demo track, rendered once per sample rate and shared by every element on the page. */
const demoTracks = new Map<number, Promise<SourceMaterial>>();
function demoTrack(sampleRate: number): Promise<SourceMaterial> {
  let track = demoTracks.get(sampleRate);
  if (!track) {
    track = renderDemoTrack(sampleRate);
    demoTracks.set(sampleRate, track);
    track.catch(() => demoTracks.delete(sampleRate));
  }
  return track;
}

/** The elements on the page: starting one pauses the others (one sound at a time). */
const connected = new Set<HeadroomSim>();

/** Longer than the engine's pause fade (a few ms) and a render quantum or two. */
const SUSPEND_AFTER_PAUSE_MS = 250;

@customElement('headroom-sim')
export class HeadroomSim extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        background: var(--_surface-2);
        border: 1px solid var(--_border);
        border-radius: calc(var(--_radius) + 4px);
        padding: 1rem 1.1rem 1.1rem;
        container-type: inline-size;
      }
      :host([hidden]) {
        display: none;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.75rem 1rem;
        margin-bottom: 1rem;
      }
      .brand {
        font-size: 0.72rem;
        font-weight: 650;
        letter-spacing: 0.06em;
        text-transform: uppercase;
        color: var(--_accent);
        margin: 0;
      }
      h2 {
        font-size: 1.25rem;
        line-height: 1.25;
        margin: 0.1rem 0 0;
      }
      .story {
        margin: 0.35rem 0 0;
        color: var(--_muted);
        max-width: 68ch;
      }
      .listen {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 0.75rem;
      }
      button {
        font: inherit;
        font-weight: 650;
        border-radius: 999px;
        border: 1px solid var(--_accent);
        background: var(--_accent);
        color: var(--hr-on-accent, #fff);
        padding: 0.45rem 1.1rem;
        min-height: 2.5rem;
        min-width: 7rem;
        cursor: pointer;
      }
      button:disabled {
        opacity: 0.6;
        cursor: progress;
      }
      button:focus-visible,
      select:focus-visible {
        outline: 3px solid var(--_accent);
        outline-offset: 2px;
      }
      select {
        font: inherit;
        color: var(--_text);
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: 6px;
        padding: 0.3rem 0.4rem;
      }
      .status {
        font-size: 0.88rem;
        color: var(--_muted);
        font-variant-numeric: tabular-nums;
      }
      .message {
        margin: 0 0 1rem;
        padding: 0.6rem 0.8rem;
        border-radius: 8px;
        background: var(--_bad-bg);
        color: var(--_bad);
        border: 1px solid currentColor;
      }
      .message:last-child {
        margin-bottom: 0;
      }
      .message.warn {
        background: var(--_warn-bg);
        color: var(--_warn);
      }
      .message ul {
        margin: 0.3rem 0 0;
        padding-left: 1.2rem;
      }
      .message code {
        overflow-wrap: anywhere;
      }
      headroom-circuit {
        margin-top: 1rem;
      }
    `,
  ];

  /** headroom/setup@1 JSON (attribute `setup`). */
  @property({ attribute: 'setup' }) setupJson: string | null = null;
  /** A built-in preset's id (attribute `preset`). */
  @property() preset: string | null = null;
  /** Optional title instead of the preset's title or the chain. */
  @property() heading: string | null = null;

  @state() private transport: TransportState | null = null;
  @state() private busy = false;
  @state() private audioMessage = '';
  @state() private warning = '';
  @state() private listener = 0;

  private resolved: SimSetup = { ok: false, errors: [] };
  private engine: ListeningEngine | null = null;
  private clock = 0;

  /** The setup shown, or null while the attributes are invalid. */
  get currentSetup(): Setup | null {
    return this.resolved.ok ? this.resolved.setup : null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    connected.add(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
    this.stopClock();
    const engine = this.engine;
    this.engine = null;
    this.transport = null;
    void engine?.dispose().catch(() => undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('setupJson') || changed.has('preset') || !this.hasUpdated) {
      this.resolved = resolveSimSetup(this.setupJson, this.preset);
      const setup = this.currentSetup;
      if (setup && this.listener >= setup.headphones.length) this.listener = 0;
      this.applySetup();
    }
  }

  override render(): TemplateResult {
    const resolved = this.resolved;
    if (!resolved.ok) {
      return html`<p class="brand">Headroom</p>
        <div class="message" role="alert" data-testid="sim-error">
          This simulation cannot be shown:
          <ul>
            ${resolved.errors.map((error) => html`<li><code>${error}</code></li>`)}
          </ul>
        </div>`;
    }
    return html`
      <header>
        <div>
          <p class="brand">Headroom</p>
          <h2 data-testid="sim-title">${this.heading ?? resolved.title}</h2>
          ${resolved.story ? html`<p class="story">${resolved.story}</p>` : nothing}
        </div>
        ${this.renderListen(resolved.setup)}
      </header>
      ${this.audioMessage ? html`<p class="message" role="alert" data-testid="sim-audio-error">${this.audioMessage}</p>` : nothing}
      ${this.warning ? html`<p class="message warn" role="status">${this.warning}</p>` : nothing}
      <headroom-report-view .heading=${''} .story=${''} .setup=${resolved.setup} .report=${resolved.report}></headroom-report-view>
      <headroom-circuit .setup=${resolved.setup} .report=${resolved.report} .heardListener=${this.listener}></headroom-circuit>
    `;
  }

  private renderListen(setup: Setup): TemplateResult {
    const playing = this.transport?.playing ?? false;
    const label = this.busy ? 'Starting…' : playing ? 'Pause' : 'Listen';
    const status = this.transport && this.transport.duration > 0
      ? `Demo track ${formatClock(this.transport.position)} / ${formatClock(this.transport.duration)}`
      : 'Plays the built-in demo track through this setup (starts quiet).';
    return html`<div class="listen">
      ${setup.headphones.length > 1
        ? html`<label class="status"
            >Hear
            <select aria-label="Listener to hear" @change=${this.onListenerChange}>
              ${setup.headphones.map((headphone, i) => html`<option value=${i} ?selected=${i === this.listener}>${i + 1}. ${headphone.name}</option>`)}
            </select></label
          >`
        : nothing}
      <button type="button" data-testid="sim-listen" aria-pressed=${playing ? 'true' : 'false'} ?disabled=${this.busy} @click=${this.onListen}>
        ${label}
      </button>
      <span class="status" data-testid="sim-position" aria-live="off">${status}</span>
    </div>`;
  }

  /**
   * Pauses the sound (another element started, or the user pressed Pause), and a moment later,
   * once the fade-out has played, suspends the audio context so idle worklets cost no CPU.
   */
  pause(): void {
    const engine = this.engine;
    this.stopClock();
    if (!engine) return;
    engine.pause();
    this.transport = engine.transportState;
    window.setTimeout(() => {
      if (this.engine === engine && !engine.playing) void engine.suspend().catch(() => undefined);
    }, SUSPEND_AFTER_PAUSE_MS);
  }

  private readonly onListen = async (): Promise<void> => {
    if (this.transport?.playing) {
      this.pause();
      return;
    }
    const setup = this.currentSetup;
    if (!setup || this.busy) return;
    this.busy = true;
    this.audioMessage = '';
    try {
      // Made inside the click: browsers let a page start audio only from a user gesture.
      const engine = (this.engine ??= await ListeningEngine.create({
        a: setup,
        b: setup,
        onTransport: (state) => (this.transport = state),
        onWarning: (warning: EngineWarning) => (this.warning = warning.message),
        onError: (message) => (this.audioMessage = message),
      }));
      if (!this.isConnected) {
        // Removed from the page while the worklets loaded: let the audio go.
        this.engine = null;
        await engine.dispose().catch(() => undefined);
        return;
      }
      engine.setListener('A', this.listener);
      await engine.start();
      if (!engine.material) engine.setMaterial(await demoTrack(engine.context.sampleRate));
      for (const other of connected) if (other !== this) other.pause();
      engine.play();
      this.transport = engine.transportState;
      this.startClock();
    } catch (error) {
      this.audioMessage = `Audio could not start: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.busy = false;
    }
  };

  private onListenerChange(event: Event): void {
    this.listener = Number((event.target as HTMLSelectElement).value);
    this.engine?.setListener('A', this.listener);
  }

  /** A new valid setup goes to the engine live; an invalid one stops the sound. */
  private applySetup(): void {
    const engine = this.engine;
    if (!engine) return;
    const setup = this.currentSetup;
    try {
      if (setup) {
        engine.setPair(setup, setup);
        engine.setListener('A', this.listener);
      } else {
        this.pause();
      }
    } catch (error) {
      this.audioMessage = error instanceof Error ? error.message : String(error);
    }
  }

  private startClock(): void {
    this.stopClock();
    // The position moves with the audio clock; 4 updates a second are enough for a readout.
    this.clock = window.setInterval(() => {
      if (this.engine) this.transport = this.engine.transportState;
    }, 250);
  }

  private stopClock(): void {
    window.clearInterval(this.clock);
    this.clock = 0;
  }
}
