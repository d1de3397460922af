/**
 * <headroom-sim>: one Headroom setup for other pages to embed (docs/embedding.md).
 *
 *   <headroom-sim preset="phone-hd600"></headroom-sim>
 *   <headroom-sim setup='{"format":"headroom/setup@1", …}'></headroom-sim>
 *
 * Shows the model's report of the setup (<headroom-report-view>), its circuit diagram
 * (<headroom-circuit>) and a Listen button that plays the built-in demo track (rendered in
 * the browser with Tone.js, while the page is idle) through that setup with the app's
 * EngineController: the same worklets, the same −24 dB starting level and −1 dBFS limiter,
 * and one chain for the one setup.
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
import { findPreset, presets } from '../model/catalog/presets.ts';
import { buildReport } from '../model/report.ts';
import type { Report } from '../model/report-contract.ts';
import { parseSetupJson, type Setup } from '../model/setup.ts';
import { describeSetup } from '../text/setup-label.ts';
import { formatClock } from '../text/clock-format.ts';
import { EngineController } from '../ui/app/engine-controller.ts';
import { LiveController } from '../ui/controllers/live-controller.ts';
import { baseStyles, boxedControl, pillStyles } from '../ui/styles.ts';
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

/** The elements on the page: starting one pauses the others (one sound at a time). */
const connected = new Set<HeadroomSim>();

@customElement('headroom-sim')
export class HeadroomSim extends LitElement {
  static override styles = [
    baseStyles,
    pillStyles,
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
      button:disabled {
        cursor: progress;
      }
      select {
        ${boxedControl}
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

  @state() private busy = false;
  /** The position shown, to the tenth of a second the readout shows. */
  @state() private position = 0;

  private resolved: SimSetup = { ok: false, errors: [] };
  /** The demo track through one chain: this setup's (set from the attributes before the first render). */
  private readonly audio = new EngineController(this, { a: presets[0]!.setup, b: null });

  constructor() {
    super();
    new LiveController(this, () => this.audio.position, (seconds) => (this.position = Math.floor(seconds * 10) / 10));
  }

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
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('setupJson') || changed.has('preset') || !this.hasUpdated) {
      this.resolved = resolveSimSetup(this.setupJson, this.preset);
      const setup = this.currentSetup;
      // A new valid setup goes to the sound live; an invalid one stops it.
      if (setup) this.audio.setPair(setup, null);
      else this.pause();
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
      ${this.audio.error ? html`<p class="message" role="alert" data-testid="sim-audio-error">${this.audio.error}</p>` : nothing}
      ${this.audio.warning ? html`<p class="message warn" role="status">${this.audio.warning.message}</p>` : nothing}
      <headroom-report-view .heading=${''} .story=${''} .setup=${resolved.setup} .report=${resolved.report}></headroom-report-view>
      <headroom-circuit .setup=${resolved.setup} .report=${resolved.report} .heardListener=${this.audio.listeners.A}></headroom-circuit>
    `;
  }

  private renderListen(setup: Setup): TemplateResult {
    const transport = this.audio.transport;
    const playing = transport.playing;
    const label = this.busy ? 'Starting…' : playing ? 'Pause' : 'Listen';
    const status =
      transport.duration > 0
        ? `Demo track ${formatClock(this.position)} / ${formatClock(transport.duration)}`
        : 'Plays the built-in demo track through this setup (starts quiet).';
    return html`<div class="listen">
      ${setup.headphones.length > 1
        ? html`<label class="status"
            >Hear
            <select aria-label="Listener to hear" @change=${this.onListenerChange}>
              ${setup.headphones.map((headphone, i) => html`<option value=${i} ?selected=${i === this.audio.listeners.A}>${i + 1}. ${headphone.name}</option>`)}
            </select></label
          >`
        : nothing}
      <button type="button" class="play" data-testid="sim-listen" aria-pressed=${playing ? 'true' : 'false'} ?disabled=${this.busy} @click=${this.onListen}>
        ${label}
      </button>
      <span class="status" data-testid="sim-position" aria-live="off">${status}</span>
    </div>`;
  }

  /** Pauses the sound (another element started, or the user pressed Pause); the controller then lets the audio rest. */
  pause(): void {
    void this.audio.togglePlay(false);
  }

  private readonly onListen = async (): Promise<void> => {
    if (this.audio.transport.playing) {
      this.pause();
      return;
    }
    if (!this.currentSetup || this.busy) return;
    this.busy = true;
    try {
      for (const other of connected) if (other !== this) other.pause();
      // Inside the click: browsers let a page start audio only from a user gesture.
      await this.audio.togglePlay(true);
    } finally {
      this.busy = false;
    }
  };

  private onListenerChange(event: Event): void {
    this.audio.setListener('A', Number((event.target as HTMLSelectElement).value));
  }
}
