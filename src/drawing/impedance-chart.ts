/**
 * What <headroom-impedance-plot> says for screen readers: each headphone's |Z| and phase over
 * 20 Hz–20 kHz (the model's curves, src/model/frequency-curves.ts) in one sentence and a table.
 */
import type { ImpedanceCurve } from '../model/frequency-curves.ts';
import type { Headphone } from '../model/setup.ts';
import { REFERENCE_HZ } from '../model/units.ts';
import { formatHz, formatOhms, number, trim } from '../text/format.ts';

export interface NamedHeadphone {
  name: string;
  headphone: Headphone;
}

/** "33.2 Ω": three significant digits are what a spec sheet gives. */
const ohms = (v: number) => formatOhms(Number(v.toPrecision(3)));
const degrees = (v: number) => `${number(v, 0)}°`;

/** The chart in one sentence: each headphone's |Z| range and its largest phase. */
export function impedanceSentence(headphones: readonly NamedHeadphone[], curves: readonly ImpedanceCurve[]): string {
  if (curves.length === 0) return 'Headphone impedance: nothing to plot.';
  const parts = headphones.map((h, i) => {
    const c = curves[i]!;
    const phase = c.phaseDeg.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a), 0);
    return `${h.name}: ${trim(Math.min(...c.magnitudeOhms))} to ${trim(Math.max(...c.magnitudeOhms))} ohms, phase up to ${phase.toFixed(0)} degrees`;
  });
  return `Impedance magnitude and phase from 20 Hz to 20 kHz. ${parts.join('; ')}.`;
}

/** The chart's table: a row a headphone with |Z| at 1 kHz (one of `hz`), its peak and where, and the phase range. */
export function impedanceTable(headphones: readonly NamedHeadphone[], curves: readonly ImpedanceCurve[], hz: readonly number[]) {
  return {
    caption: 'Headphone impedance: |Z| at 1 kHz and at its peak, and the phase range',
    columns: ['Headphone', '|Z| at 1 kHz', '|Z| peak', 'Phase'],
    rows: headphones.map((h, i) => {
      const { magnitudeOhms, phaseDeg } = curves[i]!;
      const peak = magnitudeOhms.reduce((best, v, k) => (v > magnitudeOhms[best]! ? k : best), 0);
      return {
        label: h.name,
        cells: [
          ohms(magnitudeOhms[hz.indexOf(REFERENCE_HZ)]!),
          `${ohms(magnitudeOhms[peak]!)} at ${formatHz(hz[peak]!)}`,
          `${degrees(Math.min(...phaseDeg))} to ${degrees(Math.max(...phaseDeg))}`,
        ],
      };
    }),
  };
}
