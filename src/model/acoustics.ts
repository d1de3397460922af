/**
 * From terminal voltage to loudness, at the reference frequency (1 kHz).
 *
 *   dB/mW → dB/V:  S_V = S_mW + 10·log10(1000 / |Z(1 kHz)|)   (1 mW into |Z| needs √(|Z|/1000) V)
 *   SPL = S_V + 20·log10(V_load)
 *   P   = V² / |Z(1 kHz)|   (the spec-sheet convention behind dB/mW ratings)
 */
import { abs } from './complex.ts';
import { headphoneImpedanceAt } from './impedance.ts';
import type { Headphone } from './setup.ts';
import { dbToVoltageRatio, powerRatioToDb, REFERENCE_HZ, voltageRatioToDb } from './units.ts';

export function impedanceMagnitudeAt1kHz(headphone: Headphone): number {
  return abs(headphoneImpedanceAt(headphone.impedance, REFERENCE_HZ));
}

/** Sensitivity in dB SPL for 1 Vrms at 1 kHz, whatever unit the data sheet used. */
export function sensitivityDbPerVolt(headphone: Headphone): number {
  const { value, unit } = headphone.sensitivity;
  if (unit === 'dB/V') return value;
  return value + powerRatioToDb(1000 / impedanceMagnitudeAt1kHz(headphone));
}

export function splDbAt(headphone: Headphone, loadVoltageVrms: number): number {
  return sensitivityDbPerVolt(headphone) + voltageRatioToDb(loadVoltageVrms);
}

export function powerMwAt(headphone: Headphone, loadVoltageVrms: number): number {
  return (loadVoltageVrms ** 2 / impedanceMagnitudeAt1kHz(headphone)) * 1000;
}

/** Vrms at the terminals that gives `targetSplDb` at 1 kHz. */
export function voltageForSplVrms(headphone: Headphone, targetSplDb: number): number {
  return dbToVoltageRatio(targetSplDb - sensitivityDbPerVolt(headphone));
}

/** mW into |Z(1 kHz)| that gives `targetSplDb`. */
export function powerForSplMw(headphone: Headphone, targetSplDb: number): number {
  return powerMwAt(headphone, voltageForSplVrms(headphone, targetSplDb));
}

/** Peak mA through the headphone at `targetSplDb` (a sine): √2 · V / |Z|. */
export function peakCurrentForSplMa(headphone: Headphone, targetSplDb: number): number {
  return ((Math.SQRT2 * voltageForSplVrms(headphone, targetSplDb)) / impedanceMagnitudeAt1kHz(headphone)) * 1000;
}
