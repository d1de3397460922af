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
 * Colour is the listener, the line style the setup (A solid, B dashed).
 */
import { html, css, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type uPlot from 'uplot';
import { listenerCrosstalk } from '../../model/crosstalk.ts';
import { hasSharedReturns } from '../../model/ground.ts';
import type { Setup } from '../../model/setup.ts';
import { solveChain } from '../../model/solver.ts';
import { REFERENCE_HZ } from '../../model/units.ts';
import { levelRange } from '../../drawing/chart-scales.ts';
import { formatHz, signed } from '../../text/format.ts';
import { figureTable, nearestIndex, TABLE_FREQUENCIES_HZ } from './figure-table.ts';
import { listenerResponses, plotFrequenciesHz, type ListenerResponse, type ResponseMode } from '../../model/frequency-curves.ts';
import type { Theme } from './theme.ts';
import { UPlotView, dbAxis, frequencyChart, type PlotSpec } from './uplot-view.ts';

export interface ResponseCurve {
  /** Short name of the setup, e.g. "A" or "B". */
  label: string;
  setup: Setup;
}

/** What the plot shows: a response (`ResponseMode`) or the crosstalk through shared returns. */
export type ResponsePlotMode = ResponseMode | 'crosstalk';


declare global {
  interface HTMLElementTagNameMap {
    'headroom-response-plot': HeadroomResponsePlot;
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

  /**
   * `relative` (dB re each listener's 1 kHz level), `absolute` (dB SPL) or `crosstalk` (dB, the
   * other channel re its own; shown as `relative` while no setup has a shared return).
   */
  @property({ reflect: true }) mode: ResponsePlotMode = 'relative';

  protected readonly heading = 'Frequency response';
  protected readonly dataProperties = ['curves', 'mode', 'listener'];

  #hz: number[] = plotFrequenciesHz(TABLE_FREQUENCIES_HZ);
  #series: SeriesData[] = [];
  /** Whether any setup has a shared return (so the crosstalk view is offered). */
  #crosstalkShown = false;
  /** The mode drawn: `mode`, or `relative` for `crosstalk` while there is none. */
  #shown: ResponsePlotMode = 'relative';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('curves') || changed.has('mode') || changed.has('listener')) {
      this.#crosstalkShown = this.curves.some((curve) => hasSharedReturns(curve.setup));
      this.#shown = this.mode === 'crosstalk' && !this.#crosstalkShown ? 'relative' : this.mode;
      const shown = this.#shown;
      this.#series = this.curves.flatMap((curve, c) =>
        (shown === 'crosstalk' ? crosstalkResponses(curve.setup, this.#hz) : listenerResponses(curve.setup, this.#hz, shown))
          .filter((response) => this.listener === null || response.listener === this.listener)
          .map((response) => ({ curve: c, label: curve.label, response, listeners: curve.setup.headphones.length })),
      );
    }
  }

  protected override hasData(): boolean {
    return this.#series.length > 0;
  }

  protected override renderControls(): TemplateResult {
    const option = (mode: ResponsePlotMode, text: string, title: string) =>
      html`<button type="button" aria-pressed=${this.#shown === mode ? 'true' : 'false'} title=${title} @click=${() => this.#setMode(mode)}>
        ${text}
      </button>`;
    return html`<div class="toggle" role="group" aria-label="Level scale">
      ${option('relative', 'dB re 1 kHz', 'Each listener relative to its own level at 1 kHz')}
      ${option('absolute', 'dB SPL', 'Sound pressure level, from each headphone’s 1 kHz sensitivity')}
      ${this.#crosstalkShown ? option('crosstalk', 'Crosstalk', 'A signal in one channel only: the other channel’s level relative to its own, through shared returns') : ''}
    </div>`;
  }

  #setMode(mode: ResponsePlotMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.dispatchEvent(new CustomEvent('response-mode-change', { detail: { mode }, bubbles: true, composed: true }));
  }

  protected describe(): string {
    if (this.#series.length === 0) return this.#shown === 'crosstalk' ? 'Crosstalk: no listener’s channels leak.' : 'Frequency response: nothing to plot.';
    const unit = UNIT[this.#shown];
    const parts = this.#series.map((s) => {
      const min = Math.min(...s.response.db);
      const max = Math.max(...s.response.db);
      return `${seriesLabel(s)}: ${signedOrPlain(min, this.#shown)} to ${signedOrPlain(max, this.#shown)} ${unit}`;
    });
    const what = this.#shown === 'crosstalk' ? 'Crosstalk (the other channel re its own, for a signal in one channel)' : 'Frequency response';
    return `${what} from 20 Hz to 20 kHz. ${parts.join('; ')}.`;
  }

  protected figures(): TemplateResult {
    const what = this.#shown === 'crosstalk' ? 'Crosstalk' : 'Frequency response';
    return figureTable(
      `${what}, ${UNIT[this.#shown]}`,
      ['Frequency', ...this.#series.map(seriesLabel)],
      TABLE_FREQUENCIES_HZ.map((f) => ({
        label: formatHz(f),
        cells: this.#series.map((s) => signedOrPlain(s.response.db[nearestIndex(this.#hz, f)]!, this.#shown)),
      })),
    );
  }

  protected plotSpec(theme: Theme, widthPx: number): PlotSpec | null {
    if (this.#series.length === 0) return null;
    const shown = this.#shown;
    const series = this.#series.map(
      (s): uPlot.Series => ({ label: seriesLabel(s), stroke: theme.palette[s.response.listener % theme.palette.length], dash: DASHES[s.curve % DASHES.length] }),
    );
    const label = shown === 'crosstalk' ? 'Other channel re own (dB)' : shown === 'relative' ? 'Level re 1 kHz (dB)' : 'SPL (dB)';
    return {
      data: [this.#hz, ...this.#series.map((s) => s.response.db)],
      options: frequencyChart(theme, widthPx, series, { y: { range: (_u, min, max) => levelRange(min, max, shown) } }, [dbAxis(theme, label, 2)]),
    };
  }
}

function seriesLabel(s: SeriesData): string {
  const who = s.listeners > 1 ? `${s.response.listener + 1}. ${s.response.name}` : s.response.name;
  return `${s.label} · ${who}`;
}

const UNIT: Record<ResponsePlotMode, string> = { relative: 'dB re 1 kHz', absolute: 'dB SPL', crosstalk: 'dB' };

function signedOrPlain(value: number, mode: ResponsePlotMode): string {
  return mode === 'relative' ? signed(value, 2) : mode === 'crosstalk' ? signed(value, 1) : value.toFixed(1);
}

/**
 * Each listener's crosstalk at `hz` from the model's mid and side solutions (crosstalk.ts), for
 * the listeners whose channels leak (none without a shared return).
 */
function crosstalkResponses(setup: Setup, hz: number[]): ListenerResponse[] {
  if (!hasSharedReturns(setup)) return [];
  const mid = hz.map((f) => solveChain(setup, f));
  const side = hz.map((f) => solveChain(setup, f, { mode: 'side' }));
  const atReference = { mid: solveChain(setup, REFERENCE_HZ), side: solveChain(setup, REFERENCE_HZ, { mode: 'side' }) };
  return setup.headphones.flatMap((headphone, i) => {
    const figures = listenerCrosstalk(i, atReference, hz, mid, side);
    return figures ? [{ listener: i, name: headphone.name, db: figures.response.db }] : [];
  });
}
