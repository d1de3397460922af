/**
 * The numbers behind hearing safety, as plain functions so they are tested without a page.
 *
 * The chains' outputs are acoustic: a 0 dBFS sine stands for `calibrationDbSpl` (DESIGN,
 * "Listening"). What reaches the ears is that simulated level lowered by the listening level
 * the user sets; the warning follows the *simulated* SPL, because that is what the listener
 * would hear from the real chain at that volume.
 */

/** Listening level (dB below the calibrated level). Starts low: a new visitor's first sound must not be loud. */
export const LISTENING_LEVEL_RANGE = { min: -60, max: 0, initial: -24 } as const;
/** 0 dBFS ↔ this SPL. 120 dB by default (DESIGN); 80–140 covers every sensible calibration. */
export const CALIBRATION_RANGE = { min: 80, max: 140, initial: 120 } as const;
/** Above this simulated level long listening harms hearing (WHO/ITU-T H.870: 80 dBA for 40 h a week; 85 dB is the common 8-hour limit). */
export const SAFE_LISTENING_DB_SPL = 85;

export type LevelCheck = { ok: true; value: number } | { ok: false; message: string };

function check(field: string, text: string, range: { min: number; max: number }, unit: string): LevelCheck {
  const trimmed = text.trim();
  const value = trimmed === '' ? Number.NaN : Number(trimmed);
  if (!Number.isFinite(value) || value < range.min || value > range.max) {
    return { ok: false, message: `${field} must be a number from ${range.min} to ${range.max} ${unit} (got ${trimmed === '' ? 'nothing' : JSON.stringify(trimmed)})` };
  }
  return { ok: true, value };
}

export function checkListeningLevel(text: string): LevelCheck {
  return check('Listening level', text, LISTENING_LEVEL_RANGE, 'dB');
}

export function checkCalibration(text: string): LevelCheck {
  return check('Calibration', text, CALIBRATION_RANGE, 'dB SPL');
}

/** Simulated SPL of a signal at `rmsDbfs` in a chain whose 0 dBFS sine means `calibrationDbSpl`. */
export function simulatedSplDb(rmsDbfs: number, calibrationDbSpl: number): number {
  // A full-scale sine has an RMS of −3.01 dBFS; the calibration refers to that sine's level.
  return rmsDbfs + 20 * Math.log10(Math.SQRT2) + calibrationDbSpl;
}
