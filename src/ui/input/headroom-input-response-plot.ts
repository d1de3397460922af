/**
 * <headroom-input-response-plot>: the instrument input's response, 20 Hz–20 kHz on a log axis,
 * of A and B (A solid, B dashed): 20·log10|V_in/EMF| from the model's input report
 * (`instrument.response`), so the hi-Z input's resonance peak and the line input's treble
 * loss show as they are, not re 1 kHz.
 *
 * Properties: `curves` ({ side, label, response: { hz, db } }[]). No events.
 */
import { customElement, property } from 'lit/decorators.js';
import type { TemplateResult } from 'lit';
import type uPlot from 'uplot';
import { formatHz, signed } from '../../text/format.ts';
import { figureTable, nearestIndex, TABLE_FREQUENCIES_HZ } from '../views/figure-table.ts';
import type { Theme } from '../views/theme.ts';
import { UPlotView, dbAxis, frequencyChart, type PlotSpec } from '../views/uplot-view.ts';

export interface InputResponseCurve {
  /** A is drawn solid in the first colour, B dashed in the second, whichever is shown. */
  side: 'A' | 'B';
  /** "A · Stratocaster single coil → hi-Z (1 MΩ)" */
  label: string;
  response: { hz: number[]; db: number[] };
}

declare global {
  interface HTMLElementTagNameMap {
    'headroom-input-response-plot': HeadroomInputResponsePlot;
  }
}

@customElement('headroom-input-response-plot')
export class HeadroomInputResponsePlot extends UPlotView {
  @property({ attribute: false }) curves: InputResponseCurve[] = [];

  protected readonly heading = 'Instrument input response (V_in / EMF)';
  protected readonly dataProperties = ['curves'];

  protected override hasData(): boolean {
    return this.curves.length > 0;
  }

  protected describe(): string {
    if (this.curves.length === 0) return 'Instrument input response: nothing to plot (no side uses the instrument input).';
    const parts = this.curves.map((c) => {
      const at5k = c.response.db[nearestIndex(c.response.hz, 5000)]!;
      const max = Math.max(...c.response.db);
      return `${c.label}: highest ${signed(max, 1)} dB, ${signed(at5k, 1)} dB at 5 kHz`;
    });
    return `Instrument input response from 20 Hz to 20 kHz. ${parts.join('; ')}.`;
  }

  protected figures(): TemplateResult {
    return figureTable(
      'Instrument input response, dB (V_in / EMF)',
      ['Frequency', ...this.curves.map((c) => c.label)],
      // At the report's own frequencies nearest to each (labelled with the frequency they are at).
      TABLE_FREQUENCIES_HZ.map((f) => {
        const hz = this.curves[0]!.response.hz;
        const at = nearestIndex(hz, f);
        return { label: formatHz(hz[at]!), cells: this.curves.map((c) => `${signed(c.response.db[at]!, 1)} dB`) };
      }),
    );
  }

  protected plotSpec(theme: Theme, widthPx: number): PlotSpec | null {
    if (this.curves.length === 0) return null;
    const hz = this.curves[0]!.response.hz;
    // frequencyChart draws 2 px lines without points, and its legend shows no values.
    const series = this.curves.map((c): uPlot.Series => ({ label: c.label, stroke: theme.palette[c.side === 'A' ? 0 : 1], dash: c.side === 'A' ? undefined : [8, 5] }));
    const level: uPlot.Scale = {
      range: (_u, min, max) => {
        const lo = Math.min(min, -6);
        const hi = Math.max(max, 3);
        const pad = (hi - lo) * 0.06;
        return [lo - pad, hi + pad];
      },
    };
    return {
      data: [hz, ...this.curves.map((c) => c.response.db)],
      options: frequencyChart(theme, widthPx, series, { y: level }, [dbAxis(theme, 'Level (dB)', 1)]),
    };
  }
}
