/**
 * A listener network no base-rate design reaches within the 0.02 dB tolerance, so the
 * splitter runs it in its 4× lane (worklets/processors/networks.ts): a second-order notch
 * at 17 kHz (zeros Q 5, poles Q 0.7). No catalog part needs 4× any more (the 1× magnitude
 * fit covers them all); tests that must exercise the oversampled linear lanes use this.
 * H(s) = (s² + ω₀s/5 + ω₀²)/(s² + ω₀s/0.7 + ω₀²), ascending powers of s.
 */
const OMEGA = 2 * Math.PI * 17_000;

export const FOUR_TIMES_NETWORK = {
  numerator: [OMEGA * OMEGA, OMEGA / 5, 1],
  denominator: [OMEGA * OMEGA, OMEGA / 0.7, 1],
} as const;
