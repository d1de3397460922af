/**
 * The threshold of hearing in quiet and the ear's critical bands: what decides whether a
 * steady hiss can be heard in a quiet room (noise.ts, docs/model.md "Hiss").
 *
 * Threshold: ISO 226:2003, Table 1, column T_f (binaural free-field listening, otologically
 * normal 18–25-year-olds), 20 Hz–12.5 kHz; above that ISO 389-7:2005 (14 kHz 18.4 dB, 16 kHz
 * 40.2 dB) and its Amendment 1:2016 (18 kHz 73.2 dB). Between table frequencies the threshold
 * is interpolated linearly in dB over log f; beyond the ends it is held.
 *
 * Critical bandwidth: E. Zwicker & E. Terhardt, "Analytical expressions for critical-band rate
 * and critical bandwidth as a function of frequency", J. Acoust. Soc. Am. 68(5), 1980:
 *   Δf = 25 + 75·(1 + 1.4·(f/kHz)²)^0.69 Hz
 * (100 Hz at low frequencies, 162 Hz at 1 kHz, 2.5 kHz at 10 kHz).
 */

const TABLE_HZ = [
  20, 25, 31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500, 630, 800, 1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10_000, 12_500,
  14_000, 16_000, 18_000,
];
const TABLE_DB_SPL = [
  78.5, 68.7, 59.5, 51.1, 44.0, 37.5, 31.5, 26.5, 22.1, 17.9, 14.4, 11.4, 8.6, 6.2, 4.4, 3.0, 2.2, 2.4, 3.5, 1.7, -1.3, -4.2, -6.0, -5.4, -1.5, 6.0, 12.6, 13.9, 12.3,
  18.4, 40.2, 73.2,
];

/** The threshold of hearing in quiet at `hz`, dB SPL. */
export function hearingThresholdDbSpl(hz: number): number {
  if (hz <= TABLE_HZ[0]!) return TABLE_DB_SPL[0]!;
  const last = TABLE_HZ.length - 1;
  if (hz >= TABLE_HZ[last]!) return TABLE_DB_SPL[last]!;
  let i = 0;
  while (TABLE_HZ[i + 1]! < hz) i++;
  const t = Math.log(hz / TABLE_HZ[i]!) / Math.log(TABLE_HZ[i + 1]! / TABLE_HZ[i]!);
  return TABLE_DB_SPL[i]! + t * (TABLE_DB_SPL[i + 1]! - TABLE_DB_SPL[i]!);
}

/** The critical bandwidth around `hz`, Hz. */
export function criticalBandwidthHz(hz: number): number {
  const khz = hz / 1000;
  return 25 + 75 * (1 + 1.4 * khz * khz) ** 0.69;
}
