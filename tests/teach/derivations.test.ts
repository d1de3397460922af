/**
 * The derivation steps arrive at the report's own figures: each step that names a report
 * field must equal that field to 1e-9 (the steps compute from the formula they show, the
 * report from the solver), for every preset and every listener; and the intermediate steps
 * follow the closed forms of the divider, written out here.
 */
import { describe, expect, it } from 'vitest';
import { presets } from '../../src/model/catalog/presets.ts';
import { buildReport } from '../../src/model/report.ts';
import type { Setup } from '../../src/model/setup.ts';
import { agreesWithReport, derivationSteps, formatNumber, markupParts, plainText, unitText, type DerivationStep } from '../../src/teach/derivations.ts';
import { amp, resistiveHeadphone, setup, source } from '../support/setups.ts';

const TOLERANCE = 1e-9;
const step = (steps: DerivationStep[], id: string): DerivationStep => {
  const found = steps.find((s) => s.id === id);
  expect(found, `step ${id}`).toBeDefined();
  return found!;
};

describe('derivation steps', () => {
  it('arrive at every report figure of every preset and listener to 1e-9', () => {
    let checked = 0;
    for (const preset of presets) {
      const report = buildReport(preset.setup);
      preset.setup.headphones.forEach((_, i) => {
        const steps = derivationSteps(preset.setup, i, report);
        const figures = report.headphones[i]!;
        const fields = new Set(steps.map((s) => s.reportField).filter(Boolean));
        expect(fields, `${preset.id} listener ${i + 1}`).toEqual(new Set(['loadVoltageVrms', 'powerMw', 'splDb', 'levelChangeDb', 'maxCleanSplDb', 'headroomDb']));
        for (const s of steps) {
          if (!s.reportField) continue;
          const expected = s.reportField === 'headroomDb' ? figures.maxCleanSplDb - figures.splDb : figures[s.reportField];
          expect(Math.abs(s.result - expected), `${preset.id} #${i + 1} ${s.id}`).toBeLessThan(TOLERANCE);
          expect(s.reportValue).toBe(expected);
          checked++;
        }
      });
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('follow the voltage divider and the parallel load for two 32 Ω listeners on a 10 Ω source with 0.2 Ω cables', () => {
    // EMF 1 V at 0 dBFS; load (32.2 ∥ 32.2) = 16.1 Ω; V_out = 16.1/26.1; V = V_out · 32/32.2.
    const chain = setup({
      source: source({ outputImpedanceOhms: 10 }),
      splitter: { cableResistanceOhms: 0.2 },
      headphones: [resistiveHeadphone(32, 'Left', 100), resistiveHeadphone(32, 'Right', 100)],
    });
    const steps = derivationSteps(chain, 1);
    expect(step(steps, 'source-emf').result).toBeCloseTo(1, 12);
    expect(step(steps, 'parallel').result).toBeCloseTo(16.1, 12);
    const vOut = 16.1 / 26.1;
    expect(step(steps, 'divider').result).toBeCloseTo(vOut, 12);
    const v = (vOut * 32) / 32.2;
    expect(step(steps, 'cable').result).toBeCloseTo(v, 12);
    expect(step(steps, 'power').result).toBeCloseTo(((v * v) / 32) * 1000, 10);
    expect(step(steps, 'spl').result).toBeCloseTo(100 + 20 * Math.log10(v), 10);
    // Alone: 32/(32 + 10) of 1 V; the change is the same from voltages and from powers.
    expect(step(steps, 'alone').result).toBeCloseTo(32 / 42, 12);
    expect(step(steps, 'level-change').result).toBeCloseTo(20 * Math.log10(v / (32 / 42)), 10);
    expect(step(steps, 'level-change-power').result).toBeCloseTo(20 * Math.log10(v / (32 / 42)), 10);
    expect(plainText(step(steps, 'parallel').formula)).toBe('Z_load = (Z_hp1 + R_cable) ∥ (Z_hp2 + R_cable) = 1 / Σ 1/(Z_i + R_cable)');
  });

  it('convert dB/mW to dB/V with 10·log10(1000/Z): 97 dB/mW at 300 Ω is 102.2 dB/V', () => {
    const hd600 = { name: 'HD 600', sensitivity: { value: 97, unit: 'dB/mW' as const }, impedance: { nominalOhms: 300 } };
    const steps = derivationSteps(setup({ headphones: [hd600] }));
    expect(step(steps, 'sensitivity').result).toBeCloseTo(97 + 10 * Math.log10(1000 / 300), 12);
  });

  it('run the amp’s input divider and gain: 1 V behind 100 Ω into 10 kΩ, +12 dB', () => {
    const chain: Setup = setup({ source: source({ outputImpedanceOhms: 100 }), amp: amp({ gainDb: 12, outputImpedanceOhms: 0.5, maxOutputVrms: 2 }) });
    const steps = derivationSteps(chain);
    const vin = 10_000 / 10_100;
    expect(step(steps, 'amp-input').result).toBeCloseTo(vin, 12);
    expect(step(steps, 'amp-emf').result).toBeCloseTo(vin * 10 ** (12 / 20), 12);
    // The amp's 2 V rail against its 3.94 V EMF at 0 dBFS.
    const clip = step(steps, 'clip-point');
    expect(clip.result).toBeCloseTo(20 * Math.log10(2 / (vin * 10 ** (12 / 20))), 10);
    expect(plainText(clip.formula)).toContain('V_max');
  });

  it('find a source’s current limit: 1 V, 40 mA peak into 16 Ω clips at 20·log10(40/88.4) = −6.89 dBFS', () => {
    const steps = derivationSteps(setup({ source: source({ maxOutputCurrentMa: 40 }), headphones: [resistiveHeadphone(16)] }));
    expect(step(steps, 'clip-point').result).toBeCloseTo(20 * Math.log10(40 / ((Math.SQRT2 * 1000) / 16)), 10);
    expect(step(steps, 'headroom').result).toBeCloseTo(20 * Math.log10(40 / ((Math.SQRT2 * 1000) / 16)), 10);
  });

  it('say that the reported power uses |Z| and give the real power V²·cos φ/|Z| for a complex load', () => {
    const inEar = { name: 'IEM', sensitivity: { value: 105, unit: 'dB/V' as const }, impedance: { network: { reOhms: 16, leMh: 1 } } };
    const steps = derivationSteps(setup({ headphones: [inEar] }));
    const power = step(steps, 'power');
    const x = 2 * Math.PI * 1000 * 1e-3;
    expect(power.result).toBeCloseTo((1 / Math.hypot(16, x)) * 1000, 10);
    const real = (16 / (16 * 16 + x * x)) * 1000; // V²·Re(1/Z)
    expect(power.note).toContain(`${formatNumber(real)} mW`);
    expect(power.note).toMatch(/real part/);
  });

  it('write numbers with a true minus sign and no exponent', () => {
    expect(formatNumber(-10)).toBe('−10.00');
    expect(formatNumber(0.000123456)).toBe('0.0001235');
    expect(formatNumber(200000)).toBe('200000');
    expect(formatNumber(-0.00001, 1)).toBe('−0.00001');
  });
});

describe('a step’s tag beside the report’s figure', () => {
  const base: DerivationStep = { id: 'spl', title: 'SPL', formula: '', substituted: '', result: 104.25, unit: 'dB SPL', reportField: 'splDb' };

  it('agrees when the two differ by rounding only (1e-9 relative), and says ≠ for anything larger', () => {
    expect(agreesWithReport({ ...base, reportValue: 104.25 * (1 + 5e-10) })).toBe(true);
    expect(agreesWithReport({ ...base, reportValue: 104.25 * (1 + 1e-6) })).toBe(false);
    // Near zero the tolerance is absolute: a 0 dB change vs alone may come out as 1e-12.
    expect(agreesWithReport({ ...base, result: 1e-12, reportValue: 0 })).toBe(true);
  });

  it('a step with no report figure has nothing to disagree with', () => {
    expect(agreesWithReport({ ...base, result: 3 })).toBe(true);
  });

  it('a voltage reads V and a sensitivity dB SPL at 1 V; other units as they are', () => {
    expect([unitText('Vrms'), unitText('dB SPL/V'), unitText('mW')]).toEqual(['V', 'dB SPL at 1 V', 'mW']);
  });
});

describe('a formula’s markup in parts', () => {
  it('{X_sub} is a variable with its subscript, {X} one without, and the text between stays as written', () => {
    expect(markupParts('{V_load} = {V_emf} · {Z} / 2')).toEqual([{ name: 'V', sub: 'load' }, ' = ', { name: 'V', sub: 'emf' }, ' · ', { name: 'Z' }, ' / 2']);
  });

  it('^(…) is a superscript that holds markup and one level of parentheses', () => {
    expect(markupParts('10^(({L_dB} − 3)/20) V')).toEqual(['10', { sup: ['(', { name: 'L', sub: 'dB' }, ' − 3)/20'] }, ' V']);
  });

  it('every step of a splitter preset reads back as its plain text', () => {
    const flat = (parts: ReturnType<typeof markupParts>): string =>
      parts.map((p) => (typeof p === 'string' ? p : 'sup' in p ? `^(${flat(p.sup)})` : p.sub === undefined ? p.name : `${p.name}_${p.sub}`)).join('');
    for (const s of derivationSteps(presets.find((p) => p.setup.headphones.length > 1)!.setup)) {
      expect(flat(markupParts(s.formula)).replace(/\^\(([^()]*)\)/g, '^$1'), s.id).toBe(plainText(s.formula));
    }
  });
});
