/**
 * UPlotView: the shared base of the uPlot charts (response, impedance). It owns the uPlot
 * instance: made when the element first has a width, resized with its container
 * (ResizeObserver) and recoloured when the colour scheme flips. Subclasses say what to draw
 * in `plotSpec(theme, width)`.
 *
 * New data with the same series (the same labels, colours, dashes, scales and axes: the
 * spec's shape) is drawn into the chart in place with `setData`; only a new shape rebuilds
 * it. So an edit that changes a value keeps the chart, its cursor and the user's zoom, and a
 * parent that re-renders with the same data changes nothing (docs/decisions.md, "A quiet
 * page"). Every option function must therefore read what it needs from its arguments (the
 * scale's data range) or from the element, never from data captured when the spec was made.
 *
 * Each chart is a figure named by its title; its canvas is an image named by `describe()`,
 * and `figures()` gives screen readers the key numbers as a table.
 *
 * uPlot's stylesheet is bundled into the shadow root, so nothing leaks into the page.
 */
import { LitElement, css, html, nothing, unsafeCSS, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import uPlot from 'uplot';
import uplotCss from 'uplot/dist/uPlot.min.css?inline';
import { frequencyTicksHz, shortHz } from '../../drawing/chart-scales.ts';
import { number } from '../../text/format.ts';
import { baseStyles, cardStyles } from '../styles.ts';
import { readTheme, type Theme } from './theme.ts';
import { ViewObserver } from './view-observer.ts';

export interface PlotSpec {
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
}

/** The shape of a chart: what, unchanged, lets new data be drawn in place. */
function shapeOf(spec: PlotSpec, widthPx: number, heightPx: number): string {
  const { series, axes = [], scales = {} } = spec.options;
  return JSON.stringify({
    series: series.map((s) => [s.label, s.stroke, s.dash, s.width, s.scale]),
    axes: axes.map((a) => [a.label, a.scale, a.side]),
    scales: Object.keys(scales),
    narrow: widthPx < NARROW_PX,
    heightPx,
  });
}

/** Below this chart width the frequency axis shows fewer ticks. */
const NARROW_PX = 520;

/**
 * An axis on `scale` in the app's muted text and border-coloured grid, its ticks written by
 * `format`; `extra` adds or overrides uPlot options (side, splits, grid).
 */
export function valueAxis(theme: Theme, scale: string, label: string, sizePx: number, format: (v: number) => string, extra: Partial<uPlot.Axis> = {}): uPlot.Axis {
  return {
    stroke: theme.muted,
    font: `12px ${theme.font}`,
    labelFont: `600 12px ${theme.font}`,
    grid: { stroke: theme.border, width: 1 },
    ticks: { stroke: theme.border, width: 1, size: 4 },
    border: { show: true, stroke: theme.border, width: 1 },
    scale,
    label,
    labelSize: 20,
    size: sizePx,
    values: (_u, splits) => splits.map((v) => (v == null ? '' : format(v))),
    ...extra,
  };
}

/**
 * A chart over 20 Hz … 20 kHz on a log axis: the frequency series and axis, then the given
 * series (lines 2 px wide without points, unless they say otherwise), scales and axes. The
 * legend shows labels only, each with a short line in its series' colour and dash (live
 * values next to every series crowd a phone screen); dragging zooms in on frequency.
 */
export function frequencyChart(theme: Theme, widthPx: number, series: uPlot.Series[], scales: uPlot.Scales, axes: uPlot.Axis[]): PlotSpec['options'] {
  return {
    series: [{ label: 'Frequency' }, ...series.map((s) => ({ width: 2, points: { show: false }, ...s }))],
    scales: { x: { time: false, distr: 3, log: 10, range: [20, 20_000] }, ...scales },
    axes: [
      // uPlot thins log-axis labels to powers of ten by default; these splits are chosen to fit.
      valueAxis(theme, 'x', 'Frequency (Hz)', 30, shortHz, { splits: () => frequencyTicksHz(widthPx >= NARROW_PX), filter: (_u, splits) => splits }),
      ...axes,
    ],
    legend: { live: false, markers: { width: 2, dash: (u, i) => (u.series[i]?.dash ? 'dashed' : 'solid'), fill: () => 'transparent' } },
    cursor: { drag: { x: true, y: false } },
  };
}

/** A level axis on scale 'y', in dB, its ticks to `digits` decimals with a true minus sign. */
export function dbAxis(theme: Theme, label: string, digits: number): uPlot.Axis {
  return valueAxis(theme, 'y', label, 46, (v) => number(Number(v.toFixed(digits))));
}

export abstract class UPlotView extends LitElement {
  static override styles: CSSResultGroup = [
    baseStyles,
    cardStyles,
    unsafeCSS(uplotCss),
    css`
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: space-between;
        gap: 0.4rem 1rem;
        margin-bottom: 0.4rem;
      }
      .chart {
        width: 100%;
        min-width: 0;
        overflow: hidden;
      }
      .empty {
        margin: 0.5rem 0;
      }
      .uplot {
        font-family: inherit;
        width: 100%;
      }
      .u-legend {
        font-size: 0.82rem;
        text-align: left;
        margin-top: 0.3rem;
      }
      .u-legend .u-marker {
        width: 1.4em;
        height: 0;
        border-width: 2px 0 0 0 !important;
        margin-bottom: 0.25em;
      }
      .u-select {
        background: color-mix(in srgb, var(--_accent) 15%, transparent);
      }
      .u-cursor-x,
      .u-cursor-y {
        border-color: var(--_muted) !important;
      }
    `,
  ];

  /** Height of the plotting area and axes in CSS pixels (the legend comes on top of it). */
  @property({ type: Number, attribute: 'plot-height' }) plotHeight = 280;

  #chart: uPlot | null = null;
  #shape = '';
  #width = 0;

  constructor() {
    super();
    new ViewObserver(this, {
      box: () => this.renderRoot.querySelector('.chart'),
      resized: (box) => this.#resize(Math.floor(box.width)),
      schemeChanged: () => this.rebuild(),
    });
  }

  /** The uPlot instance, or null before the first layout or when there is nothing to draw. */
  get chart(): uPlot | null {
    return this.#chart;
  }

  /** What to draw at this width; null when there is nothing to draw. */
  protected abstract plotSpec(theme: Theme, widthPx: number): PlotSpec | null;

  /** The properties whose change means the chart must be rebuilt. */
  protected abstract readonly dataProperties: readonly string[];

  /** A sentence for screen readers: what the chart shows (its canvas has no text). */
  protected abstract describe(): string;

  /** The chart's key numbers as a table for screen readers. */
  protected abstract figures(): TemplateResult | typeof nothing;

  protected renderControls(): TemplateResult | typeof nothing {
    return nothing;
  }

  protected abstract readonly heading: string;

  protected hasData(): boolean {
    return true;
  }

  override render(): TemplateResult {
    return html`<figure class="frame" aria-labelledby="title">
      <div class="head">
        <p class="title" id="title">${this.heading}</p>
        ${this.renderControls()}
      </div>
      ${this.hasData() ? nothing : html`<p class="empty muted">Nothing to plot.</p>`}
      <div class="chart"></div>
      ${this.hasData() ? this.figures() : nothing}
    </figure>`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#chart?.destroy();
    this.#chart = null;
    this.#shape = '';
    this.#width = 0;
  }

  protected override updated(changed: PropertyValues): void {
    if (this.dataProperties.some((name) => changed.has(name)) || changed.has('plotHeight')) this.#draw(false);
  }

  /** Throws the chart away and draws it again from the current properties and colours. */
  rebuild(): void {
    this.#draw(true);
  }

  /** Draws the current data: in place when the chart's shape is unchanged, else into a new chart. */
  #draw(fresh: boolean): void {
    const container = this.renderRoot.querySelector<HTMLElement>('.chart');
    const width = this.#width || (container?.clientWidth ?? 0);
    const spec = container && width > 0 ? this.plotSpec(readTheme(this), width) : null;
    const shape = spec ? shapeOf(spec, width, this.plotHeight) : '';
    if (spec && this.#chart && !fresh && shape === this.#shape) {
      this.#chart.setData(spec.data);
    } else {
      this.#chart?.destroy();
      this.#chart = null;
      this.#shape = '';
      if (!spec || !container) return;
      this.#chart = new uPlot({ ...spec.options, width, height: this.plotHeight }, spec.data, container);
      this.#shape = shape;
    }
    // uPlot's canvas is the picture: name it with what it shows.
    const canvas = container?.querySelector('canvas');
    canvas?.setAttribute('role', 'img');
    canvas?.setAttribute('aria-label', this.describe());
  }

  #resize(width: number): void {
    if (!this.isConnected || width <= 0 || width === this.#width) return;
    const relayout = width < NARROW_PX !== this.#width < NARROW_PX;
    this.#width = width;
    // Tick density depends on width, so crossing the narrow/wide line rebuilds the axes.
    if (!this.#chart || relayout) this.rebuild();
    else this.#chart.setSize({ width, height: this.plotHeight });
  }
}
