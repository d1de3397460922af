/**
 * <headroom-impedance-plot>: |Z| (Ω, log axis, left) and phase (°, right) of each headphone
 * from 20 Hz to 20 kHz, as the model sees it (network, measured curve or nominal value).
 *
 * Properties: `headphones` ({ name, headphone }[]), `plotHeight`. No events.
 * Colour is the headphone; |Z| is a solid line, phase a dashed one.
 */
import { customElement, property } from 'lit/decorators.js';
import type { PropertyValues } from 'lit';
import type uPlot from 'uplot';
import type { Headphone } from '../../model/setup.ts';
import { formatHz, trim } from '../format.ts';
import { impedanceCurve, plotFrequenciesHz, type ImpedanceCurve } from './plot-data.ts';
import type { Theme } from './theme.ts';
import { UPlotView, axisStyle, frequencyAxis, legendMarkers, type PlotSpec } from './uplot-view.ts';

export interface NamedHeadphone {
  name: string;
  headphone: Headphone;
}

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

  #hz: number[] = plotFrequenciesHz();
  #curves: ImpedanceCurve[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('headphones')) this.#curves = this.headphones.map((h) => impedanceCurve(h.headphone, this.#hz));
  }

  protected override hasData(): boolean {
    return this.#curves.length > 0;
  }

  protected describe(): string {
    if (this.#curves.length === 0) return 'Headphone impedance: nothing to plot.';
    const parts = this.headphones.map((h, i) => {
      const c = this.#curves[i]!;
      const min = Math.min(...c.magnitudeOhms);
      const max = Math.max(...c.magnitudeOhms);
      const phase = c.phaseDeg.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a), 0);
      return `${h.name}: ${trim(min)} to ${trim(max)} ohms, phase up to ${phase.toFixed(0)} degrees`;
    });
    return `Impedance magnitude and phase from 20 Hz to 20 kHz. ${parts.join('; ')}.`;
  }

  protected plotSpec(theme: Theme, widthPx: number): PlotSpec | null {
    if (this.#curves.length === 0) return null;
    const colour = (i: number) => theme.palette[i % theme.palette.length];
    const series: uPlot.Series[] = [{ label: 'Frequency', value: (_u, v) => (v == null ? '–' : formatHz(v)) }];
    const data: uPlot.AlignedData = [this.#hz];
    this.headphones.forEach((h, i) => {
      const c = this.#curves[i]!;
      series.push({
        label: `${h.name} |Z|`,
        scale: 'ohm',
        stroke: colour(i),
        width: 2,
        points: { show: false },
        value: (_u, v) => (v == null ? '–' : `${trim(v)} Ω`),
      });
      data.push(c.magnitudeOhms);
      series.push({
        label: `${h.name} phase`,
        scale: 'deg',
        stroke: colour(i),
        width: 1.5,
        dash: [6, 4],
        points: { show: false },
        value: (_u, v) => (v == null ? '–' : `${v.toFixed(1).replace('-', '\u2212')}°`),
      });
      data.push(c.phaseDeg);
    });
    const allMagnitudes = this.#curves.flatMap((c) => c.magnitudeOhms);
    const allPhases = this.#curves.flatMap((c) => c.phaseDeg);
    return {
      data,
      options: {
        series,
        scales: {
          x: { time: false, distr: 3, log: 10, range: [20, 20_000] },
          ohm: { distr: 3, log: 10, range: () => ohmRange(allMagnitudes) },
          deg: { range: () => degreeRange(allPhases) },
        },
        axes: [
          frequencyAxis(theme, widthPx),
          {
            ...axisStyle(theme),
            scale: 'ohm',
            label: '|Z| (Ω)',
            labelSize: 20,
            size: 50,
            splits: (u) => oneTwoFive(u.scales['ohm']!.min ?? 1, u.scales['ohm']!.max ?? 1000),
            filter: (_u, splits) => splits,
            values: (_u, splits) => splits.map((v) => (v == null ? '' : trim(v))),
          },
          {
            ...axisStyle(theme),
            scale: 'deg',
            side: 1,
            label: 'Phase (°)',
            labelSize: 20,
            size: 40,
            grid: { show: false },
            values: (_u, splits) => splits.map((v) => (v == null ? '' : `${v}`).replace('-', '\u2212')),
          },
        ],
        // Labels only: live values next to every series crowd a phone screen.
        legend: { live: false, markers: legendMarkers },
        cursor: { drag: { x: true, y: false } },
      },
    };
  }
}

/** 1, 2, 5, 10, 20, 50 … Ω: the nice values from `min` to `max`. */
function oneTwoFive(min: number, max: number): number[] {
  const values: number[] = [];
  for (let decade = 10 ** Math.floor(Math.log10(min)); decade <= max; decade *= 10) {
    for (const m of [1, 2, 5]) {
      const v = Number((m * decade).toPrecision(6));
      if (v >= min * 0.999 && v <= max * 1.001) values.push(v);
    }
  }
  return values;
}

/** A range from the 1-2-5 value under the smallest |Z| to the one over the largest, at least ×5 tall. */
function ohmRange(values: readonly number[]): [number, number] {
  const min = Math.min(...values) / 1.1;
  const max = Math.max(...values) * 1.1;
  if (!(min > 0) || !Number.isFinite(max)) return [1, 1000];
  const nice = oneTwoFive(10 ** Math.floor(Math.log10(min)), 10 ** Math.ceil(Math.log10(max)));
  const lo = [...nice].reverse().find((v) => v <= min) ?? nice[0]!;
  let hi = nice.find((v) => v >= max) ?? nice[nice.length - 1]!;
  if (hi / lo < 5) hi = nice.find((v) => v >= lo * 5) ?? lo * 5;
  return [lo, hi];
}

/** ±30° at least, in 30° steps, never past ±90°. */
function degreeRange(values: readonly number[]): [number, number] {
  const worst = Math.max(30, ...values.map((v) => Math.abs(v)));
  const edge = Math.min(90, Math.ceil(worst / 30) * 30);
  return [-edge, edge];
}
