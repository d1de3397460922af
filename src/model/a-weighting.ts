/**
 * A-weighting (IEC 61672-1:2013, Annex E) and its integral over a band: what an A-weighted
 * measurement of white noise sees. Used by the output side's hiss (noise.ts) and the input
 * side's converter noise (input/weighting.ts).
 *
 *   R_A(f) = 12194²·f⁴ / ((f² + 20.6²)·√((f² + 107.7²)(f² + 737.9²))·(f² + 12194²)),
 *   A(f) = 20·log10 R_A(f) + 2.00 dB
 */

/** |A(f)| as a gain (1 at 1 kHz, within 1e-4 dB). */
export function aWeightingGain(hz: number): number {
  const f2 = hz * hz;
  const ra = (12194 ** 2 * f2 * f2) / ((f2 + 20.6 ** 2) * Math.sqrt((f2 + 107.7 ** 2) * (f2 + 737.9 ** 2)) * (f2 + 12194 ** 2));
  return ra * 10 ** (2.0 / 20);
}

/**
 * ∫ |A(f)|² df from `lowHz` to `highHz`, in Hz: the bandwidth white noise of unit density has
 * after A-weighting. Simpson's rule on 20 000 panels: |A|² is smooth, so the error is far
 * below 1e-6 dB (tests/model/a-weighting.test.ts checks it against a closed form).
 */
export function aWeightedBandwidthHz(lowHz: number, highHz: number): number {
  const panels = 20_000;
  const step = (highHz - lowHz) / panels;
  let sum = 0;
  for (let k = 0; k <= panels; k++) {
    const weight = k === 0 || k === panels ? 1 : k % 2 === 1 ? 4 : 2;
    sum += weight * aWeightingGain(lowHz + k * step) ** 2;
  }
  return (sum * step) / 3;
}
