/**
 * How far a catalog part's other published figures lie from the ones it uses: a maker's
 * sensitivity against an independent measurement, in dB at the same voltage, or a second
 * impedance or level figure. The editor shows these beside a chosen part (issue 16: "where
 * they differ by more than 1 dB both are kept and the app can show the difference").
 */
import { impedanceMagnitudeAt1kHz, sensitivityDbPerVolt } from '../acoustics.ts';
import type { Headphone, Sensitivity } from '../setup.ts';
import type { Alternative, CitationKind } from './citations.ts';

/** The threshold above which two figures are worth telling apart (issue 16). */
export const NOTABLE_DIFFERENCE_DB = 1;

export interface AlternativeFigure {
  readonly field: string;
  /** The other figure as published: "113.9 dB/V", "75 Ω". */
  readonly text: string;
  readonly kind: CitationKind;
  readonly source: string;
  readonly url?: string;
  /**
   * For sensitivity: the other figure minus the part's, in dB SPL at 1 V (both converted at
   * the part's |Z| at 1 kHz); for level and impedance figures: 20·log10 of their ratio.
   */
  readonly differenceDb: number;
}

const UNITS: Readonly<Record<string, string>> = {
  'impedance.nominalOhms': 'Ω',
  outputImpedanceOhms: 'Ω',
  inputImpedanceOhms: 'Ω',
  maxOutputVrms: 'Vrms',
  maxOutputCurrentMa: 'mA',
  gainDb: 'dB',
};

const short = (value: number): string => String(Number(value.toPrecision(4)));

function valueAt(part: object, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), part);
}

/** dB SPL at 1 V of a sensitivity figure, converted at the impedance of the headphone it belongs to. */
export function dbPerVolt(sensitivity: Sensitivity, headphone: Headphone): number {
  return sensitivityDbPerVolt({ ...headphone, sensitivity });
}

export function alternativeFigures(part: object, alternatives: readonly Alternative[] | undefined): AlternativeFigure[] {
  if (!alternatives) return [];
  return alternatives.map((alternative): AlternativeFigure => {
    const { citation, value, field } = alternative;
    let text: string;
    let differenceDb: number;
    if (typeof value === 'object') {
      const headphone = part as Headphone;
      text = `${short(value.value)} ${value.unit}`;
      differenceDb = dbPerVolt(value, headphone) - sensitivityDbPerVolt(headphone);
    } else {
      text = `${short(value)} ${UNITS[field] ?? ''}`.trim();
      const own = field === 'impedance.nominalOhms' ? impedanceMagnitudeAt1kHz(part as Headphone) : valueAt(part, field);
      differenceDb = typeof own === 'number' && own > 0 && value > 0 ? (field === 'gainDb' ? value - own : 20 * Math.log10(value / own)) : Number.NaN;
    }
    const figure = { field, text, kind: citation.kind, source: citation.source, differenceDb };
    return citation.url === undefined ? figure : { ...figure, url: citation.url };
  });
}
