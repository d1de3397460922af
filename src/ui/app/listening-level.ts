/**
 * The typed hearing-safety values, checked before they reach the engine. The ranges are the
 * engine's own (src/audio/engine/ranges.ts), so the field and the engine can never disagree;
 * the messages here name the field as the user sees it and quote what was typed.
 *
 * The chains' outputs are acoustic: a 0 dBFS sine stands for the calibration SPL (docs/architecture.md,
 * "Listening"), and the engine's meters report the simulated SPL from it.
 */
import { CALIBRATION_DB_SPL_RANGE, DEFAULT_LISTENING_LEVEL_DB, LISTENING_LEVEL_DB_RANGE } from '../../audio/engine/ranges.ts';
import { DEFAULT_CALIBRATION_DB_SPL } from '../../model/compile.ts';
import { checkNumber, type NumberCheck } from '../../text/typed-number.ts';

export const LISTENING_LEVEL_RANGE = { ...LISTENING_LEVEL_DB_RANGE, initial: DEFAULT_LISTENING_LEVEL_DB } as const;
export const CALIBRATION_RANGE = { ...CALIBRATION_DB_SPL_RANGE, initial: DEFAULT_CALIBRATION_DB_SPL } as const;
/** The engine's own threshold for its loud-level warning, so the readout and the engine warn alike. */
export { SAFE_LISTENING_DB_SPL } from '../../audio/engine/listening-engine.ts';

export function checkListeningLevel(text: string): NumberCheck {
  return checkNumber('Listening level', text, LISTENING_LEVEL_RANGE, 'dB');
}

export function checkCalibration(text: string): NumberCheck {
  return checkNumber('Calibration', text, CALIBRATION_RANGE, 'dB SPL');
}
