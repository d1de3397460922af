/**
 * <headroom-response-plot>: the frequency response, 20 Hz–20 kHz on a log axis, of every
 * listener of each given setup (A and B), computed with the model (solveChain at each plot
 * frequency). Relative to each listener's own 1 kHz level by default, so deviations show;
 * a toggle switches to absolute dB SPL.
 *
 * Properties: `curves` ({ label, setup }[]), `mode` ('relative' | 'absolute'), `listener`
 * (one listener's index, or null for all), `plotHeight`.
 * Events: `response-mode-change` ({ mode }) when the user flips the toggle.
 * Colour is the listener, the line style the setup (A solid, B dashed).
 */
import { html, css, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type uPlot from 'uplot';
import type { Setup } from '../../model/setup.ts';
import { formatHz, signed } from '../format.ts';
import { figureTable, nearestIndex, TABLE_FREQUENCIES_HZ } from './figure-table.ts';
import { listenerResponses, plotFrequenciesHz, type ListenerResponse, type ResponseMode } from './plot-data.ts';
import type { Theme } from './theme.ts';
import { UPlotView, axisStyle, frequencyAxis, legendMarkers, type PlotSpec } from './uplot-view.ts';

export interface ResponseCurve {
  /** Short name of the setup, e.g. "A" or "B". */
  label: string;
  setup: Setup;
}

export type ResponseModeChangeEvent = CustomEvent<{ mode: ResponseMode }>;

declare global {
  interface HTMLElementTagNameMap {
    'headroom-response-plot': HeadroomResponsePlot;
  }
  interface HTMLElementEventMap {
    'response-mode-change': ResponseModeChangeEvent;
  }
}

/** Line dash per setup: A solid, B dashed, a third dotted. */
const DASHES: (number[] | undefined)[] = [undefined, [8, 5], [2, 4]];

interface SeriesData {
  curve: number;
  label: string;
  response: ListenerResponse;
  listeners: number;
}

@customElement('headroom-response-plot')
export class HeadroomResponsePlot extends UPlotView {
  static override styles = [
    UPlotView.styles,
    css`
      .toggle {
        display: inline-flex;
        border: 1px solid var(--_border);
        border-radius: 999px;
        overflow: hidden;
      }
      .toggle button {
        font: inherit;
        font-size: 0.8rem;
        font-weight: 600;
        border: 0;
        background: var(--_surface);
        color: var(--_muted);
        padding: 0.3rem 0.75rem;
        min-height: 2rem;
        cursor: pointer;
      }
      .toggle button + button {
        border-left: 1px solid var(--_border);
      }
      .toggle button[aria-pressed='true'] {
        background: var(--_accent);
        color: var(--hr-on-accent, var(--_surface));
      }
      .toggle button:focus-visible {
        outline: 3px solid var(--_accent);
        outline-offset: -3px;
      }
    `,
  ];

  /** The setups to compare, each drawn for every one of its listeners. */
  @property({ attribute: false }) curves: ResponseCurve[] = [];

  /** Only this listener (index) of each setup; null for all of them. */
  @property({ type: Number }) listener: number | null = null;

  /** `relative` (dB re each listener's 1 kHz level) or `absolute` (dB SPL). */
  @property({ reflect: true }) mode: ResponseMode = 'relative';

  protected readonly heading = 'Frequency response';
  protected readonly dataProperties = ['curves', 'mode', 'listener'];

  #hz: number[] = plotFrequenciesHz();
  #series: SeriesData[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('curves') || changed.has('mode') || changed.has('listener')) {
      this.#series = this.curves.flatMap((curve, c) =>
        listenerResponses(curve.setup, this.#hz, this.mode)
          .filter((response) => this.listener === null || response.listener === this.listener)
          .map((response) => ({ curve: c, label: curve.label, response, listeners: curve.setup.headphones.length })),
      );
    }
  }

  protected override hasData(): boolean {
    return this.#series.length > 0;
  }

  protected override renderControls(): TemplateResult {
    const option = (mode: ResponseMode, text: string, title: string) =>
      html`<button type="button" aria-pressed=${this.mode === mode ? 'true' : 'false'} title=${title} @click=${() => this.#setMode(mode)}>
        ${text}
      </button>`;
    return html`<div class="toggle" role="group" aria-label="Level scale">
      ${option('relative', 'dB re 1 kHz', 'Each listener relative to its own level at 1 kHz')}
      ${option('absolute', 'dB SPL', 'Sound pressure level, from each headphone’s 1 kHz sensitivity')}
    </div>`;
  }

  #setMode(mode: ResponseMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.dispatchEvent(new CustomEvent('response-mode-change', { detail: { mode }, bubbles: true, composed: true }));
  }

  protected describe(): string {
    if (this.#series.length === 0) return 'Frequency response: nothing to plot.';
    const unit = this.mode === 'relative' ? 'dB re 1 kHz' : 'dB SPL';
    const parts = this.#series.map((s) => {
      const min = Math.min(...s.response.db);
      const max = Math.max(...s.response.db);
      return `${seriesLabel(s)}: ${signedOrPlain(min, this.mode)} to ${signedOrPlain(max, this.mode)} ${unit}`;
    });
    return `Frequency response from 20 Hz to 20 kHz. ${parts.join('; ')}.`;
  }

  protected figures(): TemplateResult {
    const relative = this.mode === 'relative';
    return figureTable(
      `Frequency response, ${relative ? 'dB re 1 kHz' : 'dB SPL'}`,
      ['Frequency', ...this.#series.map(seriesLabel)],
      TABLE_FREQUENCIES_HZ.map((f) => ({
        label: formatHz(f),
        cells: this.#series.map((s) => signedOrPlain(s.response.db[nearestIndex(this.#hz, f)]!, this.mode)),
      })),
    );
  }

  protected plotSpec(theme: Theme, widthPx: number): PlotSpec | null {
    if (this.#series.length === 0) return null;
    const relative = this.mode === 'relative';
    const unit = relative ? 'dB' : 'dB SPL';
    const series: uPlot.Series[] = [
      { label: 'Frequency', value: (_u, v) => (v == null ? '–' : formatHz(v)) },
      ...this.#series.map(
        (s): uPlot.Series => ({
          label: seriesLabel(s),
          stroke: theme.palette[s.response.listener % theme.palette.length],
          width: 2,
          dash: DASHES[s.curve % DASHES.length],
          points: { show: false },
          value: (_u, v) => (v == null ? '–' : `${relative ? signed(v, 2) : v.toFixed(1)} ${unit}`),
        }),
      ),
    ];
    return {
      data: [this.#hz, ...this.#series.map((s) => s.response.db)],
      options: {
        series,
        scales: {
          x: { time: false, distr: 3, log: 10, range: [20, 20_000] },
          y: {
            range: (_u, min, max) => {
              // At least ±1 dB re 1 kHz (or a 6 dB window of SPL), so a flat line does not zoom into noise.
              const half = relative ? 1 : 3;
              const mid = (min + max) / 2;
              const lo = Math.min(min, relative ? -half : mid - half);
              const hi = Math.max(max, relative ? half : mid + half);
              const pad = (hi - lo) * 0.08;
              return [lo - pad, hi + pad];
            },
          },
        },
        axes: [
          frequencyAxis(theme, widthPx),
          {
            ...axisStyle(theme),
            scale: 'y',
            label: relative ? 'Level re 1 kHz (dB)' : 'SPL (dB)',
            labelSize: 20,
            size: 46,
            values: (_u, splits) => splits.map((v) => (v == null ? '' : String(Number(v.toFixed(2)))).replace('-', '\u2212')),
          },
        ],
        // Labels only: live values next to every series crowd a phone screen.
        legend: { live: false, markers: legendMarkers },
        cursor: { drag: { x: true, y: false } },
      },
    };
  }
}

function seriesLabel(s: SeriesData): string {
  const who = s.listeners > 1 ? `${s.response.listener + 1}. ${s.response.name}` : s.response.name;
  return `${s.label} · ${who}`;
}

function signedOrPlain(value: number, mode: ResponseMode): string {
  return mode === 'relative' ? signed(value, 2) : value.toFixed(1);
}
