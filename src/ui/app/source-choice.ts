/**
 * What the user can listen through the chains, as plain data, and the checks on the two
 * numbers they can type (a sine's frequency and level). The ranges are the audible band and
 * the levels a sine can have below digital full scale; out-of-range values are refused with
 * the range in the message, never clamped.
 */
import type { BuiltInChoice } from '../../audio/sources/built-in-material.ts';
import { checkNumber, type NumberCheck } from '../../text/typed-number.ts';

/** A built-in sound (src/audio/sources/built-in-material.ts), a file of the user's, or the microphone. */
export type SourceChoice = BuiltInChoice | { kind: 'file'; file: File } | { kind: 'mic' };

export type SourceKind = SourceChoice['kind'];

const SINE_HZ_RANGE = { min: 20, max: 20_000 } as const;
const SINE_LEVEL_RANGE = { min: -60, max: 0 } as const;

export function checkSineHz(text: string): NumberCheck {
  return checkNumber('Sine frequency', text, SINE_HZ_RANGE, 'Hz');
}

export function checkSineLevel(text: string): NumberCheck {
  return checkNumber('Sine level', text, SINE_LEVEL_RANGE, 'dBFS');
}
