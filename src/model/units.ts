/** Conversions between linear quantities and decibels, named by what they convert. */

/** 20·log10(ratio): a voltage (or current) ratio in dB. */
export const voltageRatioToDb = (ratio: number): number => 20 * Math.log10(ratio);
/** 10^(dB/20): a level change in dB as a voltage ratio. */
export const dbToVoltageRatio = (db: number): number => 10 ** (db / 20);
/** 10·log10(ratio): a power ratio in dB. */
export const powerRatioToDb = (ratio: number): number => 10 * Math.log10(ratio);

/** The peak of a sine from its RMS value. */
export const SQRT2 = Math.SQRT2;

/** The 301 report frequencies: 20·10^(k/100) Hz for k = 0..300, i.e. 100 points a decade from 20 Hz to 20 kHz. */
export const RESPONSE_POINTS = 301;
export function responseFrequenciesHz(): number[] {
  return Array.from({ length: RESPONSE_POINTS }, (_, k) => 20 * 10 ** (k / 100));
}

/** Frequency at which sensitivity, power and clipping are stated. */
export const REFERENCE_HZ = 1000;
