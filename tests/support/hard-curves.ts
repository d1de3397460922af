/**
 * Measured-curve fixtures that are hard to fit, made from known circuits so that a test can
 * compare a fit with the exact impedance (a closed form), not just with the sampled curve:
 *
 *  - a three-driver balanced-armature in-ear: three BA drivers (Re + s·Le + a motional R‖L‖C
 *    each: resonances at 1.2, 3.5 and 9 kHz with Q 4, 6 and 8), the mid driver behind a 4.7 µF
 *    crossover capacitor, the tweeter behind 1 µF and 10 Ω, all in parallel. |Z| swings from
 *    10 Ω to 30.5 Ω with three sharp features and phase from −31° to +44°;
 *  - a planar's nearly flat curve: 32 Ω + 5 µH, and a 0.4 Ω, Q 2 ripple at 50 Hz (32.0–32.4 Ω);
 *  - a dynamic's 100 Hz peak: 300 Ω, 0.3 mH and a 180 Ω, Q 1.5 resonance at 100 Hz (480 Ω).
 *
 * Sampled as REW exports them: 1/24 octave from 10 Hz to 24 kHz (270 points), magnitude and phase.
 */
import { add, complex, inv, type Complex } from '../../src/model/complex.ts';

const TWO_PI = 2 * Math.PI;

/** A parallel R‖L‖C resonance: peak R at f0, quality factor q = R·√(C/L). */
function resonance(ohms: number, f0: number, q: number, hz: number): Complex {
  const w0 = TWO_PI * f0;
  const l = ohms / (q * w0);
  const c = q / (ohms * w0);
  const w = TWO_PI * hz;
  return inv(complex(1 / ohms, w * c - 1 / (w * l)));
}

const coil = (ohms: number, henry: number, hz: number): Complex => complex(ohms, TWO_PI * hz * henry);
const capacitor = (uF: number, hz: number): Complex => complex(0, -1 / (TWO_PI * hz * uF * 1e-6));
const parallel = (a: Complex, b: Complex): Complex => inv(add(inv(a), inv(b)));

export function threeWayBalancedArmature(hz: number): Complex {
  const woofer = add(coil(10, 2e-3, hz), resonance(40, 1200, 4, hz));
  const mid = add(add(coil(20, 0.5e-3, hz), resonance(60, 3500, 6, hz)), capacitor(4.7, hz));
  const tweeter = add(add(add(coil(30, 0.1e-3, hz), resonance(80, 9000, 8, hz)), capacitor(1, hz)), complex(10));
  return parallel(parallel(woofer, mid), tweeter);
}

export function planarMagnetic(hz: number): Complex {
  return add(coil(32, 5e-6, hz), resonance(0.4, 50, 2, hz));
}

export function dynamicPeak(hz: number): Complex {
  return add(coil(300, 0.3e-3, hz), resonance(180, 100, 1.5, hz));
}

export type CurvePoint = [hz: number, ohms: number, degrees: number];

/** `impedance` sampled at `perOctave` points per octave from `lowHz` to `highHz`. */
export function sampleCurve(impedance: (hz: number) => Complex, perOctave = 24, lowHz = 10, highHz = 24_000): CurvePoint[] {
  const steps = Math.round(Math.log2(highHz / lowHz) * perOctave);
  return Array.from({ length: steps + 1 }, (_, k) => {
    const hz = lowHz * (highHz / lowHz) ** (k / steps);
    const z = impedance(hz);
    return [hz, Math.hypot(z.re, z.im), (Math.atan2(z.im, z.re) * 180) / Math.PI];
  });
}

export const HARD_CURVES: readonly { name: string; impedance: (hz: number) => Complex }[] = [
  { name: 'a three-driver balanced-armature in-ear with a crossover', impedance: threeWayBalancedArmature },
  { name: 'a planar’s nearly flat curve', impedance: planarMagnetic },
  { name: 'a dynamic’s 100 Hz peak', impedance: dynamicPeak },
];
