/**
 * compileInput(input, sampleRate) → the numbers the input-side processors run
 * (worklets/processors/input-*.ts). Every figure comes from the same model as the report:
 * no formula is repeated in a processor.
 *
 * Audio scale: for the microphone path the input audio is sound pressure, a 0 dBFS sine
 * (peak 1) standing for `calibrationDbSpl` (default 120 dB SPL, as on the output side);
 * the converter's output is digital, 0 dBFS = its full scale. For the instrument path the
 * input audio is the pickup's EMF and the output is the voltage at the input, same scale.
 */
import type { InputSetup, Instrument, Latency, Microphone } from './contract.ts';
import { analyseLatency } from './latency.ts';
import { analyseMicrophone, ONE_PASCAL_DB_SPL } from './microphone.ts';
import { pickupCircuit } from './pickup.ts';
import { whiteNoiseBandDb } from './weighting.ts';

export const DEFAULT_CALIBRATION_DB_SPL = 120;

/**
 * H(s) = numerator(s)/denominator(s), coefficients in ascending powers of s. The processor
 * maps it with the bilinear transform at 8× the context rate (worklets/dsp/input-pickup.ts).
 */
export interface PickupPlan {
  numerator: number[];
  denominator: number[];
}

export interface ConverterPlan {
  /** Linear gain from input samples (pressure) to converter samples; 0 without a signal. */
  signalGain: number;
  /** RMS of the preamp's white noise in converter samples over 0 … fs/2. */
  noiseRms: number;
  bitDepth: number;
  dither: boolean;
}

export interface MonitorPlan {
  /** Monitoring delay rounded to whole samples. */
  delaySamples: number;
}

export interface InputPlan {
  sampleRateHz: number;
  pickup: PickupPlan | null;
  converter: ConverterPlan | null;
  monitor: MonitorPlan | null;
}

/**
 * V_in/EMF = 1 / (1 + (R + sL)(G + sC)) = 1 / ((1 + RG) + (RC + LG)·s + LC·s²),
 * the same circuit as pickup.ts.
 */
export function pickupPlan(instrument: Instrument): PickupPlan {
  const circuit = pickupCircuit(instrument);
  const { inductanceH: L, resistanceOhms: R, capacitanceF: C } = circuit;
  const G = Number.isFinite(circuit.loadOhms) ? 1 / circuit.loadOhms : 0;
  return {
    numerator: [1],
    denominator: C > 0 ? [1 + R * G, R * C + L * G, L * C] : [1 + R * G, R * C + L * G],
  };
}

export function converterPlan(mic: Microphone, sampleRateHz: number, calibrationDbSpl = DEFAULT_CALIBRATION_DB_SPL): ConverterPlan {
  const a = analyseMicrophone(mic, sampleRateHz);
  // A full-scale input sine is calibrationDbSpl; at 94 dB SPL (1 Pa) the converter reads levelDbfsAt94DbSpl.
  const signalGain = a.levelDbfsAt94DbSpl === null ? 0 : 10 ** ((a.levelDbfsAt94DbSpl + calibrationDbSpl - ONE_PASCAL_DB_SPL) / 20);
  // The preamp's noise over the whole band 0 … fs/2 (the EIN is stated in a narrower one).
  const fullBandDbfs = a.preampNoiseDbfs - whiteNoiseBandDb(mic.preamp.einMeasurement, sampleRateHz);
  // dBFS re a full-scale sine (power ½): variance = ½ · 10^(dB/10).
  return { signalGain, noiseRms: Math.sqrt(0.5 * 10 ** (fullBandDbfs / 10)), bitDepth: mic.converter.bitDepth, dither: mic.converter.dither };
}

export function monitorPlan(latency: Latency, sampleRateHz: number): MonitorPlan {
  return { delaySamples: Math.round(analyseLatency(latency, sampleRateHz).monitoringSamples) };
}

/** The plan for a context at `sampleRateHz` (the setup's own rate sets the report, not the audio). */
export function compileInput(input: InputSetup, sampleRateHz: number, calibrationDbSpl = DEFAULT_CALIBRATION_DB_SPL): InputPlan {
  return {
    sampleRateHz,
    pickup: input.instrument != null ? pickupPlan(input.instrument) : null,
    converter: input.microphone != null ? converterPlan(input.microphone, sampleRateHz, calibrationDbSpl) : null,
    monitor: input.latency != null ? monitorPlan(input.latency, sampleRateHz) : null,
  };
}
