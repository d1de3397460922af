/**
 * Exact frequency responses, for checking designs against the analog model (tests,
 * plan validation). Design-time code; returns plain objects.
 *
 *   analog:  H(jω) = Σ nᵢ (jω)^i / Σ dᵢ (jω)^i
 *   digital: H(e^{jθ}) = Π (b0 + b1 e^{−jθ} + b2 e^{−2jθ}) / (1 + a1 e^{−jθ} + a2 e^{−2jθ}),
 *            θ = 2π f / fs
 */
import { complexDivide, type Complex } from '../../src/math/complex.ts';
import { rationalAtHz } from '../../src/math/rational.ts';
import type { BiquadSections } from './analog-to-digital.ts';

/** Analog H(j2πf) of N(s)/D(s), coefficients in ascending powers of s (src/math/rational.ts). */
export const analogResponse = rationalAtHz;

/** Digital response of a section cascade at `hz` for sample rate `sampleRateHz`. */
export function sectionsResponse(sections: BiquadSections, hz: number, sampleRateHz: number): Complex {
  const theta = (2 * Math.PI * hz) / sampleRateHz;
  const c1 = Math.cos(theta);
  const s1 = -Math.sin(theta);
  const c2 = Math.cos(2 * theta);
  const s2 = -Math.sin(2 * theta);
  let re = 1;
  let im = 0;
  const k = sections.coefficients;
  for (let s = 0; s < sections.count; s++) {
    const b0 = k[5 * s]!;
    const b1 = k[5 * s + 1]!;
    const b2 = k[5 * s + 2]!;
    const a1 = k[5 * s + 3]!;
    const a2 = k[5 * s + 4]!;
    const nr = b0 + b1 * c1 + b2 * c2;
    const ni = b1 * s1 + b2 * s2;
    const dr = 1 + a1 * c1 + a2 * c2;
    const di = a1 * s1 + a2 * s2;
    const [hr, hi] = complexDivide(nr, ni, dr, di);
    const nextRe = re * hr - im * hi;
    im = re * hi + im * hr;
    re = nextRe;
  }
  return { re, im };
}

export function magnitudeDb(value: Complex): number {
  return 10 * Math.log10(value.re * value.re + value.im * value.im);
}
