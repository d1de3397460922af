/**
 * The checks on the numbers a listener types for the engine: the listening level and the
 * calibration (the engine's own ranges, so the field and the engine can never disagree), and a
 * sine's frequency and level (the audible band; the levels a sine can have below digital full
 * scale). The messages name the field as the user sees it and quote what was typed; out-of-range
 * values are refused with the range in the message, never clamped.
 *
 * The chains' outputs are acoustic: a 0 dBFS sine stands for the calibration SPL (docs/architecture.md,
 * "Listening"), and the engine's meters report the simulated SPL from it.
 */
import { CALIBRATION_DB_SPL_RANGE, DEFAULT_LISTENING_LEVEL_DB, LISTENING_LEVEL_DB_RANGE } from './ranges.ts';
import { DEFAULT_CALIBRATION_DB_SPL } from '../../model/compile.ts';
import { checkNumber, type NumberCheck } from '../../text/typed-number.ts';

export const LISTENING_LEVEL_RANGE = { ...LISTENING_LEVEL_DB_RANGE, initial: DEFAULT_LISTENING_LEVEL_DB } as const;
export const CALIBRATION_RANGE = { ...CALIBRATION_DB_SPL_RANGE, initial: DEFAULT_CALIBRATION_DB_SPL } as const;
const SINE_HZ_RANGE = { min: 20, max: 20_000 } as const;
const SINE_LEVEL_RANGE = { min: -60, max: 0 } as const;

export function checkListeningLevel(text: string): NumberCheck {
  return checkNumber('Listening level', text, LISTENING_LEVEL_RANGE, 'dB');
}

export function checkCalibration(text: string): NumberCheck {
  return checkNumber('Calibration', text, CALIBRATION_RANGE, 'dB SPL');
}

export function checkSineHz(text: string): NumberCheck {
  return checkNumber('Sine frequency', text, SINE_HZ_RANGE, 'Hz');
}

export function checkSineLevel(text: string): NumberCheck {
  return checkNumber('Sine level', text, SINE_LEVEL_RANGE, 'dBFS');
}
