/**
 * <headroom-response-plot>: the frequency response, 20 Hz–20 kHz on a log axis, of every
 * listener of each given setup (A and B), computed with the model (solveChain at each plot
 * frequency). Relative to each listener's own 1 kHz level by default, so deviations show;
 * a toggle switches to absolute dB SPL, and — when a setup has shared ground returns
 * (headroom/setup@3) — to the crosstalk versus frequency (the model's crosstalk.ts, from mid and
 * side solutions; docs/model.md 14.4).
 *
 * Properties: `curves` ({ label, setup }[]), `mode` ('relative' | 'absolute' | 'crosstalk'), `listener`
 * (one listener's index, or null for all), `plotHeight`.
 * Events: `response-mode-change` ({ mode }) when the user flips the toggle.
 * Colour is the listener, the line style the setup (A solid, B dashed). What it draws, and
 * the words for screen readers, come from src/drawing/response-chart.ts.
 */
import { html, css, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type uPlot from 'uplot';
import { levelRange } from '../../drawing/chart-scales.ts';
import { responseChart, responseSentence, responseTable, type ResponseChart, type ResponseCurve, type ResponsePlotMode } from '../../drawing/response-chart.ts';
import { plotFrequenciesHz } from '../../model/frequency-curves.ts';
import { figureTable, TABLE_FREQUENCIES_HZ } from './figure-table.ts';
import type { Theme } from './theme.ts';
import { pillStyles } from '../styles.ts';
import { UPlotView, dbAxis, frequencyChart, type PlotSpec } from './uplot-view.ts';

export type { ResponseCurve, ResponsePlotMode };

declare global {
  interface HTMLElementTagNameMap {
    'headroom-response-plot': HeadroomResponsePlot;
  }
}

/** Line dash per setup: A solid, B dashed, a third dotted. */
const DASHES: (number[] | undefined)[] = [undefined, [8, 5], [2, 4]];

@customElement('headroom-response-plot')
export class HeadroomResponsePlot extends UPlotView {
  static override styles = [
    UPlotView.styles,
    pillStyles,
    css`
      /* Inside the control's clipped outline, so the focus ring shows. */
      .segmented button:focus-visible {
        outline-offset: -3px;
      }
    `,
  ];

  /** The setups to compare, each drawn for every one of its listeners. */
  @property({ attribute: false }) curves: ResponseCurve[] = [];

  /** Only this listener (index) of each setup; null for all of them. */
  @property({ type: Number }) listener: number | null = null;

  /**
   * `relative` (dB re each listener's 1 kHz level), `absolute` (dB SPL) or `crosstalk` (dB, the
   * other channel re its own; shown as `relative` while no setup has a shared return).
   */
  @property({ reflect: true }) mode: ResponsePlotMode = 'relative';

  protected readonly heading = 'Frequency response';
  protected readonly dataProperties = ['curves', 'mode', 'listener'];

  #hz: number[] = plotFrequenciesHz(TABLE_FREQUENCIES_HZ);
  #chart: ResponseChart = { crosstalkOffered: false, shown: 'relative', series: [] };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('curves') || changed.has('mode') || changed.has('listener')) this.#chart = responseChart(this.curves, this.mode, this.listener, this.#hz);
  }

  protected override hasData(): boolean {
    return this.#chart.series.length > 0;
  }

  protected override renderControls(): TemplateResult {
    const option = (mode: ResponsePlotMode, text: string, title: string) =>
      html`<button type="button" aria-pressed=${this.#chart.shown === mode ? 'true' : 'false'} title=${title} @click=${() => this.#setMode(mode)}>
        ${text}
      </button>`;
    return html`<div class="segmented" role="group" aria-label="Level scale">
      ${option('relative', 'dB re 1 kHz', 'Each listener relative to its own level at 1 kHz')}
      ${option('absolute', 'dB SPL', 'Sound pressure level, from each headphone’s 1 kHz sensitivity')}
      ${this.#chart.crosstalkOffered ? option('crosstalk', 'Crosstalk', 'A signal in one channel only: the other channel’s level relative to its own, through shared returns') : ''}
    </div>`;
  }

  #setMode(mode: ResponsePlotMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.dispatchEvent(new CustomEvent('response-mode-change', { detail: { mode }, bubbles: true, composed: true }));
  }

  protected describe(): string {
    return responseSentence(this.#chart);
  }

  protected figures(): TemplateResult {
    const { caption, columns, rows } = responseTable(this.#chart, this.#hz, TABLE_FREQUENCIES_HZ);
    return figureTable(caption, columns, rows);
  }

  protected plotSpec(theme: Theme, widthPx: number): PlotSpec | null {
    const { shown, series } = this.#chart;
    if (series.length === 0) return null;
    const lines = series.map(
      (s): uPlot.Series => ({ label: s.label, stroke: theme.palette[s.response.listener % theme.palette.length], dash: DASHES[s.curve % DASHES.length] }),
    );
    const label = shown === 'crosstalk' ? 'Other channel re own (dB)' : shown === 'relative' ? 'Level re 1 kHz (dB)' : 'SPL (dB)';
    return {
      data: [this.#hz, ...series.map((s) => s.response.db)],
      options: frequencyChart(theme, widthPx, lines, { y: { range: (_u, min, max) => levelRange(min, max, shown) } }, [dbAxis(theme, label, 2)]),
    };
  }
}
