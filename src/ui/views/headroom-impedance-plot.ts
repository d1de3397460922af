/**
 * <headroom-impedance-plot>: |Z| (Ω, log axis, left) and phase (°, right) of each headphone
 * from 20 Hz to 20 kHz, as the model sees it (network, measured curve or nominal value).
 *
 * Properties: `headphones` ({ name, headphone }[]), `plotHeight`. No events.
 * Colour is the headphone; |Z| is a solid line, phase a dashed one. The words for screen
 * readers come from src/drawing/impedance-chart.ts.
 */
import { customElement, property } from 'lit/decorators.js';
import type { PropertyValues, TemplateResult } from 'lit';
import type uPlot from 'uplot';
import { impedanceSentence, impedanceTable, type NamedHeadphone } from '../../drawing/impedance-chart.ts';
import { number, trim } from '../../text/format.ts';
import { figureTable, TABLE_FREQUENCIES_HZ } from './figure-table.ts';
import { impedanceCurve, plotFrequenciesHz, type ImpedanceCurve } from '../../model/frequency-curves.ts';
import type { Theme } from './theme.ts';
import { degreeRange, ohmRange, oneTwoFive } from '../../drawing/chart-scales.ts';
import { UPlotView, frequencyChart, valueAxis, type PlotSpec } from './uplot-view.ts';

export type { NamedHeadphone };

declare global {
  interface HTMLElementTagNameMap {
    'headroom-impedance-plot': HeadroomImpedancePlot;
  }
}

@customElement('headroom-impedance-plot')
export class HeadroomImpedancePlot extends UPlotView {
  /** The headphones to draw; identical entries are drawn once each, in order. */
  @property({ attribute: false }) headphones: NamedHeadphone[] = [];

  protected readonly heading = 'Headphone impedance';
  protected readonly dataProperties = ['headphones'];

  #hz: number[] = plotFrequenciesHz(TABLE_FREQUENCIES_HZ);
  #curves: ImpedanceCurve[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('headphones')) this.#curves = this.headphones.map((h) => impedanceCurve(h.headphone, this.#hz));
  }

  protected override hasData(): boolean {
    return this.#curves.length > 0;
  }

  protected describe(): string {
    return impedanceSentence(this.headphones, this.#curves);
  }

  protected figures(): TemplateResult {
    const { caption, columns, rows } = impedanceTable(this.headphones, this.#curves, this.#hz);
    return figureTable(caption, columns, rows);
  }

  protected plotSpec(theme: Theme, widthPx: number): PlotSpec | null {
    if (this.#curves.length === 0) return null;
    const colour = (i: number) => theme.palette[i % theme.palette.length];
    return {
      data: [this.#hz, ...this.#curves.flatMap((c) => [c.magnitudeOhms, c.phaseDeg])],
      options: frequencyChart(
        theme,
        widthPx,
        this.headphones.flatMap((h, i): uPlot.Series[] => [
          { label: `${h.name} |Z|`, scale: 'ohm', stroke: colour(i) },
          { label: `${h.name} phase`, scale: 'deg', stroke: colour(i), width: 1.5, dash: [6, 4] },
        ]),
        {
          // From the data's own range, as uPlot passes it (the chart keeps these functions across setData).
          ohm: { distr: 3, log: 10, range: (_u, min, max) => ohmRange(min, max) },
          deg: { range: (_u, min, max) => degreeRange(min, max) },
        },
        [
          valueAxis(theme, 'ohm', '|Z| (Ω)', 50, trim, {
            splits: (u) => oneTwoFive(u.scales['ohm']!.min ?? 1, u.scales['ohm']!.max ?? 1000),
            filter: (_u, splits) => splits,
          }),
          valueAxis(theme, 'deg', 'Phase (°)', 40, (v) => number(v), { side: 1, grid: { show: false } }),
        ],
      ),
    };
  }
}
