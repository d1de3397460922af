/**
 * A catalog entry's name and key figures in one short line, shared by `headroom catalog`,
 * the tables of docs/catalog.md and the options of the setup editor's search:
 * "124 dB/V, 16 Ω", "0.45 Ω out, 2.1 Vrms", "+6 dB, 0.6 Ω out, 11.2 Vrms, 10 kΩ in".
 */
import type { Headphone } from '../setup.ts';
import type { SearchEntry } from './search.ts';

const short = (value: number): string => String(Number(value.toPrecision(4)));

/** 0.45 → "0.45 Ω", 10000 → "10 kΩ". */
export function ohmsText(ohms: number): string {
  return ohms >= 1000 ? `${short(ohms / 1000)} kΩ` : `${short(ohms)} Ω`;
}

/** What the entry is called: the part's name (a splitter has none, so its kind). */
export function entryName(entry: SearchEntry): string {
  return 'name' in entry.part ? entry.part.name : 'Passive Y splitter';
}

/** Nominal |Z|, or how the impedance is given when it is a network or a measured curve. */
export function headphoneImpedanceText(headphone: Headphone): string {
  const z = headphone.impedance;
  if (z.curve) return `measured |Z| curve (${z.curve.length} points)`;
  if (z.network) return `${ohmsText(z.network.reOhms)} voice coil${z.network.motional ? ' + resonance' : ''}`;
  return z.nominalOhms != null ? ohmsText(z.nominalOhms) : '';
}

export function keyFigures(entry: SearchEntry): string {
  const part = entry.part;
  if ('sensitivity' in part) return `${short(part.sensitivity.value)} ${part.sensitivity.unit}, ${headphoneImpedanceText(part)}`;
  if ('gainDb' in part) {
    const gain = part.gainDb > 0 ? `+${short(part.gainDb)}` : part.gainDb < 0 ? `−${short(-part.gainDb)}` : '0';
    return [`${gain} dB`, `${ohmsText(part.outputImpedanceOhms)} out`, `${short(part.maxOutputVrms)} Vrms`, ...(part.maxOutputCurrentMa != null ? [`${short(part.maxOutputCurrentMa)} mA`] : []), `${ohmsText(part.inputImpedanceOhms)} in`].join(', ');
  }
  if ('outputImpedanceOhms' in part) {
    return [`${ohmsText(part.outputImpedanceOhms)} out`, `${short(part.maxOutputVrms)} Vrms`, ...(part.maxOutputCurrentMa != null ? [`${short(part.maxOutputCurrentMa)} mA`] : []), ...(part.couplingCapacitorUf != null ? [`${short(part.couplingCapacitorUf)} µF`] : [])].join(', ');
  }
  return `${ohmsText(part.cableResistanceOhms)} per branch`;
}
