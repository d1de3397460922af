/**
 * <headroom-impedance-plot>: |Z| (Ω, log axis, left) and phase (°, right) of each headphone
 * from 20 Hz to 20 kHz, as the model sees it (network, measured curve or nominal value).
 *
 * Properties: `headphones` ({ name, headphone }[]), `plotHeight`. No events.
 * Colour is the headphone; |Z| is a solid line, phase a dashed one.
 */
import { customElement, property } from 'lit/decorators.js';
import type { PropertyValues, TemplateResult } from 'lit';
import type uPlot from 'uplot';
import type { Headphone } from '../../model/setup.ts';
import { formatHz, formatOhms, number, trim } from '../../text/format.ts';
import { figureTable, nearestIndex, TABLE_FREQUENCIES_HZ } from './figure-table.ts';
import { impedanceCurve, plotFrequenciesHz, type ImpedanceCurve } from '../../model/frequency-curves.ts';
import type { Theme } from './theme.ts';
import { UPlotView, axisStyle, frequencyChart, type PlotSpec } from './uplot-view.ts';

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

  #hz: number[] = plotFrequenciesHz(TABLE_FREQUENCIES_HZ);
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

  protected figures(): TemplateResult {
    return figureTable(
      'Headphone impedance: |Z| at 1 kHz and at its peak, and the phase range',
      ['Headphone', '|Z| at 1 kHz', '|Z| peak', 'Phase'],
      this.headphones.map((h, i) => {
        const c = this.#curves[i]!;
        const peak = c.magnitudeOhms.reduce((best, v, k) => (v > c.magnitudeOhms[best]! ? k : best), 0);
        const degrees = (v: number) => `${number(v, 0)}°`;
        return {
          label: h.name,
          cells: [
            formatOhms(Number(c.magnitudeOhms[nearestIndex(this.#hz, 1000)]!.toPrecision(3))),
            `${formatOhms(Number(c.magnitudeOhms[peak]!.toPrecision(3)))} at ${formatHz(this.#hz[peak]!)}`,
            `${degrees(Math.min(...c.phaseDeg))} to ${degrees(Math.max(...c.phaseDeg))}`,
          ],
        };
      }),
    );
  }

  protected plotSpec(theme: Theme, widthPx: number): PlotSpec | null {
    if (this.#curves.length === 0) return null;
    const colour = (i: number) => theme.palette[i % theme.palette.length];
    const series: uPlot.Series[] = [];
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
        value: (_u, v) => (v == null ? '–' : `${number(v, 1)}°`),
      });
      data.push(c.phaseDeg);
    });
    return {
      data,
      options: frequencyChart(
        theme,
        widthPx,
        series,
        {
          // From the data's own range, as uPlot passes it (the chart keeps these functions across setData).
          ohm: { distr: 3, log: 10, range: (_u, min, max) => ohmRange(min, max) },
          deg: { range: (_u, min, max) => degreeRange(min, max) },
        },
        [
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
            values: (_u, splits) => splits.map((v) => (v == null ? '' : number(v))),
          },
        ],
      ),
    };
  }
}

/**
 * The plot's |Z| window: what a headphone's impedance can sensibly be drawn on. Data outside
 * it (a subnormal 5e-324 Ω, 1e300 Ω) is drawn at the edge instead of stretching the axis
 * over hundreds of decades, and no tick loop runs longer than these decades.
 */
const OHMS_WINDOW: [number, number] = [1e-3, 1e9];

/** 1, 2, 5, 10, 20, 50 … Ω: the nice values from `min` to `max` (inside OHMS_WINDOW). */
export function oneTwoFive(min: number, max: number): number[] {
  const lo = Math.max(OHMS_WINDOW[0], min);
  const hi = Math.min(OHMS_WINDOW[1], max);
  if (!(lo <= hi)) return [];
  const values: number[] = [];
  for (let exponent = Math.floor(Math.log10(lo)); exponent <= Math.ceil(Math.log10(hi)); exponent++) {
    for (const m of [1, 2, 5]) {
      const v = Number((m * 10 ** exponent).toPrecision(6));
      if (v >= lo * 0.999 && v <= hi * 1.001) values.push(v);
    }
  }
  return values;
}

/** A range from the 1-2-5 value under the smallest |Z| to the one over the largest, at least ×5 tall. */
export function ohmRange(dataMin: number, dataMax: number): [number, number] {
  const within = (v: number) => Math.min(OHMS_WINDOW[1], Math.max(OHMS_WINDOW[0], v));
  const min = within(dataMin / 1.1);
  const max = within(dataMax * 1.1);
  if (!(min > 0) || !(max >= min)) return [1, 1000];
  const nice = oneTwoFive(10 ** Math.floor(Math.log10(min)), 10 ** Math.ceil(Math.log10(max)));
  const lo = [...nice].reverse().find((v) => v <= min) ?? nice[0]!;
  let hi = nice.find((v) => v >= max) ?? nice[nice.length - 1]!;
  if (hi / lo < 5) hi = nice.find((v) => v >= lo * 5) ?? lo * 5;
  return [lo, hi];
}

/** ±30° at least, in 30° steps, never past ±90°. */
function degreeRange(dataMin: number, dataMax: number): [number, number] {
  const worst = Math.max(30, Math.abs(dataMin), Math.abs(dataMax));
  const edge = Number.isFinite(worst) ? Math.min(90, Math.ceil(worst / 30) * 30) : 90;
  return [-edge, edge];
}
