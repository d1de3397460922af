/** The microphone channel against closed forms: quantization, dither, EIN + gain, P48, levels. */
import { describe, expect, it } from 'vitest';
import type { Microphone } from '../../../src/model/input/contract.ts';
import { analyseMicrophone, phantomVoltageAtMicV, quantizationNoiseDbfs } from '../../../src/model/input/microphone.ts';
import { aWeightingGain, whiteNoiseBandDb } from '../../../src/model/input/weighting.ts';

const powerSum = (...db: number[]): number => 10 * Math.log10(db.reduce((s, d) => s + 10 ** (d / 10), 0));

function mic(overrides: Partial<Microphone> = {}): Microphone {
  return {
    name: 'Test dynamic',
    type: 'dynamic',
    sensitivityMvPerPa: 2,
    impedanceOhms: 200,
    phantomPower: false,
    preamp: { gainDb: 60, einDbu: -128, einMeasurement: '20Hz-20kHz', inputImpedanceOhms: 2000 },
    converter: { maxInputDbu: 18, bitDepth: 24, dither: false },
    ...overrides,
  };
}

describe('converter quantization', () => {
  it('an N-bit converter’s quantization noise sits 6.02·N + 1.76 dB below a full-scale sine', () => {
    for (const bits of [16, 24] as const) {
      // Exactly 20·log10(2)·N + 10·log10(1.5): 98.09 dB at 16 bit, 146.26 dB at 24 bit.
      expect(quantizationNoiseDbfs(bits, false)).toBeCloseTo(-(20 * Math.log10(2) * bits + 10 * Math.log10(1.5)), 10);
      expect(Math.abs(quantizationNoiseDbfs(bits, false) + (6.02 * bits + 1.76))).toBeLessThan(0.01 * bits / 16 + 0.005);
    }
    expect(quantizationNoiseDbfs(16, false)).toBeCloseTo(-98.09, 2);
  });

  it('TPDF dither of ±1 LSB raises the noise by 10·log10(3) = 4.77 dB', () => {
    for (const bits of [16, 24] as const) {
      expect(quantizationNoiseDbfs(bits, true) - quantizationNoiseDbfs(bits, false)).toBeCloseTo(10 * Math.log10(3), 12);
    }
    expect(10 * Math.log10(3)).toBeCloseTo(4.77, 2);
  });

  it('an unweighted 20 Hz-20 kHz measurement sees (20 000 − 20)/(fs/2) of white noise: −0.80 dB at 48 kHz', () => {
    expect(whiteNoiseBandDb('20Hz-20kHz', 48_000)).toBeCloseTo(10 * Math.log10(19_980 / 24_000), 12);
    expect(whiteNoiseBandDb('20Hz-20kHz', 32_000)).toBeCloseTo(10 * Math.log10(15_980 / 16_000), 12);
  });

  it('A-weighting is 0 dB at 1 kHz and −19.1 / −2.5 dB at 100 Hz / 10 kHz (IEC 61672 table), and takes 2.05 dB off white noise in 20 Hz-20 kHz', () => {
    const db = (hz: number): number => 20 * Math.log10(aWeightingGain(hz));
    expect(db(1000)).toBeCloseTo(0, 2);
    expect(db(100)).toBeCloseTo(-19.1, 1);
    expect(db(10_000)).toBeCloseTo(-2.5, 1);
    // Trapezoid on a 1 Hz grid, written here independently of the model's Simpson sum.
    let sum = 0;
    for (let hz = 20; hz < 20_000; hz++) sum += (aWeightingGain(hz) ** 2 + aWeightingGain(hz + 1) ** 2) / 2;
    expect(whiteNoiseBandDb('A-weighted', 48_000)).toBeCloseTo(10 * Math.log10(sum / 24_000), 4);
    expect(whiteNoiseBandDb('A-weighted', 48_000) - whiteNoiseBandDb('20Hz-20kHz', 48_000)).toBeCloseTo(-2.05, 2);
  });
});

describe('microphone channel', () => {
  it('the noise floor is EIN + gain, referred to the converter’s full scale, power-summed with quantization', () => {
    // −128 dBu + 60 dB = −68 dBu at the converter; +18 dBu full scale: −86 dBFS.
    const a = analyseMicrophone(mic(), 48_000);
    expect(a.preampNoiseDbfs).toBe(-86);
    const q = -(20 * Math.log10(2) * 24 + 10 * Math.log10(1.5)) + 10 * Math.log10(19_980 / 24_000);
    expect(a.quantizationNoiseInBandDbfs).toBeCloseTo(q, 10);
    expect(a.noiseFloorDbfs).toBeCloseTo(powerSum(-86, q), 10);
    // 24-bit quantization (−147 dBFS) adds 3.4e-6 dB to the preamp's noise: it dominates.
    expect(a.noiseFloorDbfs - -86).toBeLessThan(1e-5);
    expect(a.dominantNoise).toBe('preamp');
    expect(a.noiseFloorDbu).toBeCloseTo(a.noiseFloorDbfs + 18, 12);
    expect(a.dynamicRangeDb).toBeCloseTo(86, 5);
  });

  it('at low gain a 16-bit converter’s quantization dominates, and dither makes it 4.77 dB worse', () => {
    const plain = analyseMicrophone(mic({ preamp: { ...mic().preamp, gainDb: 10 }, converter: { maxInputDbu: 18, bitDepth: 16, dither: false } }), 48_000);
    const dithered = analyseMicrophone(mic({ preamp: { ...mic().preamp, gainDb: 10 }, converter: { maxInputDbu: 18, bitDepth: 16, dither: true } }), 48_000);
    // Preamp: −128 + 10 − 18 = −136 dBFS; quantization −98.09 − 0.80 = −98.89 dBFS in the band.
    expect(plain.dominantNoise).toBe('quantization');
    const q16 = -(20 * Math.log10(2) * 16 + 10 * Math.log10(1.5)) + 10 * Math.log10(19_980 / 24_000);
    expect(plain.noiseFloorDbfs).toBeCloseTo(powerSum(-136, q16), 10);
    expect(dithered.quantizationNoiseInBandDbfs - plain.quantizationNoiseInBandDbfs).toBeCloseTo(4.7712, 4);
  });

  it('a 94 dB SPL tone reads sensitivity × loading + gain − full scale, and the converter clips that many dB higher', () => {
    // 2 mV/Pa into 2 kΩ from 200 Ω: 1.818 mV = −52.59 dBu; +60 dB − 18 dBu = −10.59 dBFS; clips at 104.59 dB SPL.
    const a = analyseMicrophone(mic(), 48_000);
    const dbu = 20 * Math.log10((0.002 * 2000) / 2200 / Math.sqrt(0.6));
    expect(a.micLevelDbuAt94DbSpl).toBeCloseTo(dbu, 12);
    expect(a.levelDbfsAt94DbSpl).toBeCloseTo(dbu + 60 - 18, 12);
    const onePascal = 20 * Math.log10(1 / 20e-6);
    expect(onePascal).toBeCloseTo(93.98, 2);
    expect(a.clipSplDb).toBeCloseTo(onePascal - (dbu + 42), 10);
    expect(a.noiseSplDb).toBeCloseTo(a.clipSplDb! - a.dynamicRangeDb, 10);
  });

  it('a condenser without phantom power gives no signal: no level, no clipping SPL, only the preamp’s noise', () => {
    const off = analyseMicrophone(mic({ type: 'condenser', phantomPower: false }), 48_000);
    expect(off.hasSignal).toBe(false);
    expect(off.micLevelDbuAt94DbSpl).toBeNull();
    expect(off.levelDbfsAt94DbSpl).toBeNull();
    expect(off.clipSplDb).toBeNull();
    expect(off.noiseFloorDbfs).toBeCloseTo(analyseMicrophone(mic(), 48_000).noiseFloorDbfs, 12);
    const on = analyseMicrophone(mic({ type: 'condenser', phantomPower: true, phantomCurrentMa: 0.8 }), 48_000);
    expect(on.hasSignal).toBe(true);
    // A dynamic mic needs no phantom power.
    expect(analyseMicrophone(mic({ phantomPower: false }), 48_000).hasSignal).toBe(true);
  });

  it('P48 feeds 48 V through two 6.81 kΩ legs in parallel: 0.8 mA leaves 45.28 V at the mic, 10 mA leaves 13.95 V', () => {
    expect(phantomVoltageAtMicV(0.8)).toBeCloseTo(48 - 0.0008 * 3405, 12);
    expect(phantomVoltageAtMicV(10)).toBeCloseTo(13.95, 12);
    expect(analyseMicrophone(mic({ type: 'condenser', phantomPower: true, phantomCurrentMa: 0.8 }), 48_000).phantomVoltageAtMicV).toBeCloseTo(45.276, 10);
  });
});
