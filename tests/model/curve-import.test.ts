/**
 * Curve import (src/model/curve-import.ts): the text exports of REW, ARTA/LIMP and DATS and plain
 * files (tests/fixtures/curves/, README there), and the minimum phase computed from |Z| alone.
 * The fixtures are exact impedances of known circuits (tests/support/hard-curves.ts), so a parsed
 * curve is checked against a closed form.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { abs, complex, div, type Complex } from '../../src/model/complex.ts';
import { CurveImportError, MAX_POINTS, parseImpedanceCurve } from '../../src/model/curve-import.ts';
import { fitCurve, fittedImpedanceAt, FIT_LIMIT_DB } from '../../src/model/curve-fit.ts';
import { kernelIntegral, minimumPhaseDeg } from '../../src/model/minimum-phase.ts';
import { parseSetup } from '../../src/model/setup.ts';
import { dynamicPeak, planarMagnetic, sampleCurve, threeWayBalancedArmature } from '../support/hard-curves.ts';
import { db, setup } from '../support/setups.ts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/curves/${name}`, import.meta.url), 'utf8');
const argDeg = (z: Complex): number => (Math.atan2(z.im, z.re) * 180) / Math.PI;

describe('reading measurement programs’ exports', () => {
  it.each([
    ['rew-three-way-iem.txt', 'rew', threeWayBalancedArmature, 270],
    ['limp-dynamic.txt', 'arta-limp', dynamicPeak, 134],
    ['dats-planar.zma', 'dats', planarMagnetic, 67],
    ['decimal-comma.csv', 'plain', planarMagnetic, 67],
  ] as const)('%s: format %s, every row, |Z| and phase as printed (the circuit’s to the rounding)', (file, format, circuit, rows) => {
    const imported = parseImpedanceCurve(fixture(file), file);
    expect(imported.format).toBe(format);
    expect(imported.phase).toBe('measured');
    expect(imported.notes).toEqual([]);
    expect(imported.curve).toHaveLength(rows);
    for (const [hz, ohms, degrees] of imported.curve) {
      const z = circuit(hz);
      // Printed with 3–4 decimals of Ω and 2–3 of degrees, at frequencies rounded to 0.001–0.01 Hz.
      expect(Math.abs(ohms / abs(z) - 1)).toBeLessThan(2e-4);
      expect(Math.abs(degrees - argDeg(z))).toBeLessThan(0.02);
    }
    expect(() => parseSetup({ ...setup(), headphones: [{ name: 'x', sensitivity: { value: 100, unit: 'dB/V' }, impedance: { curve: imported.curve } }] })).not.toThrow();
    expect(parseSetup({ ...setup(), headphones: [{ name: 'x', sensitivity: { value: 100, unit: 'dB/V' }, impedance: { curve: imported.curve } }] }).ok).toBe(true);
  });

  it('a file without phase gets the minimum phase of |Z|, says so, and is the circuit’s phase within 0.1° (a dynamic headphone)', () => {
    const imported = parseImpedanceCurve(fixture('magnitude-only.csv'), 'magnitude-only.csv');
    expect(imported.phase).toBe('minimum-phase');
    expect(imported.notes).toEqual([expect.stringMatching(/^the file has no phase: the phase is the minimum phase of \|Z\|/)]);
    for (const [hz, , degrees] of imported.curve) {
      if (hz < 20 || hz > 20_000) continue;
      expect(Math.abs(degrees - argDeg(dynamicPeak(hz))), `${hz} Hz`).toBeLessThan(0.1);
    }
  });

  it('the minimum-phase curve, fitted, is heard as the circuit: behind 0–75 Ω and 10 kΩ within the fit limit', () => {
    const imported = parseImpedanceCurve(fixture('magnitude-only.csv'));
    const fit = fitCurve(imported.curve);
    for (const sourceOhms of [0, 1, 10, 75, 10_000]) {
      const level = (z: Complex) => db(abs(div(z, complex(z.re + sourceOhms, z.im))));
      const at1k = level(fittedImpedanceAt(fit.model, 1000)) - level(dynamicPeak(1000));
      for (let k = 0; k <= 300; k++) {
        const hz = 20 * 10 ** (k / 100);
        expect(Math.abs(level(fittedImpedanceAt(fit.model, hz)) - level(dynamicPeak(hz)) - at1k)).toBeLessThan(FIT_LIMIT_DB);
      }
    }
  });
});

describe('bad curve files get errors that name the line and the allowed range', () => {
  it.each([
    ['20, 32, 1\n10, 31, 1\n', 'line 2: frequency must be > 20 Hz, the previous row\'s (got 10); rows go in rising frequency'],
    ['* header\n20, 32, 1\n30, -3, 1\n', 'line 3: |Z| must be > 0 Ω and ≤ 1000000 Ω (got -3)'],
    ['20\t32\t1\n30\t31\t95\n', 'line 2: phase must be > −90° and < +90° (got 95); a headphone is neither a pure inductor nor a pure capacitor'],
    ['Freq Mag\n20 32\n30 31\nend of data\n', 'line 4: expected numbers "frequency (Hz), |Z| (Ω)[, phase (°)]", got "end of data"'],
    ['20, 32, 1, 4\n', 'line 1: expected 2 or 3 numbers (frequency in Hz, |Z| in Ω, optionally phase in degrees), got 4'],
    ['20, 32, 1\n30, 31\n', 'line 2: has 2 numbers but line 1 has 3; every row needs the same columns'],
    ['* only comments\n', 'no rows of numbers found: expected lines of "frequency (Hz), |Z| (Ω)[, phase (°)]"'],
    ['0.5, 32, 1\n200000, 31, 1\n', 'only 0 rows between 1 Hz and 100 kHz; a curve needs at least 2'],
  ])('%j', (text, message) => {
    expect(() => parseImpedanceCurve(text)).toThrow(CurveImportError);
    expect(() => parseImpedanceCurve(text)).toThrow(message);
  });

  it('rows below 1 Hz or above 100 kHz (an FFT export’s 0 Hz bin) are left out, and the result says which', () => {
    const imported = parseImpedanceCurve('0, 31, 0\n10, 32, 1\n20, 32, 1\n150000, 40, 20\n');
    expect(imported.curve).toEqual([[10, 32, 1], [20, 32, 1]]);
    expect(imported.notes).toEqual(['left out 2 rows outside 1 Hz–100 kHz (lines 1, 4)']);
  });

  it(`more than ${MAX_POINTS} rows (a linear FFT export) are thinned evenly in log frequency, keeping both ends, and it says so`, () => {
    const rows = Array.from({ length: 24_000 }, (_, k) => `${k + 1}, ${32 + k / 24_000}, 0`).join('\n');
    const imported = parseImpedanceCurve(rows);
    expect(imported.curve.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(imported.curve[0]![0]).toBe(1);
    expect(imported.curve[imported.curve.length - 1]![0]).toBe(24_000);
    expect(imported.notes).toEqual([`thinned 24000 rows to ${imported.curve.length}, evenly in log frequency (a setup holds at most ${MAX_POINTS} points)`]);
  });
});

describe('the minimum phase from |Z| (Bode’s gain–phase relation)', () => {
  it('the kernel integrates to π²/4 on each side, and its closed forms join at 0.5', () => {
    expect(kernelIntegral(50)).toBeCloseTo((Math.PI * Math.PI) / 4, 12);
    // Both branches at the join: the small-a series and the complement series agree to 1e-9.
    const below = 0.5 * Math.log(2 / 0.5) + 0.5 + 0.5 ** 3 / 36 - (7 * 0.5 ** 5) / 7200;
    expect(Math.abs(kernelIntegral(0.5) - below)).toBeLessThan(1e-6);
  });

  it('an RL impedance (R + jωL) gets its own phase, atan(ωL/R), within 0.05° (the 1/24-octave samples and the 1/48-octave grid)', () => {
    const curve = sampleCurve((hz) => complex(8, 2 * Math.PI * hz * 1e-3), 24, 10, 24_000);
    const phase = minimumPhaseDeg(curve.map((p) => p[0]), curve.map((p) => p[1]));
    curve.forEach(([hz, , exact], i) => expect(Math.abs(phase[i]! - exact), `${hz} Hz`).toBeLessThan(0.05));
  });

  it('the planar and the dynamic fixtures: within 0.1° from 20 Hz to 20 kHz; the three-way in-ear within 3°', () => {
    for (const [circuit, bar] of [[planarMagnetic, 0.1], [dynamicPeak, 0.1], [threeWayBalancedArmature, 3]] as const) {
      const curve = sampleCurve(circuit);
      const phase = minimumPhaseDeg(curve.map((p) => p[0]), curve.map((p) => p[1]));
      curve.forEach(([hz, , exact], i) => {
        if (hz >= 20 && hz <= 20_000) expect(Math.abs(phase[i]! - exact), `${hz} Hz`).toBeLessThan(bar);
      });
    }
  });
});
