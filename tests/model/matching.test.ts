import { describe, expect, it } from 'vitest';
import { peakCurrentForSplMa, powerForSplMw, voltageForSplVrms } from '../../src/model/acoustics.ts';
import { dampingFactor, eighthRule, headroomDb } from '../../src/model/matching.ts';
import { buildReport } from '../../src/model/report.ts';
import type { Headphone } from '../../src/model/setup.ts';
import { db, resistiveHeadphone, setup, source } from '../support/setups.ts';

const EXACT = 9;
// A resistive swing whose peak sits on a report frequency (20·10^0.7 ≈ 100.2 Hz), so the
// 301-point response sees the true maximum and closed forms apply exactly.
const PEAK_HZ = 20 * 10 ** 0.7;
const swing = (minOhms: number, maxOhms: number): Headphone => ({
  name: `${minOhms}-${maxOhms} ohm`,
  sensitivity: { value: 100, unit: 'dB/V' },
  impedance: { curve: [[20, minOhms, 0], [PEAK_HZ, maxOhms, 0], [1000, minOhms, 0], [20_000, minOhms, 0]] },
});

describe('impedance matching', () => {
  it('damping factor is |Z_hp| over the impedance the headphone sees: 300 Ω on a 2 Ω source is 150', () => {
    expect(dampingFactor(setup({ source: source({ outputImpedanceOhms: 2 }), headphones: [resistiveHeadphone(300)] }), 0)).toBeCloseTo(150, EXACT);
  });

  it('on a shared splitter each headphone sees the output impedance in parallel with the other listeners, plus its cable', () => {
    const s = setup({
      source: source({ outputImpedanceOhms: 10 }),
      splitter: { cableResistanceOhms: 1 },
      headphones: [resistiveHeadphone(32), resistiveHeadphone(32)],
    });
    expect(dampingFactor(s, 0)).toBeCloseTo(32 / (1 + 1 / (1 / 10 + 1 / 33)), EXACT);
  });

  it('an ideal 0 Ω source has infinite damping factor', () => {
    expect(dampingFactor(setup(), 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('the 1/8 rule passes when the load is at least 8 times the output impedance at every frequency', () => {
    const check = eighthRule(setup({ source: source({ outputImpedanceOhms: 4 }), headphones: [swing(32, 64)] }), 0);
    expect(check.worstRatio).toBeCloseTo(8, EXACT);
    expect(check.loadImpedanceOhms).toBeCloseTo(32, EXACT);
    expect(check.passes).toBe(true);
    expect(eighthRule(setup({ source: source({ outputImpedanceOhms: 4.01 }), headphones: [swing(32, 64)] }), 0).passes).toBe(false);
  });

  it('on a shared output the 1/8 rule judges the whole load: four 32 Ω listeners need 1 Ω, not 4 Ω', () => {
    const four = (ohms: number) => setup({ source: source({ outputImpedanceOhms: ohms }), splitter: { cableResistanceOhms: 0 }, headphones: Array.from({ length: 4 }, () => resistiveHeadphone(32)) });
    expect(eighthRule(four(1), 2).worstRatio).toBeCloseTo(8, EXACT);
    expect(eighthRule(four(1), 2).passes).toBe(true);
    expect(eighthRule(four(1.01), 2).passes).toBe(false);
  });

  it('a coupling capacitor fails the 1/8 rule in the bass: 220 µF behind 1 Ω into 16 Ω is 36.2 Ω at 20 Hz', () => {
    const check = eighthRule(setup({ source: source({ outputImpedanceOhms: 1, couplingCapacitorUf: 220 }), headphones: [resistiveHeadphone(16)] }), 0);
    expect(check.worstHz).toBe(20);
    expect(check.sourceImpedanceOhms).toBeCloseTo(Math.hypot(1, 1 / (2 * Math.PI * 20 * 220e-6)), EXACT);
    expect(check.passes).toBe(false);
  });

  it('the 1/8 rule keeps the response deviation under 20·log10(9/8) = 1.02 dB for any swing, and under 0.5 dB for 2:1', () => {
    for (const ratio of [1.5, 2, 4, 10, 100]) {
      const d = buildReport(setup({ source: source({ outputImpedanceOhms: 32 / 8 }), headphones: [swing(32, 32 * ratio)] })).headphones[0]!.responseDeviationDb;
      expect(d.max - d.min).toBeLessThan(db(9 / 8));
      // Closed form (headphonetestlab / HiFi News): 20·log10(Zmax(Zmin+Zo) / (Zmin(Zmax+Zo))).
      expect(d.max - d.min).toBeCloseTo(db((32 * ratio * (32 + 4)) / (32 * (32 * ratio + 4))), EXACT);
    }
    const twoToOne = buildReport(setup({ source: source({ outputImpedanceOhms: 4 }), headphones: [swing(32, 64)] })).headphones[0]!.responseDeviationDb;
    expect(twoToOne.max - twoToOne.min).toBeLessThan(0.5);
  });

  it('voltage, power and current for a target SPL: a 97 dB/mW, 300 Ω headphone needs 1.63 V, 8.9 mW for 106.5 dB', () => {
    const hd600: Headphone = { name: 'HD 600', sensitivity: { value: 97, unit: 'dB/mW' }, impedance: { nominalOhms: 300 } };
    // 106.5 dB is 9.5 dB above 1 mW: P = 10^0.95 mW, V = √(P·Z).
    const powerMw = 10 ** 0.95;
    expect(powerForSplMw(hd600, 106.5)).toBeCloseTo(powerMw, EXACT);
    expect(voltageForSplVrms(hd600, 106.5)).toBeCloseTo(Math.sqrt((powerMw / 1000) * 300), EXACT);
    expect(peakCurrentForSplMa(hd600, 106.5)).toBeCloseTo((Math.SQRT2 * Math.sqrt((powerMw / 1000) * 300) / 300) * 1000, EXACT);
  });

  it('headroom is max clean SPL minus SPL: a −10 dBFS signal with no limit has 10 dB', () => {
    expect(headroomDb(buildReport(setup({ signal: { levelDbfs: -10 } })).headphones[0]!)).toBeCloseTo(10, EXACT);
  });
});
