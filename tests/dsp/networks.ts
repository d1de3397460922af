/**
 * The analog networks of the design's hard cases (docs/dsp.md §1) as H(s) = Z_hp / (Z_s + Z_hp),
 * polynomials in ascending powers of s, built from the circuit (not from the model
 * code, so the kernels are checked against an independent statement of the physics).
 *
 *   in-ear:   Z_hp = Re + s·Le
 *   dynamic:  Z_hp = Re + s·Le + Z_m,  Z_m = R‖sL‖(1/sC) = s·L·R / (R + s·L + s²·L·C·R)
 */
export interface Network {
  readonly name: string;
  readonly numerator: number[];
  readonly denominator: number[];
}

const multiply = (a: readonly number[], b: readonly number[]): number[] => {
  const out = new Array<number>(a.length + b.length - 1).fill(0);
  a.forEach((x, i) => b.forEach((y, j) => { out[i + j]! += x * y; }));
  return out;
};
const add = (a: readonly number[], b: readonly number[]): number[] =>
  Array.from({ length: Math.max(a.length, b.length) }, (_, i) => (a[i] ?? 0) + (b[i] ?? 0));

export function inEar(reOhms: number, leMh: number, sourceOhms: number): Network {
  const le = leMh * 1e-3;
  return { name: `in-ear Re ${reOhms} Ω + Le ${leMh} mH on ${sourceOhms} Ω`, numerator: [reOhms, le], denominator: [reOhms + sourceOhms, le] };
}

export function dynamic(reOhms: number, leMh: number, rmOhms: number, lmH: number, cmUf: number, sourceOhms: number): Network {
  const le = leMh * 1e-3;
  const cm = cmUf * 1e-6;
  const motionalDenominator = [rmOhms, lmH, lmH * cm * rmOhms];
  const motionalNumerator = [0, lmH * rmOhms];
  const numerator = add(multiply([reOhms, le], motionalDenominator), motionalNumerator);
  const denominator = add(multiply([reOhms + sourceOhms, le], motionalDenominator), motionalNumerator);
  return { name: `dynamic Re ${reOhms} Ω, Le ${leMh} mH, Rm ${rmOhms} Ω ‖ Lm ${lmH} H ‖ Cm ${cmUf} µF on ${sourceOhms} Ω`, numerator, denominator };
}

/** The hard cases: a 0.05 mH in-ear on 10 and 120 Ω, and the design's dynamic driver on 75 Ω. */
export const HARD_CASES: readonly Network[] = [
  inEar(16, 0.05, 10),
  inEar(16, 0.05, 120),
  inEar(16, 0.03, 120),
  dynamic(254, 0.9, 296, 1.73, 3.7, 75),
];

/** 301 log-spaced frequencies from 20 Hz to 20 kHz, like the report's response grid. */
export const AUDIO_BAND_HZ: readonly number[] = Array.from({ length: 301 }, (_, i) => 20 * Math.pow(1000, i / 300));
