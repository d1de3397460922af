import { describe, expect, it } from 'vitest';
import { abs, argDeg } from '../../src/model/complex.ts';
import { curveImpedanceAt, headphoneImpedanceAt, networkImpedanceAt, stageOutputImpedanceAt } from '../../src/model/impedance.ts';

// Exact arithmetic on closed forms: differences are rounding only (double precision),
// so 1e-9 relative is a generous bound.
const EXACT = 9;

describe('headphone impedance', () => {
  const network = { reOhms: 254, leMh: 0, motional: { rOhms: 296, lMh: 1730, cUf: 3.7 } };
  const resonanceHz = 1 / (2 * Math.PI * Math.sqrt(1.73 * 3.7e-6));

  it('a driver network peaks at Re + Rm, purely resistive, at f0 = 1/(2π√(LC))', () => {
    const z = networkImpedanceAt(network, resonanceHz);
    expect(z.re).toBeCloseTo(254 + 296, EXACT);
    expect(z.im).toBeCloseTo(0, EXACT);
  });

  it('a driver network falls back to Re far from resonance when Le = 0', () => {
    expect(abs(networkImpedanceAt(network, 1e6))).toBeCloseTo(254, 2);
    expect(abs(networkImpedanceAt(network, 0.001))).toBeCloseTo(254, 2);
  });

  it('voice-coil inductance adds jωLe: a 0.05 mH in-ear at 20 kHz adds 6.28 Ω of reactance', () => {
    const z = networkImpedanceAt({ reOhms: 16, leMh: 0.05 }, 20_000);
    expect(z.re).toBeCloseTo(16, EXACT);
    expect(z.im).toBeCloseTo(2 * Math.PI * 20_000 * 0.05e-3, EXACT);
  });

  it('a measured curve is exact at its points, log-interpolated between, and held beyond its ends', () => {
    const curve: [number, number, number][] = [[100, 400, 20], [1000, 100, -10]];
    expect(abs(curveImpedanceAt(curve, 100))).toBeCloseTo(400, EXACT);
    expect(argDeg(curveImpedanceAt(curve, 1000))).toBeCloseTo(-10, EXACT);
    // Halfway in log f (316.2 Hz): geometric mean of the magnitudes, mean of the phases.
    const mid = curveImpedanceAt(curve, Math.sqrt(100 * 1000));
    expect(abs(mid)).toBeCloseTo(200, EXACT);
    expect(argDeg(mid)).toBeCloseTo(5, EXACT);
    expect(abs(curveImpedanceAt(curve, 20))).toBeCloseTo(400, EXACT);
    expect(abs(curveImpedanceAt(curve, 20_000))).toBeCloseTo(100, EXACT);
  });

  it('network takes precedence over curve, and curve over nominal', () => {
    const all = { nominalOhms: 32, curve: [[20, 50, 0], [20_000, 50, 0]] as [number, number, number][], network: { reOhms: 70, leMh: 0 } };
    expect(abs(headphoneImpedanceAt(all, 1000))).toBeCloseTo(70, EXACT);
    expect(abs(headphoneImpedanceAt({ ...all, network: null }, 1000))).toBeCloseTo(50, EXACT);
    expect(abs(headphoneImpedanceAt({ nominalOhms: 32 }, 1000))).toBeCloseTo(32, EXACT);
  });
});

describe('stage output impedance', () => {
  it('a coupling capacitor adds −j/(ωC): 220 µF is 0.723 Ω at 1 kHz and 36.2 Ω at 20 Hz', () => {
    expect(stageOutputImpedanceAt(1, 220, 1000).im).toBeCloseTo(-1 / (2 * Math.PI * 1000 * 220e-6), EXACT);
    expect(stageOutputImpedanceAt(1, 220, 20).im).toBeCloseTo(-36.1716, 4);
    expect(stageOutputImpedanceAt(1, 220, 20).re).toBe(1);
  });

  it('without a coupling capacitor the output impedance is a plain resistance', () => {
    expect(stageOutputImpedanceAt(2, null, 20)).toEqual({ re: 2, im: 0 });
  });
});
