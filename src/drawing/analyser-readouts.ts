/**
 * The analysers' live status lines in words: the scope's trigger and peak, the spectrum's
 * strongest peak and, for a tone, its strongest harmonics.
 */
import { formatHz, number } from '../text/format.ts';

/** "Triggered · peak −6.0 dBFS": whether the scope found its trigger, and the frame's peak (full scale 1). */
export function scopeStatus(triggered: boolean, peak: number): string {
  return `${triggered ? 'Triggered' : 'Free running'} · peak ${number(peak > 0 ? 20 * Math.log10(peak) : -Infinity, 1)} dBFS`;
}

/** A frequency as the analysers write it: whole hertz under 1 kHz, with a plain space before the unit. */
export function analyserHz(hz: number): string {
  return formatHz(hz < 1000 ? Math.round(hz) : hz).replace('\u202f', ' ');
}

/** "Peak 1 kHz · H3 −10 dBc, H5 −14 dBc": the three strongest significant harmonics, in their order. */
export function spectrumStatus(peak: { hz: number }, harmonics: readonly { n: number; db: number; dbc: number; significant: boolean }[]): string {
  const strong = harmonics
    .filter((h) => h.significant)
    .sort((a, b) => b.db - a.db)
    .slice(0, 3)
    .sort((a, b) => a.n - b.n)
    .map((h) => `H${h.n} ${number(h.dbc, 0)} dBc`);
  return `Peak ${analyserHz(peak.hz)}${strong.length ? ` · ${strong.join(', ')}` : ''}`;
}
