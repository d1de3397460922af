/**
 * A microphone into a preamp and a converter: the level a sound pressure reaches, the noise
 * floor (the preamp's equivalent input noise amplified, plus the converter's quantization
 * noise), the dynamic range and the SPL at which the converter clips.
 *
 * Levels: dBu re 0.7746 V; dBFS re a full-scale sine (AES17), whose RMS is the converter's
 * maxInputDbu. Noise is stated in the EIN's own measurement (A-weighted or 20 Hz–20 kHz).
 */
import type { Microphone } from './contract.ts';
import type { MicrophoneInputReport } from '../report-contract.ts';
import { whiteNoiseBandDb } from './weighting.ts';

/** 0 dBu in volts RMS: the voltage that dissipates 1 mW in 600 Ω, √0.6. */
export const DBU_REFERENCE_V = Math.sqrt(0.6);
/** 1 Pa RMS in dB SPL (re 20 µPa). */
export const ONE_PASCAL_DB_SPL = 20 * Math.log10(1 / 20e-6);
/** P48 (IEC 61938): 48 V through 6.81 kΩ on each of the two signal legs. */
export const PHANTOM_VOLTS = 48;
export const PHANTOM_LEG_OHMS = 6810;

const powerSumDb = (...levelsDb: number[]): number => 10 * Math.log10(levelsDb.reduce((sum, db) => sum + 10 ** (db / 10), 0));

/**
 * Quantization noise of an N-bit converter relative to a full-scale sine, over 0 … fs/2:
 * step q = 2/2^N for a range of ±1, noise power q²/12 against the sine's ½:
 * −10·log10(1.5·4^N) = −(6.02·N + 1.76) dB. TPDF dither of ±1 LSB adds q²/6: three times
 * the power, +4.77 dB.
 */
export function quantizationNoiseDbfs(bitDepth: number, dither: boolean): number {
  const q = 2 / 2 ** bitDepth;
  const power = (q * q) / 12 + (dither ? (q * q) / 6 : 0);
  return 10 * Math.log10(power / 0.5);
}

/** Voltage at a phantom-powered mic drawing currentMa: the two 6.81 kΩ legs in parallel carry it. */
export function phantomVoltageAtMicV(currentMa: number): number {
  return PHANTOM_VOLTS - (currentMa / 1000) * (PHANTOM_LEG_OHMS / 2);
}

/** The microphone's figures as the report gives them (report-contract.ts), and the preamp's noise in dBu. */
export interface MicrophoneAnalysis extends Omit<MicrophoneInputReport, 'name'> {
  /** EIN + gain, at the converter input. */
  preampNoiseDbu: number;
}

export function analyseMicrophone(mic: Microphone, sampleRateHz: number): MicrophoneAnalysis {
  const { preamp, converter } = mic;
  const hasSignal = mic.type === 'dynamic' || mic.phantomPower;
  const phantom = mic.type === 'condenser' && mic.phantomPower && mic.phantomCurrentMa != null ? phantomVoltageAtMicV(mic.phantomCurrentMa) : null;

  const loadedV = (mic.sensitivityMvPerPa / 1000) * (preamp.inputImpedanceOhms / (preamp.inputImpedanceOhms + mic.impedanceOhms));
  const micLevelDbu = hasSignal ? 20 * Math.log10(loadedV / DBU_REFERENCE_V) : null;
  const levelAt94 = micLevelDbu === null ? null : micLevelDbu + preamp.gainDb - converter.maxInputDbu;

  const preampNoiseDbu = preamp.einDbu + preamp.gainDb;
  const preampNoiseDbfs = preampNoiseDbu - converter.maxInputDbu;
  const quantization = quantizationNoiseDbfs(converter.bitDepth, converter.dither);
  const quantizationInBand = quantization + whiteNoiseBandDb(preamp.einMeasurement, sampleRateHz);
  const noiseFloorDbfs = powerSumDb(preampNoiseDbfs, quantizationInBand);

  return {
    hasSignal,
    phantomVoltageAtMicV: phantom,
    micLevelDbuAt94DbSpl: micLevelDbu,
    levelDbfsAt94DbSpl: levelAt94,
    clipSplDb: levelAt94 === null ? null : ONE_PASCAL_DB_SPL - levelAt94,
    noiseMeasurement: preamp.einMeasurement,
    preampNoiseDbu,
    preampNoiseDbfs,
    quantizationNoiseDbfs: quantization,
    quantizationNoiseInBandDbfs: quantizationInBand,
    noiseFloorDbfs,
    noiseFloorDbu: noiseFloorDbfs + converter.maxInputDbu,
    dynamicRangeDb: -noiseFloorDbfs,
    noiseSplDb: levelAt94 === null ? null : ONE_PASCAL_DB_SPL - levelAt94 + noiseFloorDbfs,
    dominantNoise: preampNoiseDbfs >= quantizationInBand ? 'preamp' : 'quantization',
  };
}
