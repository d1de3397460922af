/**
 * The checks on the two numbers the user can type for a sound (a sine's frequency and level).
 * The ranges are the audible band and the levels a sine can have below digital full scale;
 * out-of-range values are refused with the range in the message, never clamped.
 */
import { checkNumber, type NumberCheck } from '../../text/typed-number.ts';

export type { SourceChoice, SourceKind } from '../../audio/engine/index.ts';

const SINE_HZ_RANGE = { min: 20, max: 20_000 } as const;
const SINE_LEVEL_RANGE = { min: -60, max: 0 } as const;

export function checkSineHz(text: string): NumberCheck {
  return checkNumber('Sine frequency', text, SINE_HZ_RANGE, 'Hz');
}

export function checkSineLevel(text: string): NumberCheck {
  return checkNumber('Sine level', text, SINE_LEVEL_RANGE, 'dBFS');
}
