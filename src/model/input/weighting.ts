/**
 * A-weighting (IEC 61672-1) and the share of a converter's white quantization noise that a
 * noise measurement sees: white noise fills 0 … fs/2; an unweighted 20 Hz–20 kHz measurement
 * sees the part in that band, an A-weighted one that part weighted by |A(f)|².
 */

export type NoiseMeasurement = 'A-weighted' | '20Hz-20kHz';

/** |A(f)| as a gain (1 at 1 kHz, within 1e-4 dB), IEC 61672-1 Annex E. */
export function aWeightingGain(hz: number): number {
  const f2 = hz * hz;
  const ra = (12194 ** 2 * f2 * f2) / ((f2 + 20.6 ** 2) * Math.sqrt((f2 + 107.7 ** 2) * (f2 + 737.9 ** 2)) * (f2 + 12194 ** 2));
  return ra * 10 ** (2.0 / 20);
}

const BAND_LOW_HZ = 20;
const BAND_HIGH_HZ = 20_000;

/**
 * Power of white noise (flat from 0 to fs/2) as the measurement sees it, relative to its total
 * power, in dB (≤ 0): 10·log10(∫ w(f)² df over 20 Hz … min(20 kHz, fs/2) ÷ (fs/2)).
 */
export function whiteNoiseBandDb(measurement: NoiseMeasurement, sampleRateHz: number): number {
  const nyquist = sampleRateHz / 2;
  const high = Math.min(BAND_HIGH_HZ, nyquist);
  if (measurement === '20Hz-20kHz') return 10 * Math.log10((high - BAND_LOW_HZ) / nyquist);
  // Simpson's rule on 20 000 panels: |A|² is smooth, error far below 1e-6 dB.
  const panels = 20_000;
  const step = (high - BAND_LOW_HZ) / panels;
  let sum = 0;
  for (let k = 0; k <= panels; k++) {
    const weight = k === 0 || k === panels ? 1 : k % 2 === 1 ? 4 : 2;
    sum += weight * aWeightingGain(BAND_LOW_HZ + k * step) ** 2;
  }
  return 10 * Math.log10((sum * step) / 3 / nyquist);
}
