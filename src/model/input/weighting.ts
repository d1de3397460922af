/**
 * A-weighting (IEC 61672-1) and the share of a converter's white quantization noise that a
 * noise measurement sees: white noise fills 0 … fs/2; an unweighted 20 Hz–20 kHz measurement
 * sees the part in that band, an A-weighted one that part weighted by |A(f)|².
 */
import { aWeightedBandwidthHz } from '../a-weighting.ts';

export { aWeightingGain } from '../a-weighting.ts';

export type NoiseMeasurement = 'A-weighted' | '20Hz-20kHz';

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
  return 10 * Math.log10(aWeightedBandwidthHz(BAND_LOW_HZ, high) / nyquist);
}
