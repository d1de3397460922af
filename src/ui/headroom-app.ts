/**
 * <headroom-app>: the first page. Holds which preset is shown (private state, mirrored in the
 * URL as ?preset=<id>), builds its report with the model and passes both down to
 * <headroom-report-view>; the picker reports choices up with `preset-change`.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { buildReport } from '../model/report.ts';
import type { Report } from '../model/report-contract.ts';
import { defaultPresetId, findPreset, presets, type Preset } from '../model/catalog/presets.ts';
import type { PresetChangeEvent, PresetOption } from './headroom-preset-picker.ts';
import { baseStyles } from './styles.ts';
import './headroom-preset-picker.ts';
import './headroom-report-view.ts';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-app': HeadroomApp;
  }
}

const PRESET_PARAM = 'preset';

type Computed = { ok: true; report: Report } | { ok: false; message: string };

@customElement('headroom-app')
export class HeadroomApp extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        max-width: 72rem;
        margin: 0 auto;
        padding: 1.5rem clamp(1rem, 4vw, 2.5rem) 2.5rem;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        justify-content: space-between;
        gap: 1rem 2rem;
        padding-bottom: 1.25rem;
        margin-bottom: 1.5rem;
        border-bottom: 1px solid var(--_border);
      }
      h1 {
        margin: 0;
        font-size: 2rem;
        line-height: 1.1;
        letter-spacing: -0.02em;
      }
      .tagline {
        margin: 0.35rem 0 0;
        color: var(--_muted);
        max-width: 52ch;
      }
      .controls {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        gap: 0.4rem;
        flex: 0 1 24rem;
        min-width: min(100%, 16rem);
      }
      headroom-preset-picker {
        align-self: stretch;
      }
      .pair {
        font: inherit;
        font-size: 0.88rem;
        color: var(--_accent);
        background: none;
        border: none;
        padding: 0;
        cursor: pointer;
        text-decoration: underline;
        text-underline-offset: 2px;
      }
      .error {
        border: 1px solid var(--_bad);
        background: var(--_bad-bg);
        border-radius: 10px;
        padding: 0.8rem 1rem;
      }
      footer {
        margin-top: 2rem;
        padding-top: 1rem;
        border-top: 1px solid var(--_border);
        font-size: 0.85rem;
        color: var(--_muted);
      }
    `,
  ];

  @state() private presetId = initialPresetId();

  private computed: Computed | null = null;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('presetId') || this.computed === null) {
      this.computed = compute(this.preset);
    }
  }

  private get preset(): Preset {
    return findPreset(this.presetId) ?? findPreset(defaultPresetId) ?? presets[0]!;
  }

  override render(): TemplateResult {
    const preset = this.preset;
    const paired = preset.pairedWith ? findPreset(preset.pairedWith) : undefined;
    const options: PresetOption[] = presets.map((p) => ({ id: p.id, title: p.title }));
    return html`
      <header>
        <div>
          <h1>Headroom</h1>
          <p class="tagline">
            What happens between a headphone jack and your headphones: output impedance, amplifier gain and clipping,
            and a splitter shared by several listeners — computed from a circuit model of the chain.
          </p>
        </div>
        <div class="controls">
          <headroom-preset-picker .presets=${options} selected=${preset.id} @preset-change=${this.onPresetChange}></headroom-preset-picker>
          ${paired
            ? html`<button class="pair" type="button" @click=${() => this.select(paired.id)}>Compare with: ${paired.title}</button>`
            : nothing}
        </div>
      </header>
      <main>${this.renderReport(preset)}</main>
      <footer>
        Every number on this page comes from the circuit model's report (<code>headroom/report@1</code>) for the setup
        shown. Nothing is loaded from the network.
      </footer>
    `;
  }

  private renderReport(preset: Preset): TemplateResult {
    const computed = this.computed;
    if (computed && !computed.ok) {
      return html`<h2>${preset.title}</h2>
        <p class="error" role="alert">The model could not compute this setup: ${computed.message}</p>`;
    }
    return html`<headroom-report-view
      .heading=${preset.title}
      .story=${preset.story}
      .setup=${preset.setup}
      .report=${computed?.report ?? null}
    ></headroom-report-view>`;
  }

  private onPresetChange(event: PresetChangeEvent): void {
    this.select(event.detail.id);
  }

  private select(id: string): void {
    if (!findPreset(id)) return;
    this.presetId = id;
    const url = new URL(window.location.href);
    url.searchParams.set(PRESET_PARAM, id);
    window.history.replaceState(null, '', url);
  }
}

function initialPresetId(): string {
  const fromUrl = new URL(window.location.href).searchParams.get(PRESET_PARAM);
  return fromUrl && findPreset(fromUrl) ? fromUrl : defaultPresetId;
}

function compute(preset: Preset): Computed {
  try {
    return { ok: true, report: buildReport(preset.setup) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
