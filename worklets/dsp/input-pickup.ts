/**
 * The pickup's analog transfer function (a second-order low-pass from the model) as
 * digital sections by the bilinear transform, at an oversampled network rate, pre-warped
 * where it errs least. A resonant low-pass falls at up to −40 dB/decade above its peak, so
 * the bilinear transform's frequency warping shows as a level error at every frequency,
 * not only near Nyquist: at 4 × 48 kHz pre-warped at 20 kHz a Strat on a 10 m cable errs by
 * 0.88 dB at 10 kHz. The design therefore searches the pre-warp frequency (1.05 steps from
 * 1 kHz to 0.45 × the base rate, then a finer pass) for the smallest worst-case level error
 * over 20 Hz … min(20 kHz, 0.45 × base rate), at 61 log-spaced points: 0.04–0.09 dB at
 * 8× for hi-Z, line and mic inputs with 0.5–10 m of cable (tests/processors/input-processors).
 *
 * Design-time code: allocates; call it when a plan arrives, never in `process()`.
 */
import { bilinearFromPolynomials, type BiquadSections } from './analog-to-digital.ts';
import { analogResponse, magnitudeDb, sectionsResponse } from './frequency-response.ts';

export interface PickupDesign {
  readonly sections: BiquadSections;
  readonly prewarpHz: number;
  /** Worst level error against the analog response over the checked band, dB. */
  readonly worstErrorDb: number;
}

export function pickupSections(numerator: readonly number[], denominator: readonly number[], networkRateHz: number, baseRateHz: number): PickupDesign {
  const top = Math.min(20_000, 0.45 * baseRateHz);
  const points = 61;
  const hz = Array.from({ length: points }, (_, k) => 20 * (top / 20) ** (k / (points - 1)));
  const target = hz.map((f) => magnitudeDb(analogResponse(numerator, denominator, f)));
  const design = (prewarpHz: number): PickupDesign => {
    const sections = bilinearFromPolynomials(numerator, denominator, { sampleRateHz: networkRateHz, prewarpHz });
    let worst = 0;
    for (let k = 0; k < points; k++) worst = Math.max(worst, Math.abs(magnitudeDb(sectionsResponse(sections, hz[k]!, networkRateHz)) - target[k]!));
    return { sections, prewarpHz, worstErrorDb: worst };
  };
  let best = design(1000);
  const limit = 0.45 * baseRateHz;
  for (let f = 1000 * 1.05; f <= limit; f *= 1.05) {
    const candidate = design(f);
    if (candidate.worstErrorDb < best.worstErrorDb) best = candidate;
  }
  const centre = best.prewarpHz;
  for (let k = -10; k <= 10; k++) {
    const f = centre * 1.05 ** (k / 10);
    if (f >= limit) continue;
    const candidate = design(f);
    if (candidate.worstErrorDb < best.worstErrorDb) best = candidate;
  }
  return best;
}
